extension Unicode.Scalar {
    /// True for the scalars `CharacterSet.whitespaces` holds: tab, the space separators (Zs) and U+200B ZERO WIDTH
    /// SPACE. The trims that replaced Foundation's `trimmingCharacters(in: .whitespaces)` test with this.
    @inline(__always) var isHorizontalWhitespace: Bool {
        value < 0x80
            ? value == 0x20 || value == 0x09 : value == 0x200B || properties.generalCategory == .spaceSeparator
    }
}
