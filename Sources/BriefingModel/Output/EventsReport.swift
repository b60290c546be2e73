extension TextReport {
    /// The events of the corpus as a timeline: date, kind, title, place, the articles that mention them,
    /// outcomes and related events.
    public static func events(_ c: Corpus) -> String { TextWriter.collect { events(c, to: &$0) } }

    /// The same, written to `out` an event at a time.
    public static func events(_ c: Corpus, to out: inout TextWriter) {
        guard !c.events.isEmpty else {
            out.write("no events\n")
            return
        }
        let titles = Dictionary(c.events.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let dates = c.events.map(shortDate)
        let kinds = c.events.map { $0.planned ? "\($0.kind) (planned)" : $0.kind }
        let dateWidth = dates.map(\.count).max() ?? 10
        let kindWidth = kinds.map(\.count).max() ?? 8
        let indent = String(repeating: " ", count: dateWidth + 2)
        for (k, e) in c.events.enumerated() {
            out.write(pad(dates[k], dateWidth) + "  " + pad(kinds[k], kindWidth) + "  " + e.title + "\n")
            var facts = "id \(e.id)"
            if let place = e.place { facts += " · place \(place)" }
            out.write(indent + facts + "\n")
            out.write(indent + "date: " + dateLine(e) + "\n")
            if !e.rescheduledFrom.isEmpty {
                out.write(indent + "rescheduled from: " + e.rescheduledFrom.map(\.value).joined(separator: ", ") + "\n")
            }
            if !e.participants.isEmpty {
                out.write(indent + "participants: " + e.participants.joined(separator: ", ") + "\n")
            }
            out.write(indent + "articles: " + articleList(e.mentions) + "\n")
            if !e.outcomes.isEmpty { out.write(indent + "outcomes: " + e.outcomes.joined(separator: "; ") + "\n") }
            for r in e.related {
                var line = indent + "\(r.relation.rawValue) \(titles[r.event] ?? r.event) [\(r.event)]"
                if let cue = r.cue { line += " — \"\(cue)\"" }
                out.write(line + "\n")
            }
        }
    }

    /// The articles and paragraphs that mention an event, each article once in order of first mention: "a ¶2,5;
    /// b ¶1". A paragraph where every mention only counts the event among others reads "¶10 (one of 3)". Grouped
    /// through dictionaries, as an event on a large corpus is mentioned in thousands of paragraphs.
    static func articleList(_ mentions: [EventMention]) -> String {
        struct Place: Hashable {
            var article: String
            var paragraph: Int
        }
        var uncounted = Set<Place>()
        for m in mentions where m.count == nil { uncounted.insert(Place(article: m.article, paragraph: m.paragraph)) }
        var articles: [(article: String, paragraphs: [String])] = []
        var position: [String: Int] = [:]
        for m in mentions {
            let counted = !uncounted.contains(Place(article: m.article, paragraph: m.paragraph))
            let p = counted ? "\(m.paragraph) (one of \(m.count ?? 0))" : "\(m.paragraph)"
            if let i = position[m.article] {
                if !articles[i].paragraphs.contains(p) { articles[i].paragraphs.append(p) }
            } else {
                position[m.article] = articles.count
                articles.append((m.article, [p]))
            }
        }
        return articles.map { "\($0.article) ¶" + $0.paragraphs.joined(separator: ",") }.joined(separator: "; ")
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
