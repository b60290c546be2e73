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
    /// b ¶1". A paragraph where every mention only counts the event among others reads "¶10 (one of 3)". Grouped by
    /// article without hashing a paragraph's place, and written only at the end, as an event on a large corpus is
    /// mentioned in thousands of paragraphs.
    static func articleList(_ mentions: [EventMention]) -> String {
        /// One article's paragraphs as shown, each once: its number and, when every mention there counts the
        /// event among others, the count ("(one of N)"); and the paragraphs where a mention does not count.
        struct Slot {
            var article: String
            var shown: [(paragraph: Int, count: Int?)] = []
            var uncounted: Set<Int> = []
        }
        var slots: [Slot] = []
        var position: [String: Int] = [:]
        // Mentions come article by article: the slot before is tried first, by string identity mostly.
        var last = -1
        func slot(_ article: String) -> Int {
            if last >= 0, slots[last].article == article { return last }
            if let i = position[article] {
                last = i
            } else {
                last = slots.count
                position[article] = last
                slots.append(Slot(article: article))
            }
            return last
        }
        // Slots made in order of first mention.
        for m in mentions {
            let i = slot(m.article)
            if m.count == nil { slots[i].uncounted.insert(m.paragraph) }
        }
        for m in mentions {
            let i = slot(m.article)
            let p = (paragraph: m.paragraph, count: slots[i].uncounted.contains(m.paragraph) ? nil : m.count)
            if !slots[i].shown.contains(where: { $0.paragraph == p.paragraph && $0.count == p.count }) {
                slots[i].shown.append(p)
            }
        }
        return slots.map { slot in
            let paragraphs = slot.shown.map { p in p.count.map { "\(p.paragraph) (one of \($0))" } ?? "\(p.paragraph)" }
            return "\(slot.article) ¶" + paragraphs.joined(separator: ",")
        }.joined(separator: "; ")
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
