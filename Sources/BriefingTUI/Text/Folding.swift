import Foundation

/// Case- and diacritic-insensitive matching used by search and by match highlighting.
public enum Folding {
    /// The folded form of a text.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
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
        guard let query, !query.isEmpty else { return [Span(text, role)] }
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
