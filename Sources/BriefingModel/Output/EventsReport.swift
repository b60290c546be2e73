extension TextReport {
    /// The events of the corpus as a timeline: date, kind, title, place, the articles that mention them,
    /// outcomes and related events.
    public static func events(_ c: Corpus) -> String {
        guard !c.events.isEmpty else { return "no events\n" }
        let titles = Dictionary(c.events.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let dates = c.events.map(shortDate)
        let kinds = c.events.map { $0.planned ? "\($0.kind) (planned)" : $0.kind }
        let dateWidth = dates.map(\.count).max() ?? 10
        let kindWidth = kinds.map(\.count).max() ?? 8
        let indent = String(repeating: " ", count: dateWidth + 2)
        var out = ""
        for (k, e) in c.events.enumerated() {
            out += pad(dates[k], dateWidth) + "  " + pad(kinds[k], kindWidth) + "  " + e.title + "\n"
            var facts = "id \(e.id)"
            if let place = e.place { facts += " · place \(place)" }
            out += indent + facts + "\n"
            out += indent + "date: " + dateLine(e) + "\n"
            if !e.rescheduledFrom.isEmpty {
                out += indent + "rescheduled from: " + e.rescheduledFrom.map(\.value).joined(separator: ", ") + "\n"
            }
            if !e.participants.isEmpty {
                out += indent + "participants: " + e.participants.joined(separator: ", ") + "\n"
            }
            var articles: [(String, [String])] = []
            for m in e.mentions {
                // A paragraph that only counts the event among others: "¶10 (one of 3)".
                let counted = e.mentions.allSatisfy {
                    $0.article != m.article || $0.paragraph != m.paragraph || $0.count != nil
                }
                let p = counted ? "\(m.paragraph) (one of \(m.count ?? 0))" : "\(m.paragraph)"
                if let i = articles.firstIndex(where: { $0.0 == m.article }) {
                    if !articles[i].1.contains(p) { articles[i].1.append(p) }
                } else {
                    articles.append((m.article, [p]))
                }
            }
            let list = articles.map { "\($0.0) ¶" + $0.1.joined(separator: ",") }
            out += indent + "articles: " + list.joined(separator: "; ") + "\n"
            if !e.outcomes.isEmpty { out += indent + "outcomes: " + e.outcomes.joined(separator: "; ") + "\n" }
            for r in e.related {
                var line = indent + "\(r.relation.rawValue) \(titles[r.event] ?? r.event) [\(r.event)]"
                if let cue = r.cue { line += " — \"\(cue)\"" }
                out += line + "\n"
            }
        }
        return out
    }

    /// The date column: the value, "~" for approximate ones, "?" when unresolved, "-" when unknown.
    static func shortDate(_ e: Event) -> String {
        guard let d = e.date else { return e.dateText == nil ? "-" : "?" }
        switch d.precision {
        case .approximate: return "~" + d.value
        case .week: return "wk " + d.value
        default: return d.value
        }
    }

    /// The date in full, with its range and the words it was read from.
    static func dateLine(_ e: Event) -> String {
        guard let d = e.date else {
            if let text = e.dateText { return "unresolved (\"\(text)\"; no article date to resolve it against)" }
            return "unknown"
        }
        var s = "\(d.value) (\(d.precision.rawValue)"
        if let r = d.range, r.lowerBound != r.upperBound,
            d.precision != .month && d.precision != .year || d.display != d.value
        {
            s += ", \(r.lowerBound) … \(r.upperBound)"
        }
        s += ")"
        if let text = e.dateText { s += " from \"\(text)\"" }
        return s
    }

    static func pad(_ s: String, _ w: Int) -> String {
        s.count >= w ? s : s + String(repeating: " ", count: w - s.count)
    }
}
