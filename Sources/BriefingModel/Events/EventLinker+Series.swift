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

    /// The events (indices) of each list, in series order: 4 bytes an entry, their days kept once in `days`.
    private var lists: [Key: [Int32]] = [:]
    /// Per event index: the first day it is listed with.
    private var days: [Int] = []
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

    /// Notes `day` as event `g`'s.
    private mutating func note(_ g: Int, day: Int) {
        if g >= days.count { days += repeatElement(0, count: g + 1 - days.count) }
        days[g] = day
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
        note(g, day: day)
        for p in participants where wants(p) {
            if let k { lists[Key(series: k, participant: p), default: []].append(Int32(g)) }
            lists[Key(series: self.family(family), participant: p), default: []].append(Int32(g))
        }
    }

    /// Lists event `g` (first day `day`) under its family and each of `participants` it is not listed under yet,
    /// in series order; no kind.
    mutating func add(_ g: Int, day: Int, family: Int32, participants: some Sequence<Int32>) {
        note(g, day: day)
        let days = days
        for p in participants where wants(p) {
            Self.insert(g, into: &lists[Key(series: self.family(family), participant: p), default: []], days: days)
        }
    }

    /// Puts every list in series order (once all events are appended).
    mutating func sort() {
        let days = days
        for key in lists.keys { lists[key]?.sort { (days[Int($0)], $0) < (days[Int($1)], $1) } }
    }

    /// Lists event `g` again after it took a mention in: under its kind `new` (moved from its kind `old`) and
    /// under each of `participants` (all of its own when its kind changed, else at least those it gained).
    mutating func update(
        _ g: Int, day: Int, from old: String, to new: String, family: Int32, participants: ArraySlice<Int32>
    ) {
        note(g, day: day)
        let days = days
        let was = old != new ? kind(old) : nil
        let k = kindSeries(new)
        for p in participants where wants(p) {
            if let was { Self.remove(g, from: &lists[Key(series: was, participant: p)], days: days) }
            Self.insert(g, into: &lists[Key(series: k, participant: p), default: []], days: days)
            Self.insert(g, into: &lists[Key(series: self.family(family), participant: p), default: []], days: days)
        }
    }

    /// The position of the first entry not before `e` in `list` (events with their first days in `days`).
    private static func lowerBound(_ e: Entry, in list: [Int32], days: [Int]) -> Int {
        var lo = 0
        var hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let g = Int(list[mid])
            if Entry(day: days[g], group: g) < e { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Puts event `g` in its place in `list`, unless there.
    private static func insert(_ g: Int, into list: inout [Int32], days: [Int]) {
        let k = lowerBound(Entry(day: days[g], group: g), in: list, days: days)
        if k < list.count, list[k] == Int32(g) { return }
        list.insert(Int32(g), at: k)
    }

    /// Takes event `g` out of `list`, when there.
    private static func remove(_ g: Int, from list: inout [Int32]?, days: [Int]) {
        guard let l = list else { return }
        let k = lowerBound(Entry(day: days[g], group: g), in: l, days: days)
        if k < l.count, l[k] == Int32(g) { list?.remove(at: k) }
    }

    /// Entry `k` of `list`.
    private func entry(_ list: [Int32], _ k: Int) -> Entry {
        let g = Int(list[k])
        return Entry(day: days[g], group: g)
    }

    /// The first event of `series` (in series order) after `day` (any, when nil) listed under one of
    /// `participants`.
    func first(in series: Int32, after day: Int?, participants: ArraySlice<Int32>) -> Int? {
        var best: Entry?
        for p in participants {
            guard let list = lists[Key(series: series, participant: p)] else { continue }
            let k = day.map { Self.lowerBound(Entry(day: $0 + 1, group: Int.min), in: list, days: days) } ?? 0
            if k < list.count, best.map({ entry(list, k) < $0 }) ?? true { best = entry(list, k) }
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
        var heads: [(list: [Int32], at: Int)] = []
        var persons: [Int32]?
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
                for g in list where f.isCovered(bySorted: groups[Int(g)].participantIDs, names: names) {
                    covering += 1
                    if covering == n { return Int(g) }
                }
            }
        }
        // The n-th of the lists merged, each event once (every event listed shares a participant; without a
        // person, sharing one is covering).
        var count = 0
        while true {
            var best: Int?
            for h in heads.indices where heads[h].at < heads[h].list.count {
                if let b = best, entry(heads[b].list, heads[b].at) <= entry(heads[h].list, heads[h].at) { continue }
                best = h
            }
            guard let b = best else { return nil }
            let g = heads[b].list[heads[b].at]
            for h in heads.indices where heads[h].at < heads[h].list.count && heads[h].list[heads[h].at] == g {
                heads[h].at += 1
            }
            count += 1
            if count == n { return Int(g) }
        }
    }
}
