extension TextReport {
    /// The events of the corpus as a timeline: date, kind, title, place, the articles that mention them,
    /// outcomes and related events.
    public static func events(_ c: Corpus) -> String {
        guard !c.events.isEmpty else { return "no events\n" }
        let titles = Dictionary(c.events.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let dates = c.events.map(dateColumn)
        let width = min(36, dates.map(\.count).max() ?? 10)
        let kindWidth = min(14, c.events.map { $0.kind.count + ($0.planned ? 10 : 0) }.max() ?? 8)
        var out = ""
        for (e, date) in zip(c.events, dates) {
            let kind = e.planned ? "\(e.kind) (planned)" : e.kind
            out += pad(date, width) + "  " + pad(kind, kindWidth) + "  " + e.title + "\n"
            let indent = String(repeating: " ", count: width + 2)
            out += indent + "id: \(e.id)"
            if let place = e.place { out += "   place: \(place)" }
            out += "\n"
            if let text = e.dateText { out += indent + "date words: \"\(text)\"\(e.date == nil ? " (unresolved: no article date)" : "")\n" }
            if !e.participants.isEmpty { out += indent + "participants: " + e.participants.joined(separator: ", ") + "\n" }
            var articles: [(String, [Int])] = []
            for m in e.mentions {
                if let k = articles.firstIndex(where: { $0.0 == m.article }) {
                    if !articles[k].1.contains(m.paragraph) { articles[k].1.append(m.paragraph) }
                } else {
                    articles.append((m.article, [m.paragraph]))
                }
            }
            let list = articles.map { "\($0.0) ¶" + $0.1.map(String.init).joined(separator: ",") }
            out += indent + "mentioned in: " + list.joined(separator: "; ") + "\n"
            if !e.outcomes.isEmpty { out += indent + "outcomes: " + e.outcomes.joined(separator: "; ") + "\n" }
            for r in e.related {
                var line = indent + "\(r.relation.rawValue): \(titles[r.event] ?? r.event) [\(r.event)]"
                if let cue = r.cue { line += "  (\"\(cue)\")" }
                out += line + "\n"
            }
        }
        return out
    }

    static func dateColumn(_ e: Event) -> String {
        if let d = e.date { return d.display }
        return e.dateText == nil ? "undated" : "unresolved"
    }

    static func pad(_ s: String, _ w: Int) -> String {
        s.count >= w ? s : s + String(repeating: " ", count: w - s.count)
    }
}
