import Foundation

/// Turns a file's bytes into text, reporting what had to be repaired.
enum TextDecoding {
    /// The outcome of decoding: the text, or the reason there is none.
    enum Outcome {
        case text(String, warnings: [(line: Int, message: String)])
        case binary(String)
    }

    static func decode(_ bytes: [UInt8]) -> Outcome {
        // UTF-16 with a byte order mark.
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                let a = UInt16(bytes[i])
                let b = UInt16(bytes[i + 1])
                units.append(little ? (b << 8 | a) : (a << 8 | b))
                i += 2
            }
            let text = String(decoding: units, as: UTF16.self)
            return .text(
                text,
                warnings: [
                    (
                        1,
                        "decoded as UTF-16 (\(little ? "little" : "big")-endian, with a byte order mark); save as UTF-8"
                    )
                ])
        }
        var body = bytes[...]
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            body = bytes[3...]
        }
        if looksBinary(body) {
            return .binary("binary file (contains NUL or control bytes), not read")
        }
        var warnings: [(Int, String)] = []
        if let bad = firstInvalidUTF8(body) {
            let line = 1 + body[body.startIndex..<bad.offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            warnings.append(
                (
                    line,
                    "invalid UTF-8 (\(bad.count) bad byte sequence\(bad.count == 1 ? "" : "s")); replaced with U+FFFD"
                ))
        }
        return .text(String(decoding: body, as: UTF8.self), warnings: warnings)
    }

    /// A NUL byte, or many control bytes, in the first 8 KiB.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = bytes.prefix(8192)
        var controls = 0
        for b in sample {
            if b == 0 { return true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        return sample.count > 0 && controls * 10 > sample.count
    }

    /// The offset of the first invalid UTF-8 sequence and how many there are.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (offset: Int, count: Int)? {
        var first: Int?
        var count = 0
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            var need = 0
            var minScalar: UInt32 = 0
            var scalar: UInt32 = 0
            if b & 0xE0 == 0xC0 {
                need = 1
                minScalar = 0x80
                scalar = UInt32(b & 0x1F)
            } else if b & 0xF0 == 0xE0 {
                need = 2
                minScalar = 0x800
                scalar = UInt32(b & 0x0F)
            } else if b & 0xF8 == 0xF0 {
                need = 3
                minScalar = 0x10000
                scalar = UInt32(b & 0x07)
            } else {
                if first == nil { first = i }
                count += 1
                i += 1
                continue
            }
            var ok = i + need < end
            if ok {
                for k in 1...need {
                    let c = bytes[i + k]
                    if c & 0xC0 != 0x80 {
                        ok = false
                        break
                    }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
            }
            if ok && (scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar)) { ok = false }
            if ok {
                i += need + 1
            } else {
                if first == nil { first = i }
                count += 1
                i += 1
            }
        }
        return first.map { ($0, count) }
    }
}
