/// Cuts a paragraph's text at the scalar offsets of the scalars decoded from it: each offset is turned into a
/// UTF-8 offset by counting the encoded lengths of the scalars before it (a cursor moves forward over calls),
/// and the string is indexed there directly, without walking its scalar view or comparing the result.
struct UTF8Slicer {
    let text: Substring
    let scalars: [Unicode.Scalar]
    /// The scalars encode to exactly as many bytes as the text holds (they were decoded from it); when they do
    /// not, `slice` answers nil.
    let matches: Bool
    private var scalar = 0
    private var byte = 0

    init(text: Substring, scalars: [Unicode.Scalar]) {
        self.text = text
        self.scalars = scalars
        matches = Self.encodedLength(scalars, 0..<scalars.count) == text.utf8.count
    }

    /// UTF-8 length of `s[r]`: four bytes per scalar, one fewer below U+10000, U+0800 and U+0080 each (a
    /// wrapped subtraction's top bit), eight scalars at a time.
    static func encodedLength(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Int {
        s.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: UInt32.self) { v in
                guard let base = v.baseAddress, r.lowerBound >= 0, r.upperBound <= v.count else { return 0 }
                let (a, b, c) = (
                    SIMD8<UInt32>(repeating: 0x80), SIMD8<UInt32>(repeating: 0x800), SIMD8<UInt32>(repeating: 0x1_0000)
                )
                var below = SIMD8<UInt32>(repeating: 0)
                var i = r.lowerBound
                while i + 8 <= r.upperBound {
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<UInt32>.self)
                    below &+= ((x &- a) &>> 31) &+ ((x &- b) &>> 31) &+ ((x &- c) &>> 31)
                    i += 8
                }
                var n = 4 * (i - r.lowerBound) - Int(below.wrappedSum())
                while i < r.upperBound {
                    let x = v[i]
                    n += 4 - Int((x &- 0x80) >> 31) - Int((x &- 0x800) >> 31) - Int((x &- 0x1_0000) >> 31)
                    i += 1
                }
                return n
            }
        }
    }

    /// Scalars `range` of the text, nil when the range does not lie inside it.
    mutating func slice(_ range: Range<Int>) -> Substring? {
        guard matches, range.lowerBound >= 0, range.upperBound <= scalars.count else { return nil }
        if range.lowerBound < scalar {
            scalar = 0
            byte = 0
        }
        byte += Self.encodedLength(scalars, scalar..<range.lowerBound)
        scalar = range.lowerBound
        return Self.slice(text, utf8: byte..<(byte + Self.encodedLength(scalars, range)))
    }

    /// The slice of `text` (offsets from its start) at UTF-8 offsets `range`, nil unless both ends fall inside it on
    /// scalar boundaries; the result is a slice of the same string.
    static func slice(_ text: Substring, utf8 range: Range<Int>) -> Substring? {
        let utf8 = text.utf8
        guard range.lowerBound >= 0, range.upperBound <= utf8.count,
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound, limitedBy: utf8.endIndex),
            let end = utf8.index(start, offsetBy: range.count, limitedBy: utf8.endIndex)
        else { return nil }
        // A scalar starts at each end (or the text ends there): no UTF-8 continuation byte (10xxxxxx).
        @inline(__always) func startsScalar(_ i: String.Index) -> Bool { i == utf8.endIndex || utf8[i] & 0xC0 != 0x80 }
        guard startsScalar(start), startsScalar(end) else { return nil }
        // Through the scalar view: a string's own subscript would round the ends to character boundaries.
        return Substring(text.unicodeScalars[start..<end])
    }
}

extension String {
    /// The slice at UTF-8 offsets `range`, taken as they are: for offsets the caller kept from a slice of this
    /// string, on scalar boundaries (`UTF8Slicer.slice(_:utf8:)` checks offsets it cannot trust). O(1) on a native
    /// string; the string's own subscript would round the ends to character boundaries.
    func slice(utf8 range: Range<Int>) -> Substring {
        let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return Substring(utf8[from..<utf8.index(from, offsetBy: range.count)])
    }
}
