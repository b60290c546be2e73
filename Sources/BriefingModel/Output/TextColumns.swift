/// Counting and cutting a column's text by characters, on its bytes where every character is one byte.
enum TextColumns {
    /// True when every character of `s` is one byte: ASCII without a carriage return (which joins a following
    /// line feed into one character). Counting and cutting such text by bytes gives what `Character`s give.
    @inline(__always) static func isBytes<S: StringProtocol>(_ s: S) -> Bool {
        // Over the bytes where they lie (iterating the UTF-8 view took about 200 instructions a byte).
        s.utf8.withContiguousStorageIfAvailable { b in b.allSatisfy { $0 < 0x80 && $0 != 13 } }
            ?? s.utf8.allSatisfy { $0 < 0x80 && $0 != 13 }
    }

    /// How many characters `s` has.
    static func characters<S: StringProtocol>(_ s: S) -> Int { isBytes(s) ? s.utf8.count : s.count }

    /// Cuts `s` to `n` characters, ending with "…" when cut; reads no further than `n` characters in.
    static func cut<S: StringProtocol>(_ s: S, _ n: Int) -> String {
        guard n > 0 else { return "" }
        if isBytes(s) {
            guard s.utf8.count > n else { return String(s) }
            let keep = s.utf8.prefix(n > 1 ? n - 1 : n)
            return String(decoding: keep, as: UTF8.self) + (n > 1 ? "…" : "")
        }
        guard let end = s.index(s.startIndex, offsetBy: n, limitedBy: s.endIndex), end != s.endIndex else {
            return String(s)
        }
        guard n > 1 else { return String(s.prefix(n)) }
        return String(s.prefix(n - 1)) + "…"
    }
}
