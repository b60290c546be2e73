/// Cuts a paragraph's text at the scalar offsets of the scalars decoded from it: each offset is turned into a
/// UTF-8 offset by counting the encoded lengths of the scalars before it (a cursor moves forward over calls),
/// and the string is indexed there directly, without walking its scalar view or comparing the result.
struct UTF8Slicer {
    let text: String
    let scalars: [Unicode.Scalar]
    /// The scalars encode to exactly as many bytes as the text holds (they were decoded from it); when they do
    /// not, `slice` answers nil.
    let matches: Bool
    private var scalar = 0
    private var byte = 0

    init(text: String, scalars: [Unicode.Scalar]) {
        self.text = text
        self.scalars = scalars
        matches = Self.encodedLength(scalars, 0..<scalars.count) == text.utf8.count
    }

    /// UTF-8 length of `s[r]`: one byte per scalar, one more from U+0080, U+0800 and U+10000 on (without
    /// branches, so the loop runs on vectors).
    static func encodedLength(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Int {
        s.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: UInt32.self) { v in
                var n = 0
                for i in r {
                    let x = v[i]
                    n &+= 1 &+ (x >= 0x80 ? 1 : 0) &+ (x >= 0x800 ? 1 : 0) &+ (x >= 0x10000 ? 1 : 0)
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
        let count = Self.encodedLength(scalars, range)
        let u = text.utf8
        guard let lo = u.index(u.startIndex, offsetBy: byte, limitedBy: u.endIndex),
            let hi = u.index(lo, offsetBy: count, limitedBy: u.endIndex)
        else { return nil }
        // Through the scalar view: a string's own subscript would round the ends to character boundaries.
        return Substring(text.unicodeScalars[lo..<hi])
    }
}
