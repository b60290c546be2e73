import BriefingModel

/// Ten typical search queries, drawn from the quotes themselves so they fit whatever corpus is measured:
/// the three most quoted capitalized words (names, places), two frequent long words (topics), two
/// two-word phrases, a rare word, a three-letter prefix, and a query that matches nothing.
public enum QueryMix {
    public static func queries(from quotes: [Quote]) -> [String] {
        var capitalized: [Substring: Int] = [:]
        var long: [Substring: Int] = [:]
        var phrases: [String] = []
        for (i, q) in quotes.enumerated() {
            let words = q.text.split { !$0.isLetter }
            for w in words {
                if w.first?.isUppercase == true && w.count >= 3 {
                    capitalized[w, default: 0] += 1
                } else if w.count >= 7 {
                    long[w, default: 0] += 1
                }
            }
            if i % 997 == 0, words.count >= 4 { phrases.append(words[1...2].joined(separator: " ")) }
        }
        let names = counts(capitalized, 3)
        let topics = counts(long, 2)
        let rare = long.filter { $0.value == 1 }.keys.sorted().first.map(String.init) ?? "unmatched"
        let prefix = String((topics.first ?? "talks").prefix(3))
        var mix = names + topics + Array(phrases.prefix(2)) + [rare, prefix, "qqxzv"]
        while mix.count < 10 { mix.append("talks") }
        return mix
    }

    /// The same mix in the quote index's syntax: phrases quoted, the prefix with `*`, and the second phrase
    /// replaced by a `speaker:` filter on the most frequent name.
    public static func indexQueries(_ mix: [String]) -> [String] {
        guard mix.count == 10 else { return mix }
        var q = mix
        q[5] = "\"" + mix[5] + "\""
        q[6] = "speaker:" + mix[0].lowercased()
        q[8] = mix[8] + "*"
        return q
    }

    static func counts(_ table: [Substring: Int], _ n: Int) -> [String] {
        table.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n).map { String($0.key) }
    }
}

/// Quotes found by pairing curly or straight quotation marks in paragraphs: a stand-in for the extractor
/// while it is a stub, so search can be measured at the sizes the issue names. Used only when the pipeline
/// finds fewer quotes than a benchmark needs, and reported as such.
public enum StandInQuotes {
    public static func scan(_ articles: [Article], limit: Int) -> [Quote] {
        var out: [Quote] = []
        for a in articles {
            for (p, para) in a.paragraphs.enumerated() {
                let s = Array(para.text.unicodeScalars)
                var open: Int?
                for (i, c) in s.enumerated() {
                    if c == "“" {
                        open = i + 1
                    } else if c == "”", let o = open {
                        let text = String(String.UnicodeScalarView(s[o..<i]))
                        out.append(
                            Quote(id: "q\(out.count)", article: a.id, paragraph: p, start: o, end: i, text: text))
                        open = nil
                        if out.count >= limit { return out }
                    }
                }
            }
        }
        return out
    }
}
