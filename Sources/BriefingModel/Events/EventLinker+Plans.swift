/// Plans told again with a new date: "by May" in March and "the June 12 summit in Singapore" in late May are one
/// plan, rescheduled, not two plans.
extension EventLinker {
    /// Joins each plan into the later restatement that reschedules it, and returns, per plan kept, the dates it
    /// had before (oldest first).
    ///
    /// A later plan restates an earlier one when both are of one family, name the same persons (at least two, as
    /// the leaders of a summit: their sentences name no other person), name no different parties (two countries
    /// each, none shared) and no incompatible places, and when every article telling the later one comes after
    /// every article telling the earlier one while the earlier one is still pending (before its date range ends:
    /// a plan for September does not revive one for May that has passed). Their dates differ, or they would
    /// have merged. The plan takes the restatement's date: a plan's date follows its last announcement.
    static func reschedulePlans(
        _ groups: inout [MergedEvent], _ owner: inout [Int], _ candidates: CandidateChunks, _ lex: EventLexicon,
        _ countries: Set<String>, facts: (Int) -> CandidateFacts, names: LinkNames
    ) -> [ObjectIdentifier: [EventDate]] {
        var earlier: [ObjectIdentifier: [EventDate]] = [:]
        // Plans with a date, a first and last article date, and their persons, in order of first announcement.
        struct Plan {
            var group: Int
            var first: Day
            var last: Day
            var persons: Set<String>
            var nations: Set<String>
        }
        func describe(_ g: Int) -> Plan? {
            let e = groups[g]
            guard e.planned, e.span != nil else { return nil }
            let days = e.members.compactMap { candidates[$0].articleDate }
            // An article without a date cannot say whether the plan was still pending.
            guard days.count == e.members.count, let first = days.min(), let last = days.max() else { return nil }
            // Countries and persons in one pass (the participants are distinct): cheaper than a set of them
            // intersected with and taken from the countries.
            var nations = Set<String>()
            var persons = Set<String>()
            for p in e.participants {
                if countries.contains(p) { nations.insert(p) } else { persons.insert(p) }
            }
            guard persons.count >= 2 else { return nil }
            return Plan(group: g, first: first, last: last, persons: persons, nations: nations)
        }
        var plans = groups.indices.compactMap(describe)
        plans.sort { ($0.first, $0.group) < ($1.first, $1.group) }
        var removed = Set<Int>()
        // Plans of one family and the same persons, in that order: only those can restate each other.
        var bucket: [String: [Int]] = [:]
        for k in plans.indices {
            let later = plans[k]
            let key = groups[later.group].family + "|" + later.persons.sorted().joined(separator: "|")
            let before = bucket[key] ?? []
            bucket[key, default: []].append(k)
            guard let newDate = groups[later.group].date else { continue }
            let fits = before.filter { !removed.contains(plans[$0].group) }.map { (plans[$0], $0) }
                .filter { p, _ in
                    let e = groups[p.group]
                    guard let old = e.date, let range = old.range, p.last < later.first,
                        later.first <= range.upperBound,
                        !old.overlaps(newDate, slack: 0)
                    else { return false }
                    if p.nations.count >= 2, later.nations.count >= 2, p.nations.isDisjoint(with: later.nations) {
                        return false
                    }
                    if let a = e.place, let b = groups[later.group].place, !lex.compatible(a, b) { return false }
                    return true
                }
            // The plan told last before the restatement; two told as late are ambiguous and stay apart.
            guard let (p, pi) = fits.max(by: { ($0.0.last, $0.0.group) < ($1.0.last, $1.0.group) }),
                fits.filter({ $0.0.last == p.last }).count == 1
            else { continue }
            let keep = groups[p.group]
            let moved = groups[later.group]
            let history = (earlier[ObjectIdentifier(keep)] ?? []) + [keep.date].compactMap { $0 }
            for i in moved.members {
                keep.absorb(candidates[i], index: i, facts: facts(i), names: names, kinds: lex.kinds)
                owner[i] = p.group
            }
            // The date, its words and votes are the restatement's alone.
            keep.date = moved.date
            keep.dateText = moved.dateText
            keep.dateVotes = moved.dateVotes
            earlier[ObjectIdentifier(keep)] = history
            removed.insert(later.group)
            // The joined plan was last told with the restatement.
            plans[pi].last = later.last
        }
        drop(removed, from: &groups, owner: &owner)
        return earlier
    }

    /// Gives each event the dates its plan had before it was rescheduled.
    static func noteReschedules(
        _ earlier: [ObjectIdentifier: [EventDate]], groups: [MergedEvent], events: inout [Event]
    ) {
        guard !earlier.isEmpty else { return }
        for g in groups.indices { events[g].rescheduledFrom = earlier[ObjectIdentifier(groups[g])] ?? [] }
    }
}
