import BriefingModel

/// The `/` search behind one small interface, so a better engine can replace the substring filter.
public protocol ReaderSearch: Sendable {
    /// Rows of `pane`'s list that match `query`, in list order.
    func matches(_ query: String, in pane: Pane) -> [Int]
}

/// A search engine handed to the reducer as an action value: equal only to itself.
public final class SearchEngine: Sendable, Hashable {
    public let search: any ReaderSearch

    public init(_ search: any ReaderSearch) {
        self.search = search
    }

    public static func == (a: SearchEngine, b: SearchEngine) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// The search before its structures are built: matches nothing, and says so.
public struct PendingSearch: ReaderSearch {
    public init() {}
    public func matches(_ query: String, in pane: Pane) -> [Int] { [] }
}

/// Case- and diacritic-folded substring search over each row's text.
///
/// The short rows (speakers, quotes, agenda items, events) are folded once; articles are not copied: their title,
/// metadata and paragraphs are matched where they are (`Folding.folded(_:contains:)`), which folds nothing for
/// text of ASCII, dashes and curly quotes.
public final class SubstringSearch: ReaderSearch {
    private let haystacks: [[String]]
    private let articles: Ordered<Article>

    public init(_ index: CorpusIndex) {
        let speakerName: (String?) -> String = { id in id.flatMap { index.speaker($0)?.name } ?? "" }
        var h: [[String]] = Array(repeating: [], count: Pane.allCases.count)
        h[Pane.speakers.rawValue] = index.speakers.map { s in
            ([s.name, s.role ?? "", s.kind.rawValue] + s.aliases).joined(separator: "\n")
        }
        h[Pane.quotes.rawValue] = index.quotes.map { q in
            [q.text, speakerName(q.speaker), q.cue ?? ""].joined(separator: "\n")
        }
        h[Pane.agenda.rawValue] = index.agendaItems.map { e in
            ([e.agenda.label, e.item.text, e.item.name ?? ""] + e.item.keywords).joined(separator: "\n")
        }
        h[Pane.events.rawValue] = index.events.map { e in
            ([e.title, e.kind, e.place ?? "", e.date?.value ?? ""] + e.participants + e.outcomes).joined(
                separator: "\n")
        }
        self.haystacks = h.map { $0.map(Folding.fold) }
        self.articles = index.articles
    }

    public func matches(_ query: String, in pane: Pane) -> [Int] {
        let q = Folding.fold(query)
        guard !q.isEmpty else { return [] }
        var out: [Int] = []
        if pane == .articles {
            for (i, a) in articles.enumerated() {
                let fields = [a.title, a.source ?? "", a.author ?? ""]
                if fields.contains(where: { Folding.folded($0, contains: q) })
                    || a.paragraphs.contains(where: { Folding.folded($0.text, contains: q) })
                {
                    out.append(i)
                }
            }
            return out
        }
        for (i, text) in haystacks[pane.rawValue].enumerated() where Folding.foldedText(text, contains: q) {
            out.append(i)
        }
        return out
    }
}
