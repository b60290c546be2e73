/// The word lists the temporal tagger reads, from `Data/lexicon/temporal_*.txt`.
public struct TemporalLexicon: Sendable {
    /// A calendar unit with its length in days (months and years move by the calendar).
    public enum Unit: String, Sendable, Hashable {
        case day, week, fortnight, month, year

        var days: Int {
            switch self {
            case .day: return 1
            case .week: return 7
            case .fortnight: return 14
            case .month: return 30
            case .year: return 365
            }
        }
    }

    /// Part of a period: "early", "mid", "late", "earlier" (up to the reference), "later" (from it).
    public enum Part: String, Sendable, Hashable {
        case early, mid, late, earlier, later
    }

    /// How an anchor word dates what it introduces.
    public enum AnchorRule: String, Sendable, Hashable {
        case within, since, none
    }

    /// An anchor cue: the relation of the main event to the one named, and how it dates it.
    public struct Anchor: Sendable, Hashable {
        public var relation: EventRelationKind
        public var rule: AnchorRule
    }

    /// Month numbers by lowercased name or abbreviation.
    public var months: [String: Int] = [:]
    /// Full month and weekday names (the rest of `months`/`weekdays` are abbreviations).
    public var fullNames: Set<String> = []
    /// Weekday numbers (0 = Sunday) by lowercased name or abbreviation.
    public var weekdays: [String: Int] = [:] {
        didSet { dayFilter = WordFilter(Array(weekdays.keys) + Array(named.keys)) }
    }
    /// Number words and phrases: value and whether the word is vague.
    public var numbers = PhraseIndex<(value: Int, approximate: Bool)>()
    /// Units by lowercased singular and plural forms.
    public var units: [String: Unit] = [:]
    /// Period shifts: "last" = -1, "this" = 0, "next" = 1.
    public var shifts: [String: Int] = [:]
    public var parts: [String: Part] = [:]
    /// Named days relative to the reference: "yesterday" = -1.
    public var named: [String: Int] = [:] {
        didSet { dayFilter = WordFilter(Array(weekdays.keys) + Array(named.keys)) }
    }
    /// Offset direction words: "later" = 1, "earlier"/"ago" = -1.
    public var directions: [String: Int] = [:]
    /// Plural units without a number ("weeks"): how many units the vague range spans.
    public var vague: [String: Int] = [:]
    /// Spans reaching back (-1) or ahead (1) from the reference: "the past year", "the coming weeks".
    public var rolling: [String: Int] = [:]
    /// The period next to the event just named: "the next day" = 1, "the previous week" = -1.
    public var sequels: [String: Int] = [:]
    public var anchors = PhraseIndex<Anchor>()
    /// Words that put what follows in the future.
    public var futureCues = PhraseIndex<Bool>()
    /// Suffixes that mark the future ("'ll").
    public var futureSuffixes: [String] = []
    /// Seasons: first and last month (winter runs across the new year).
    public var seasons: [String: (first: Int, last: Int)] = [:]
    /// Words before a bare year that make it a date.
    public var yearCues: Set<String> = []
    /// Words that join two month names into one span ("May or June", "June to August").
    public var monthJoins: Set<String> = []

    /// The parts a word can play at the start of a temporal expression.
    public struct Roles: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let month = Roles(rawValue: 1 << 0)
        public static let weekday = Roles(rawValue: 1 << 1)
        public static let number = Roles(rawValue: 1 << 2)
        public static let vague = Roles(rawValue: 1 << 3)
        public static let shift = Roles(rawValue: 1 << 4)
        public static let rolling = Roles(rawValue: 1 << 5)
        public static let part = Roles(rawValue: 1 << 6)
        public static let named = Roles(rawValue: 1 << 7)
        public static let season = Roles(rawValue: 1 << 8)
        public static let anchor = Roles(rawValue: 1 << 9)
        /// "the", which opens "the next day".
        public static let article = Roles(rawValue: 1 << 10)
    }

    /// Every word that can begin a temporal expression with the roles it can play: one look-up per word.
    public var roles: [String: Roles] = [:] {
        didSet { roleFilter = WordFilter(roles.keys) }
    }
    /// The keys of `roles`, to pass over most words without a look-up.
    public private(set) var roleFilter = WordFilter()
    /// The keys of `weekdays` and `named`: words that may name a day.
    public private(set) var dayFilter = WordFilter()

    public init() {}

    /// Reads the `temporal_*` tables of `lexicon`.
    public init(lexicon: Lexicon) {
        func forms(_ row: LexiconRow, from field: Int) -> [String] {
            var out = [row.entry]
            if let more = row[field] {
                out += more.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            return out.map(Self.key)
        }
        for row in lexicon.table("temporal_months").rows {
            guard let n = row[1].flatMap({ Int($0) }) else { continue }
            for f in forms(row, from: 2) { months[f] = n }
            fullNames.insert(Self.key(row.entry))
        }
        for row in lexicon.table("temporal_weekdays").rows {
            guard let n = row[1].flatMap({ Int($0) }) else { continue }
            for f in forms(row, from: 2) { weekdays[f] = n }
            fullNames.insert(Self.key(row.entry))
        }
        for row in lexicon.table("temporal_numbers").rows {
            guard let n = row[1].flatMap({ Int($0) }) else { continue }
            numbers.add(row.entry, (n, row[2] == "approximate"))
        }
        for row in lexicon.table("temporal_units").rows {
            guard let unit = Unit(rawValue: row.entry.lowercased()) else { continue }
            for f in forms(row, from: 1) { units[f] = unit }
        }
        for row in lexicon.table("temporal_relatives").rows {
            let word = Self.key(row.entry)
            switch row[1] {
            case "shift": if let v = row[2].flatMap({ Int($0) }) { shifts[word] = v }
            case "part": if let p = row[2].flatMap(Part.init(rawValue:)) { parts[word] = p }
            case "named": if let v = row[2].flatMap({ Int($0) }) { named[word] = v }
            case "after": directions[word] = 1
            case "before": directions[word] = -1
            case "vague": if let v = row[2].flatMap({ Int($0) }) { vague[word] = v }
            case "rolling": if let v = row[2].flatMap({ Int($0) }) { rolling[word] = v }
            case "sequel": if let v = row[2].flatMap({ Int($0) }) { sequels[word] = v }
            default: continue
            }
        }
        for row in lexicon.table("temporal_anchors").rows {
            let relation: EventRelationKind = row[1] == "before" ? .before : .after
            let rule = row[2].flatMap(AnchorRule.init(rawValue:)) ?? .none
            anchors.add(row.entry, Anchor(relation: relation, rule: rule))
        }
        for row in lexicon.table("temporal_tense").rows {
            let w = row.entry.lowercased()
            if w.hasPrefix("'") || w.hasPrefix("’") {
                futureSuffixes.append(w)
            } else {
                futureCues.add(w, true)
            }
        }
        for row in lexicon.table("temporal_seasons").rows {
            if let a = row[1].flatMap({ Int($0) }), let b = row[2].flatMap({ Int($0) }) {
                seasons[Self.key(row.entry)] = (a, b)
            }
        }
        yearCues = Set(lexicon.table("temporal_prepositions").entries.map { $0.lowercased() })
        monthJoins = Set(lexicon.table("temporal_month_joins").entries.map { $0.lowercased() })
        func mark(_ words: some Sequence<String>, _ r: Roles) {
            for w in words { roles[w, default: []].insert(r) }
        }
        mark(months.keys, .month)
        mark(weekdays.keys, .weekday)
        mark(numbers.firstKeys, .number)
        mark(vague.keys, .vague)
        mark(shifts.keys, .shift)
        mark(rolling.keys, .rolling)
        mark(parts.keys, .part)
        mark(named.keys, .named)
        mark(seasons.keys, .season)
        mark(anchors.firstKeys, .anchor)
        mark(["the"], .article)
        roleFilter = WordFilter(roles.keys)
        dayFilter = WordFilter(Array(weekdays.keys) + Array(named.keys))
    }

    /// Lowercased, without a final period ("Oct." → "oct").
    static func key(_ s: String) -> String {
        var t = s.lowercased()
        while t.hasSuffix(".") { t.removeLast() }
        return t
    }
}
