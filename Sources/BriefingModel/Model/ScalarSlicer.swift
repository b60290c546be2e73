/// Slices of one text by Unicode-scalar offsets, sharing the text's storage.
///
/// Each slice is found by walking on from the previous one, so slices asked for in ascending order cost one walk
/// over the text in all; a slice before the previous one walks again from the start.
struct ScalarSlicer {
    let text: Substring
    private var scalar = 0
    private var index: String.Index

    /// Scalars are counted from the start of `text`, which may be a slice of a longer string.
    init(_ text: Substring) {
        self.text = text
        index = text.unicodeScalars.startIndex
    }

    /// Scalars `range` of the text, nil when the range does not lie inside it.
    mutating func slice(_ range: Range<Int>) -> Substring? {
        let scalars = text.unicodeScalars
        if range.lowerBound < scalar {
            scalar = 0
            index = scalars.startIndex
        }
        guard range.lowerBound >= 0,
            let lo = scalars.index(index, offsetBy: range.lowerBound - scalar, limitedBy: scalars.endIndex),
            let hi = scalars.index(lo, offsetBy: range.count, limitedBy: scalars.endIndex)
        else { return nil }
        scalar = range.lowerBound
        index = lo
        // Through the scalar view: a string's own subscript would round the ends to character boundaries.
        return Substring(scalars[lo..<hi])
    }
}
