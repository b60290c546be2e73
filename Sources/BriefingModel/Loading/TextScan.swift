/// Fast scans the loader runs on every line: Foundation's `trimmingCharacters(in:)` bridges through
/// NSString on Linux and took more than half of the load time.
enum TextScan {
    /// The white space of `CharacterSet.whitespaces`: space, tab and the other space separators (Zs).
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || s.value == 0x09 }
        return s.properties.generalCategory == .spaceSeparator
    }

    /// `s` without leading and trailing white space (same result as `trimmingCharacters(in: .whitespaces)`).
    static func trimmingSpaces<S: StringProtocol>(_ s: S) -> Substring where S.SubSequence == Substring {
        let u = s.unicodeScalars
        var start = u.startIndex
        var end = u.endIndex
        while start < end, isSpace(u[start]) { u.formIndex(after: &start) }
        while end > start {
            let before = u.index(before: end)
            guard isSpace(u[before]) else { break }
            end = before
        }
        return s[start..<end]
    }
}
