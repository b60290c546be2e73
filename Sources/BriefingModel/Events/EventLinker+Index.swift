/// The names the linker compares, as small integers: participants, leaders and places interned once, so that
/// scoring a candidate against an event compares integers instead of hashing strings on every look.
struct LinkNames {
    private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]
    /// Per id: the name is a country (canonical name).
    private(set) var isCountry: [Bool] = []
    /// Per place id: the ids of the places it lies in, itself first (`EventLexicon.chain`); empty for non-places.
    private var chains: [[Int32]] = []

    init(countries: Set<String>) {
        self.countries = countries
    }

    private let countries: Set<String>

    /// The id of `name`, made when new.
    mutating func id(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(strings.count)
        ids[name] = id
        strings.append(name)
        isCountry.append(countries.contains(name))
        chains.append([])
        return id
    }

    /// The id of a place, its chain of enclosing places (by the lexicon's gazetteer) interned with it.
    mutating func place(_ name: String, gazetteer: [String: EventLexicon.Place]) -> Int32 {
        let p = id(name)
        if chains[Int(p)].isEmpty {
            let chain = EventLexicon.chain(name, in: gazetteer).map { id($0) }
            chains[Int(p)] = chain
        }
        return p
    }

    /// `EventLexicon.compatible` over place ids.
    func compatible(_ a: Int32, _ b: Int32) -> Bool {
        a == b || chains[Int(a)].contains(b) || chains[Int(b)].contains(a)
    }

    /// `EventLexicon.narrower` over place ids.
    func narrower(_ a: Int32, _ b: Int32) -> Int32 {
        if a == b { return a }
        return chains[Int(a)].count >= chains[Int(b)].count ? a : b
    }
}

/// The first and last day of a date as day ordinals (`EventDate.range`), for comparing without building days.
struct DaySpan: Equatable {
    var lo: Int
    var hi: Int

    init?(_ date: EventDate?) {
        guard let r = date?.range else { return nil }
        lo = r.lowerBound.ordinal
        hi = r.upperBound.ordinal
    }

    /// `EventDate.overlaps(_:slack:)`.
    func overlaps(_ o: DaySpan, slack: Int) -> Bool { lo <= o.hi + slack && o.lo <= hi + slack }

    /// `EventDate.width`.
    var width: Int { hi - lo + 1 }
}

/// What scoring needs of one candidate, computed once: ids instead of strings.
struct CandidateFacts {
    var family: Int32
    var place: Int32?
    var span: DaySpan?
    var precision: DatePrecision?
    /// The participants in the candidate's order (repeats kept), as ids.
    var participants: [Int32]
    /// The distinct participants that are countries.
    var countries: [Int32]
    /// The month an unresolved date still names ("in April" in an undated article), when it names one.
    var month: Int?
    /// The participants that are not countries (persons and groups), as ids.
    var persons: [Int32]

    init(
        _ c: EventCandidate, families: inout [String: Int32], names: inout LinkNames,
        gazetteer: [String: EventLexicon.Place], months: [String: Int] = [:]
    ) {
        if let f = families[c.family] {
            family = f
        } else {
            family = Int32(families.count)
            families[c.family] = family
        }
        place = c.place.map { names.place($0, gazetteer: gazetteer) }
        span = DaySpan(c.date)
        precision = c.date?.precision
        participants = c.participants.map { names.id($0) }
        var theirs: [Int32] = []
        for p in participants where names.isCountry[Int(p)] && !theirs.contains(p) { theirs.append(p) }
        countries = theirs
        persons = participants.filter { !theirs.contains($0) }
        if c.date == nil, c.dateUnresolved, let words = c.dateText {
            let named = Set(words.split { !$0.isLetter }.compactMap { months[String($0)] })
            month = named.count == 1 ? named.first : nil
        }
    }

    /// True when the candidate names one of `ids` (sorted) among its participants.
    func sharesParticipant(withSorted ids: [Int32]) -> Bool {
        participants.contains { ids.sortedContains($0) }
    }

    /// True when `ids` (sorted) hold every participant of the candidate that is not a country ("his first meeting
    /// with Kim" in a sentence naming Moon: both), or, when it names only countries, one of them.
    func isCovered(bySorted ids: [Int32]) -> Bool {
        guard !persons.isEmpty else { return sharesParticipant(withSorted: ids) }
        return persons.allSatisfy { ids.sortedContains($0) }
    }
}

extension DatePrecision {
    /// Months and years: calendar spans that take no slack ("September" does not reach into October).
    var isCalendar: Bool { self == .month || self == .year }
}

extension Array where Element == Int32 {
    /// Binary search in a sorted array.
    func sortedContains(_ x: Int32) -> Bool {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            let v = self[mid]
            if v == x { return true }
            if v < x { lo = mid + 1 } else { hi = mid }
        }
        return false
    }

    /// Inserts `x` into a sorted array unless present; true when inserted.
    mutating func sortedInsert(_ x: Int32) -> Bool {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            let v = self[mid]
            if v == x { return false }
            if v < x { lo = mid + 1 } else { hi = mid }
        }
        insert(x, at: lo)
        return true
    }
}

/// Articles numbered in order of first appearance, and each item's article number: one dictionary look-up per
/// run of items from the same article (candidates and quotes come grouped by article).
struct ArticleSlots {
    /// The article of each slot.
    private(set) var articles: [String] = []
    private(set) var slotOf: [String: Int] = [:]
    /// The slot of each item.
    private(set) var slot: [Int] = []

    init(_ items: some Sequence<String>) {
        var previous: String?
        var current = 0
        for a in items {
            if a != previous {
                if let s = slotOf[a] {
                    current = s
                } else {
                    current = articles.count
                    slotOf[a] = current
                    articles.append(a)
                }
                previous = a
            }
            slot.append(current)
        }
    }
}

extension EventLinker {
    /// The mentions of `keyed` (sorted by article order and paragraph) without repeats, in order. Equal mentions
    /// share their keys, so each is compared only with the mentions of its own run of keys.
    static func distinctMentions(_ keyed: [(order: Int, paragraph: Int, mention: EventMention)]) -> [EventMention] {
        var unique: [EventMention] = []
        unique.reserveCapacity(keyed.count)
        var runStart = 0
        // A long run (a long paragraph naming one event many times) is checked through a set.
        var runSet: Set<EventMention>?
        for k in keyed.indices {
            if k == 0 || keyed[k].order != keyed[k - 1].order || keyed[k].paragraph != keyed[k - 1].paragraph {
                runStart = unique.count
                runSet = nil
            }
            let m = keyed[k].mention
            if runSet != nil {
                if runSet?.insert(m).inserted == true { unique.append(m) }
                continue
            }
            if unique[runStart...].contains(m) { continue }
            unique.append(m)
            if unique.count - runStart >= 16 { runSet = Set(unique[runStart...]) }
        }
        return unique
    }
}
