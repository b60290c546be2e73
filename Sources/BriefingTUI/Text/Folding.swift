import Foundation

/// Case- and diacritic-insensitive matching used by search and by match highlighting.
public enum Folding {
    /// The folded form of a text: what Foundation's case-, diacritic- and width-insensitive folding gives, one
    /// character at a time. ASCII is lowercased in place, dashes and curly quotes kept, Latin letters come from
    /// a table made once, and only other characters (and letters with combining marks) go through Foundation.
    public static func fold(_ text: String) -> String {
        var text = text
        let ascii = text.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for i in 0..<bytes.count { out[i] = lowerASCII(bytes[i]) }
                return bytes.count
            }
        }
        if let ascii { return ascii }
        var out = String.UnicodeScalarView()
        var others: [String: String] = [:]
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let u = next {
            next = scalars.next()
            if let n = next, isExtender(n) {
                // A character of several scalars (a letter with marks, an emoji sequence): folded whole.
                var cluster = String.UnicodeScalarView()
                cluster.append(u)
                while let n = next, isExtender(n) {
                    cluster.append(n)
                    next = scalars.next()
                }
                out.append(contentsOf: foldOther(String(cluster), &others).unicodeScalars)
                continue
            }
            let v = u.value
            if v < 0x80 {
                out.append(Unicode.Scalar(lowerASCII(UInt8(v))))
            } else if v >= 0x2010 && v <= 0x2027 {
                out.append(u)
            } else if v < latinEnd {
                out.append(contentsOf: latin[Int(v) - 0x80].unicodeScalars)
            } else {
                out.append(contentsOf: foldOther(String(u), &others).unicodeScalars)
            }
        }
        return String(out)
    }

    /// A scalar that belongs to the character before it (a combining mark, a joiner, a variation selector).
    @inline(__always) private static func isExtender(_ u: Unicode.Scalar) -> Bool {
        guard u.value >= 0x300 else { return false }
        let p = u.properties
        return p.isGraphemeExtend || u.value == 0x200D || p.generalCategory == .spacingMark || p.isEmojiModifier
    }

    /// Foundation's folding of a rare character, remembered for the rest of the text.
    private static func foldOther(_ s: String, _ known: inout [String: String]) -> String {
        if let f = known[s] { return f }
        let f = foundationFold(s)
        known[s] = f
        return f
    }

    /// Whether the folded form of `text` contains `query` (already folded), without building the folded text when
    /// `text` holds only ASCII and dashes or curly quotes (which fold byte by byte): most news paragraphs.
    public static func folded(_ text: String, contains query: String) -> Bool { folded(text[...], contains: query) }

    /// The same for a slice (a paragraph read where it lies in its article's string).
    public static func folded(_ text: Substring, contains query: String) -> Bool {
        var text = text
        var query = query
        return query.withUTF8 { q in
            guard !q.isEmpty else { return true }
            let fast = text.withUTF8 { t -> Bool? in
                guard foldsBytewise(t) else { return nil }
                return find(q, in: t, lower: true)
            }
            if let fast { return fast }
            var folded = fold(String(text))
            return folded.withUTF8 { find(q, in: $0, lower: false) }
        }
    }

    /// Whether folded `haystack` (already folded) contains folded `query`, compared as bytes.
    public static func foldedText(_ haystack: String, contains query: String) -> Bool {
        var haystack = haystack
        var query = query
        return query.withUTF8 { q in q.isEmpty || haystack.withUTF8 { find(q, in: $0, lower: false) } }
    }

    /// True when every non-ASCII scalar of the UTF-8 `bytes` is one of U+2010…U+2027 (E2 80 90…A7), which fold to
    /// themselves, so the folded text is the bytes with ASCII lowercased.
    private static func foldsBytewise(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            guard b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] >= 0x90, bytes[i + 2] <= 0xA7 else {
                return false
            }
            i += 3
        }
        return true
    }

    /// Naive byte search of `q` in `t`, lowercasing ASCII of `t` when asked (`q` is folded already).
    private static func find(_ q: UnsafeBufferPointer<UInt8>, in t: UnsafeBufferPointer<UInt8>, lower: Bool) -> Bool {
        let m = q.count
        let n = t.count
        guard m <= n else { return false }
        let first = q[0]
        var i = 0
        while i <= n - m {
            let b = lower ? lowerASCII(t[i]) : t[i]
            if b == first {
                var k = 1
                while k < m, (lower ? lowerASCII(t[i + k]) : t[i + k]) == q[k] { k += 1 }
                if k == m { return true }
            }
            i += 1
        }
        return false
    }

    /// Foundation's folding, which the fast path above reproduces.
    static func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    @inline(__always) private static func lowerASCII(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }

    /// The end of the Latin blocks (Latin-1 Supplement through Latin Extended-B) kept in `latin`.
    private static let latinEnd: UInt32 = 0x250
    /// The folded form of each scalar from U+0080 to `latinEnd`.
    private static let latin: [String] = (0x80..<latinEnd).map { v in
        Unicode.Scalar(v).map { foundationFold(String($0)) } ?? ""
    }

    /// True when `text` certainly has no match of `query`: its folded form is its bytes with ASCII lowercased
    /// (`foldsBytewise`) and the folded query is not among them. False means "maybe": look with `ranges`.
    static func lacks(_ text: String, query: String) -> Bool {
        var text = text
        var q = fold(query)
        return q.withUTF8 { q in
            !q.isEmpty && text.withUTF8 { t in foldsBytewise(t) && !find(q, in: t, lower: true) }
        }
    }

    /// Character ranges of `characters` whose folded text equals the folded query.
    static func ranges(in characters: [Character], query: String) -> [Range<Int>] {
        let q = fold(query)
        guard !q.isEmpty, fold(String(characters)).contains(q) else { return [] }
        let folded = characters.map { fold(String($0)) }
        var out: [Range<Int>] = []
        var i = 0
        while i < folded.count {
            var acc = ""
            var j = i
            while j < folded.count, acc.count < q.count {
                acc += folded[j]
                j += 1
            }
            if acc == q {
                out.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return out
    }
}

extension Span {
    /// A run of text in one role with the matches of `query` in the match role.
    static func highlighted(_ text: String, _ role: Role, query: String?) -> [Span] {
        guard let query, !query.isEmpty, !Folding.lacks(text, query: query) else { return [Span(text, role)] }
        let chars = Array(text)
        let ranges = Folding.ranges(in: chars, query: query)
        guard !ranges.isEmpty else { return [Span(text, role)] }
        var out: [Span] = []
        var at = 0
        for r in ranges {
            if r.lowerBound > at { out.append(Span(String(chars[at..<r.lowerBound]), role)) }
            out.append(Span(String(chars[r]), .match))
            at = r.upperBound
        }
        if at < chars.count { out.append(Span(String(chars[at...]), role)) }
        return out
    }
}
