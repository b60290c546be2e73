/// The held, dated events of each kind and of each family under each participant that ordinal mentions name, in
/// series order (first day, then creation order): "the second summit with Kim" counts among the events of its
/// series that share a participant with it, so it reads its participants' lists, not the whole series.
struct ParticipantSeries {
    /// An event in a list: its first day and its index, compared in that order.
    struct Entry: Comparable {
        var day: Int
        var group: Int

        static func < (a: Entry, b: Entry) -> Bool { (a.day, a.group) < (b.day, b.group) }
    }

    /// A series (a kind, `2 * id`, or a family, `2 * id + 1`) and a participant.
    private struct Key: Hashable {
        var series: Int32
        var participant: Int32
    }

    private var lists: [Key: [Entry]] = [:]
    /// Kinds numbered as they come.
    private var kinds: [String: Int32] = [:]
    /// Per participant id: listed (some ordinal mention names it).
    private var listed: [Bool] = []

    /// Lists for the participants in `wanted` only.
    init(wanted: [Int32]) {
        for p in wanted {
            if Int(p) >= listed.count { listed += repeatElement(false, count: Int(p) + 1 - listed.count) }
            listed[Int(p)] = true
        }
    }

    /// True when participant `p` is listed.
    private func wants(_ p: Int32) -> Bool { Int(p) < listed.count && listed[Int(p)] }

    /// The series of a kind, when some event listed had it.
    func kind(_ name: String) -> Int32? { kinds[name].map { $0 * 2 } }

    /// The series of a family.
    func family(_ id: Int32) -> Int32 { id * 2 + 1 }

    private mutating func kindSeries(_ name: String) -> Int32 {
        if let k = kinds[name] { return k * 2 }
        let k = Int32(kinds.count)
        kinds[name] = k
        return k * 2
    }

    /// Lists event `g` (first day `day`), of `kind` (none: under its family only) and `family`, under its
    /// `participants`; events are added in creation order and the lists put in series order by `sort`.
    mutating func append(_ g: Int, day: Int, kind: String?, family: Int32, participants: [Int32]) {
        let k = kind.map { kindSeries($0) }
        for p in participants where wants(p) {
            if let k { lists[Key(series: k, participant: p), default: []].append(Entry(day: day, group: g)) }
            lists[Key(series: family * 2 + 1, participant: p), default: []].append(Entry(day: day, group: g))
        }
    }

    /// Lists event `g` (first day `day`) under its family and each of `participants` it is not listed under yet,
    /// in series order; no kind.
    mutating func add(_ g: Int, day: Int, family: Int32, participants: some Sequence<Int32>) {
        let e = Entry(day: day, group: g)
        for p in participants where wants(p) {
            Self.insert(e, into: &lists[Key(series: family * 2 + 1, participant: p), default: []])
        }
    }

    /// Puts every list in series order (once all events are appended).
    mutating func sort() {
        for key in lists.keys { lists[key]?.sort() }
    }

    /// Lists event `g` again after it took a mention in: under its kind `new` (moved from its kind `old`) and
    /// under each of `participants` (all of its own when its kind changed, else at least those it gained).
    mutating func update(
        _ g: Int, day: Int, from old: String, to new: String, family: Int32, participants: ArraySlice<Int32>
    ) {
        let e = Entry(day: day, group: g)
        let was = old != new ? kind(old) : nil
        let k = kindSeries(new)
        for p in participants where wants(p) {
            if let was { Self.remove(e, from: &lists[Key(series: was, participant: p)]) }
            Self.insert(e, into: &lists[Key(series: k, participant: p), default: []])
            Self.insert(e, into: &lists[Key(series: family * 2 + 1, participant: p), default: []])
        }
    }

    /// The position of the first entry not before `e` in `list`.
    private static func lowerBound(_ e: Entry, in list: [Entry]) -> Int {
        var lo = 0
        var hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < e { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private static func insert(_ e: Entry, into list: inout [Entry]) {
        let k = lowerBound(e, in: list)
        if k < list.count, list[k] == e { return }
        list.insert(e, at: k)
    }

    private static func remove(_ e: Entry, from list: inout [Entry]?) {
        guard let l = list else { return }
        let k = lowerBound(e, in: l)
        if k < l.count, l[k] == e { list?.remove(at: k) }
    }

    /// The first event of `series` (in series order) after `day` (any, when nil) listed under one of
    /// `participants`.
    func first(in series: Int32, after day: Int?, participants: ArraySlice<Int32>) -> Int? {
        var best: Entry?
        for p in participants {
            guard let list = lists[Key(series: series, participant: p)] else { continue }
            let k = day.map { Self.lowerBound(Entry(day: $0 + 1, group: Int.min), in: list) } ?? 0
            if k < list.count, best.map({ list[k] < $0 }) ?? true { best = list[k] }
        }
        return best?.group
    }

    /// The event an ordinal mention with these `facts` names as the `n`-th (from 1) of `series`: the n-th in
    /// series order among the events that have every person it names (`CandidateFacts.isCovered`), else among
    /// those that share a participant with it; nil when there is none. `groups` gives the events' participants.
    func nth(_ n: Int, in series: Int32?, facts f: CandidateFacts, groups: [MergedEvent], names: LinkNames) -> Int? {
        guard n >= 1, let series else { return nil }
        // The lists of its distinct participants; the shortest of its persons', which holds every event that
        // covers it when it names a person.
        var heads: [(list: [Entry], at: Int)] = []
        var persons: [Entry]?
        var personMissing = false
        for (k, p) in zip(f.participants.indices, f.participants) {
            if f.participants[f.participants.startIndex..<k].contains(p) { continue }
            let list = lists[Key(series: series, participant: p)] ?? []
            if !names.isCountry[Int(p)] {
                if list.isEmpty { personMissing = true }
                if persons.map({ list.count < $0.count }) ?? true { persons = list }
            }
            if !list.isEmpty { heads.append((list, 0)) }
        }
        if f.hasPersons {
            if !personMissing, let list = persons {
                var covering = 0
                for e in list where f.isCovered(bySorted: groups[e.group].participantIDs, names: names) {
                    covering += 1
                    if covering == n { return e.group }
                }
            }
        }
        // The n-th of the lists merged, each event once (every event listed shares a participant; without a
        // person, sharing one is covering).
        var count = 0
        while true {
            var best: Int?
            for h in heads.indices where heads[h].at < heads[h].list.count {
                if let b = best, heads[b].list[heads[b].at] <= heads[h].list[heads[h].at] { continue }
                best = h
            }
            guard let b = best else { return nil }
            let e = heads[b].list[heads[b].at]
            for h in heads.indices where heads[h].at < heads[h].list.count && heads[h].list[heads[h].at] == e {
                heads[h].at += 1
            }
            count += 1
            if count == n { return e.group }
        }
    }
}
