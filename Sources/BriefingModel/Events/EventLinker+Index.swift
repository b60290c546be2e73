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

    /// The ids of the places `p` lies in, itself first; empty for a name that is no place.
    func chain(_ p: Int32) -> [Int32] { chains[Int(p)] }

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

    init(lo: Int, hi: Int) {
        self.lo = lo
        self.hi = hi
    }

    /// `EventDate.overlaps(_:slack:)`.
    func overlaps(_ o: DaySpan, slack: Int) -> Bool { lo <= o.hi + slack && o.lo <= hi + slack }

    /// `EventDate.width`.
    var width: Int { hi - lo + 1 }
}

/// What scoring needs of one candidate, computed once: ids instead of strings (`CandidateIDs.facts`).
struct CandidateFacts {
    var family: Int32
    var place: Int32?
    var span: DaySpan?
    var precision: DatePrecision?
    /// The participants in the candidate's order (repeats kept), as ids: a slice of `CandidateIDs`' one list.
    var participants: ArraySlice<Int32>
    /// How many distinct participants are countries (the others are persons and groups).
    var countryCount: Int32
    /// True when some participant is no country.
    var hasPersons: Bool
    /// The month an unresolved date still names ("in April" in an undated article), when it names one.
    var month: Int?
    /// Where the candidate's date puts it in a `GroupPool` (a date always has a precision).
    var poolDate: PoolDate { PoolDate(dated: precision != nil, span: span) }

    /// The id of a family, made when new.
    static func family(_ name: String, families: inout [String: Int32]) -> Int32 {
        if let f = families[name] { return f }
        let family = Int32(families.count)
        families[name] = family
        return family
    }

    /// True when the candidate names one of `ids` (sorted) among its participants.
    func sharesParticipant(withSorted ids: [Int32]) -> Bool {
        participants.contains { ids.sortedContains($0) }
    }

    /// True when `ids` (sorted) hold every participant of the candidate that is not a country ("his first meeting
    /// with Kim" in a sentence naming Moon: both), or, when it names only countries, one of them.
    func isCovered(bySorted ids: [Int32], names: LinkNames) -> Bool {
        guard hasPersons else { return sharesParticipant(withSorted: ids) }
        return participants.allSatisfy { names.isCountry[Int($0)] || ids.sortedContains($0) }
    }
}

/// Each candidate's family, place and participants as ids (`LinkNames`), numbered once in candidate order and kept
/// in flat lists (a few bytes a candidate, no list each): `CandidateFacts` are built from them without hashing a
/// name again.
struct CandidateIDs {
    /// Per candidate: its family (`CandidateFacts.family`).
    private(set) var families: [Int32] = []
    /// Per candidate: its place, or -1.
    private var places: [Int32] = []
    /// Where each candidate's participants start in `participants`, then where the last one's end.
    private var starts: [Int] = [0]
    /// Every candidate's participants, candidate after candidate, in each one's order (repeats kept).
    private var participants: [Int32] = []
    /// Per candidate: how many distinct participants are countries, and whether some participant is no country.
    private var countryCounts: [Int32] = []
    private var hasPersons: [Bool] = []

    /// Numbers every candidate's family, then its place (with the places it lies in), then its participants.
    init(
        _ candidates: borrowing CandidateChunks, families ids: inout [String: Int32], names: inout LinkNames,
        gazetteer: [String: EventLexicon.Place]
    ) {
        families.reserveCapacity(candidates.count)
        places.reserveCapacity(candidates.count)
        starts.reserveCapacity(candidates.count + 1)
        countryCounts.reserveCapacity(candidates.count)
        hasPersons.reserveCapacity(candidates.count)
        for i in candidates.indices {
            families.append(CandidateFacts.family(candidates[i].family, families: &ids))
            places.append(candidates[i].place.map { names.place($0, gazetteer: gazetteer) } ?? -1)
            let first = participants.count
            for p in candidates[i].participants { participants.append(names.id(p)) }
            starts.append(participants.count)
            var countries: Int32 = 0
            var persons = false
            for k in first..<participants.count {
                let p = participants[k]
                if !names.isCountry[Int(p)] {
                    persons = true
                } else if !participants[first..<k].contains(p) {
                    countries += 1
                }
            }
            countryCounts.append(countries)
            hasPersons.append(persons)
        }
    }

    /// The facts of candidate `i`, given its `dateDays` and, when its date words could not be resolved, those words.
    func facts(
        _ i: Int, days: (precision: DatePrecision, days: (lo: Int, hi: Int)?)?, unresolved words: String?,
        months: [String: Int]
    ) -> CandidateFacts {
        var month: Int?
        if days == nil, let words {
            let named = Set(words.split { !$0.isLetter }.compactMap { months[String($0)] })
            month = named.count == 1 ? named.first : nil
        }
        return CandidateFacts(
            family: families[i], place: place(i), span: days?.days.map { DaySpan(lo: $0.lo, hi: $0.hi) },
            precision: days?.precision, participants: participants(i), countryCount: countryCounts[i],
            hasPersons: hasPersons[i], month: month)
    }

    /// The place of candidate `i`.
    func place(_ i: Int) -> Int32? { places[i] < 0 ? nil : places[i] }

    /// The participants of candidate `i`.
    func participants(_ i: Int) -> ArraySlice<Int32> { participants[starts[i]..<starts[i + 1]] }
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
    /// The slot of each item (32 bits: one for every candidate of the corpus).
    private(set) var slot: [Int32] = []

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
            slot.append(Int32(clamping: current))
        }
    }
}

extension EventLinker {
    /// The mentions of `keyed` (sorted by article order and paragraph) without repeats, in order. Equal mentions
    /// share their keys, so each is compared only with the mentions of its own run of keys.
    static func distinctMentions(_ keyed: [(order: Int, paragraph: Int, mention: EventMention)]) -> [EventMention] {
        distinctMentions(keyed.count) { keyed[$0] }
    }

    /// `distinctMentions` of the `count` mentions `keyed` gives by position.
    static func distinctMentions(
        _ count: Int, _ keyed: (Int) -> (order: Int, paragraph: Int, mention: EventMention)
    ) -> [EventMention] {
        var unique: [EventMention] = []
        unique.reserveCapacity(count)
        var runStart = 0
        // A long run (a long paragraph naming one event many times) is checked through a set.
        var runSet: Set<EventMention>?
        var previous: (order: Int, paragraph: Int)?
        for k in 0..<count {
            let (order, paragraph, m) = keyed(k)
            if previous.map({ $0.order != order || $0.paragraph != paragraph }) ?? true {
                runStart = unique.count
                runSet = nil
            }
            previous = (order, paragraph)
            if runSet != nil {
                if runSet?.insert(m).inserted == true { unique.append(m) }
                continue
            }
            if unique[runStart...].contains(m) { continue }
            unique.append(m)
            if unique.count - runStart >= 16 { runSet = Set(unique[runStart...]) }
        }
        guard unique.count < count else { return unique }
        // Repeats left room in the list: it is kept with the event, so without it.
        var tight: [EventMention] = []
        tight.reserveCapacity(unique.count)
        tight.append(contentsOf: unique)
        return tight
    }
}

/// A small map kept as a list (most merged events see one or two kinds and dates: a dictionary each would cost
/// more than its entries), indexed by a dictionary once it holds more than a few entries.
struct SmallMap<Key: Hashable, Value> {
    /// The entries in the order their keys came.
    private(set) var entries: [(key: Key, value: Value)] = []
    private var index: [Key: Int]?

    var isEmpty: Bool { entries.isEmpty }

    subscript(key: Key) -> Value? { position(of: key).map { entries[$0].value } }

    private func position(of key: Key) -> Int? {
        if let index { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    /// Edits the value of `key` (`initial` when absent) and returns it.
    @discardableResult
    mutating func update(_ key: Key, initial: Value, _ edit: (inout Value) -> Void) -> Value {
        if let k = position(of: key) {
            edit(&entries[k].value)
            return entries[k].value
        }
        var value = initial
        edit(&value)
        entries.append((key, value))
        if index != nil {
            index?[key] = entries.count - 1
        } else if entries.count > 8 {
            var built: [Key: Int] = [:]
            for (k, e) in entries.enumerated() { built[e.key] = k }
            index = built
        }
        return value
    }
}
