/// The filters a query can use, by the name typed before the colon.
public enum QueryFilterName: String, Sendable, Hashable, CaseIterable {
    case speaker, pillar, event, article, after, before, kind

    /// The names as a readable list for messages.
    static var list: String { allCases.map { "\($0.rawValue):" }.joined(separator: ", ") }

    var example: String {
        switch self {
        case .speaker: return "speaker:ortagus"
        case .pillar: return "pillar:denuclearization or pillar:3"
        case .event: return "event:hanoi"
        case .article: return "article:ARTICLE-ID or article:word"
        case .after: return "after:2019-06-01"
        case .before: return "before:2019-06-01"
        case .kind: return "kind:group"
        }
    }
}

/// The folded words of a filter value; the last one may be a prefix (`speaker:ort*`).
public struct FilterWords: Sendable, Hashable, CustomStringConvertible {
    public var words: [String]
    public var lastIsPrefix: Bool

    public init(words: [String], lastIsPrefix: Bool = false) {
        self.words = words
        self.lastIsPrefix = lastIsPrefix
    }

    public var description: String {
        let text = words.joined(separator: " ") + (lastIsPrefix ? "*" : "")
        return words.count > 1 ? "\"\(text)\"" : text
    }
}

/// A filter of a query, resolved later against the corpus's speakers, agendas, events and articles.
public enum QueryFilter: Sendable, Hashable, CustomStringConvertible {
    /// Speakers whose name or aliases hold every word.
    case speaker(FilterWords)
    /// Agenda items whose name, text or keywords hold every word.
    case pillar(FilterWords)
    /// The agenda items with this 1-based number.
    case pillarNumber(Int)
    /// Events whose title, place, kind or id hold every word.
    case event(FilterWords)
    /// Articles whose id is `id` (case folded) or whose id or title hold every word.
    case article(id: String, words: FilterWords)
    /// Quotes of articles dated on or after the day.
    case after(Day)
    /// Quotes of articles dated strictly before the day.
    case before(Day)
    /// Quotes whose speaker is of this kind.
    case kind(SpeakerKind)

    public var description: String {
        switch self {
        case .speaker(let w): return "speaker:\(w)"
        case .pillar(let w): return "pillar:\(w)"
        case .pillarNumber(let n): return "pillar:\(n)"
        case .event(let w): return "event:\(w)"
        case .article(_, let w): return "article:\(w)"
        case .after(let d): return "after:\(d)"
        case .before(let d): return "before:\(d)"
        case .kind(let k): return "kind:\(k.rawValue)"
        }
    }
}

/// A node of a parsed query. Words are folded, not stemmed; matching stems them.
public indirect enum QueryNode: Sendable, Hashable, CustomStringConvertible {
    case word(String)
    case prefix(String)
    case phrase([String])
    case filter(QueryFilter)
    case not(QueryNode)
    case and([QueryNode])
    case or([QueryNode])

    public var description: String {
        switch self {
        case .word(let w): return w
        case .prefix(let p): return p + "*"
        case .phrase(let ws): return "\"" + ws.joined(separator: " ") + "\""
        case .filter(let f): return f.description
        case .not(let n): return "-" + n.description
        case .and(let ns): return "(" + ns.map(\.description).joined(separator: " ") + ")"
        case .or(let ns): return "(" + ns.map(\.description).joined(separator: " OR ") + ")"
        }
    }
}

/// A parsed search query (see docs/SEARCH.md for the syntax).
public struct SearchQuery: Sendable, Hashable, CustomStringConvertible {
    /// The text as typed.
    public var text: String
    /// The parsed query; nil when it holds no term (every quote matches).
    public var root: QueryNode?

    /// Parses `text`; throws a `QueryError` naming the column and the problem.
    public init(_ text: String) throws(QueryError) {
        self.text = text
        var parser = QueryParser(text)
        self.root = try parser.parse()
    }

    public init(root: QueryNode?, text: String = "") {
        self.text = text
        self.root = root
    }

    /// A one-line reminder of the syntax, for a status line or a help screen.
    public static let syntaxSummary =
        "words (all)  \"exact phrase\"  -exclude  prefix*  a OR b  (group)  speaker: kind: pillar: event: article: after: before:"

    /// The query in a normalized form: ANDed terms in parentheses, OR spelled out.
    public var description: String { root?.description ?? "" }
}
