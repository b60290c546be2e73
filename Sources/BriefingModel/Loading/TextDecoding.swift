/// Turns a file's bytes into text with `\n` line ends, reporting what had to be repaired.
enum TextDecoding {
    /// The outcome of decoding: the text, or the reason there is none.
    enum Outcome {
        case text(String, warnings: [(line: Int, message: String)])
        case binary(String)
    }

    static func decode(_ bytes: [UInt8]) -> Outcome {
        if let (text, warnings) = decodeWithByteOrderMark(bytes) {
            return .text(normalizeLineEnds(text), warnings: warnings)
        }
        var body = bytes[...]
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            body = bytes[3...]
        }
        if looksBinary(body) {
            return .binary("binary file (contains NUL or control bytes); not read")
        }
        var warnings: [(line: Int, message: String)] = []
        if let bad = firstInvalidUTF8(body) {
            var line = 1
            for b in body[body.startIndex..<bad.offset] where b == 0x0A { line += 1 }
            let plural = bad.count == 1 ? "" : "s"
            warnings.append((line, "invalid UTF-8 (\(bad.count) bad byte sequence\(plural)); replaced with U+FFFD"))
        }
        let text = String(decoding: body, as: UTF8.self)
        return .text(containsCR(body) ? normalizeLineEnds(text) : text, warnings: warnings)
    }

    /// True when a carriage return (0x0D) is among the bytes; scanned eight bytes at a time.
    static func containsCR(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            if let base = b.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= n {
                    // A zero byte in `w ^ 0x0D0D…` marks a CR (the classic has-zero-byte test).
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0D0D_0D0D_0D0D_0D0D
                    if (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0 { return true }
                    i += 8
                }
            }
            while i < n {
                if b[i] == 0x0D { return true }
                i += 1
            }
            return false
        }
    }

    /// UTF-32 and UTF-16 text announced by a byte order mark; nil when there is none.
    private static func decodeWithByteOrderMark(_ bytes: [UInt8]) -> (String, [(line: Int, message: String)])? {
        let b = bytes
        if b.count >= 4
            && ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
                || (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF))
        {
            let little = b[0] == 0xFF
            var scalars = String.UnicodeScalarView()
            var bad = b.count % 4 != 0
            var i = 4
            while i + 3 < b.count {
                let v =
                    little
                    ? UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
                    : UInt32(b[i + 3]) | UInt32(b[i + 2]) << 8 | UInt32(b[i + 1]) << 16 | UInt32(b[i]) << 24
                if let s = Unicode.Scalar(v) {
                    scalars.append(s)
                } else {
                    scalars.append("\u{FFFD}")
                    bad = true
                }
                i += 4
            }
            var warnings = [
                (
                    line: 1,
                    message:
                        "decoded as UTF-32 (\(little ? "little" : "big")-endian, with a byte order mark); save as UTF-8"
                )
            ]
            if bad { warnings.append((1, "invalid UTF-32 code units; replaced with U+FFFD")) }
            return (String(scalars), warnings)
        }
        if b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) {
            let little = b[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(b.count / 2)
            var i = 2
            while i + 1 < b.count {
                let x = UInt16(b[i])
                let y = UInt16(b[i + 1])
                units.append(little ? (y << 8 | x) : (x << 8 | y))
                i += 2
            }
            var warnings = [
                (
                    line: 1,
                    message:
                        "decoded as UTF-16 (\(little ? "little" : "big")-endian, with a byte order mark); save as UTF-8"
                )
            ]
            if b.count % 2 != 0 {
                warnings.append((1, "UTF-16 file has an odd number of bytes; the last byte was dropped"))
            }
            if transcodingFails(units) {
                warnings.append((1, "invalid UTF-16 (unpaired surrogates); replaced with U+FFFD"))
            }
            return (String(decoding: units, as: UTF16.self), warnings)
        }
        return nil
    }

    private static func transcodingFails(_ units: [UInt16]) -> Bool {
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return false
            case .error: return true
            }
        }
    }

    /// Turns `\r\n` and lone `\r` into `\n` (Swift treats `\r\n` as one Character, which would hide line breaks).
    static func normalizeLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for b in text.utf8 {
            if b == 0x0D {
                out.append(0x0A)
                previousCR = true
                continue
            }
            if b == 0x0A && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A NUL byte, or many control bytes, in the first 8 KiB.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.prefix(8192).withUnsafeBufferPointer { sample in
            var controls = 0
            let n = sample.count
            var i = 0
            @inline(__always) func count(_ b: UInt8) -> Bool {
                guard b < 0x20 else { return false }
                if b == 0 { return true }
                if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
                return false
            }
            if let base = sample.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= n {
                    // Eight bytes at a time: a byte below 0x20 has none of the bits 0x20, 0x40, 0x80 set, so
                    // when every byte has one of them the word holds no control byte (most text words).
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let high = (w | (w << 1) | (w << 2)) & 0x8080_8080_8080_8080
                    if high != 0x8080_8080_8080_8080 {
                        for k in i..<(i + 8) where count(sample[k]) { return true }
                    }
                    i += 8
                }
            }
            while i < n {
                if count(sample[i]) { return true }
                i += 1
            }
            return n > 0 && controls * 10 > n
        }
    }

    /// The offset (an index of `bytes`) of the first invalid UTF-8 sequence and how many there are.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (offset: Int, count: Int)? {
        let found: (Int, Int)? = bytes.withUnsafeBufferPointer { b in
            var first: Int?
            var count = 0
            var i = 0
            let end = b.count
            let raw = b.baseAddress.map(UnsafeRawPointer.init)
            while i < end {
                // Runs of ASCII, eight bytes at a time.
                if let raw {
                    while i + 8 <= end,
                        raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                    {
                        i += 8
                    }
                    if i >= end { break }
                }
                let c = b[i]
                if c < 0x80 {
                    i += 1
                    continue
                }
                var need = 0
                var minScalar: UInt32 = 0
                var scalar: UInt32 = 0
                if c & 0xE0 == 0xC0 {
                    need = 1
                    minScalar = 0x80
                    scalar = UInt32(c & 0x1F)
                } else if c & 0xF0 == 0xE0 {
                    need = 2
                    minScalar = 0x800
                    scalar = UInt32(c & 0x0F)
                } else if c & 0xF8 == 0xF0 {
                    need = 3
                    minScalar = 0x10000
                    scalar = UInt32(c & 0x07)
                } else {
                    if first == nil { first = i }
                    count += 1
                    i += 1
                    continue
                }
                var ok = i + need < end
                if ok {
                    for k in 1...need {
                        let d = b[i + k]
                        if d & 0xC0 != 0x80 {
                            ok = false
                            break
                        }
                        scalar = scalar << 6 | UInt32(d & 0x3F)
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
        return found.map { (bytes.startIndex + $0.0, $0.1) }
    }
}
