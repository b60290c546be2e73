import Testing

@testable import BriefingModel

/// The linker's indexes over candidates and events (ids numbered once, day ordinals read in place, pools of events
/// by date) give what the plain computations give.
@Suite struct EventLinkerIndexTests {
    static let dates: [EventDate?] = {
        let a = Day(ordinal: 17_954)
        let far = Day(ordinal: Int(Int32.max) + 10)
        return [
            nil, .day(a), .days(a, a.adding(days: 1)), .week(of: a), .approximate(from: a.adding(days: -5), to: a),
            .month(2019, 2), .year(2019), EventDate(value: "2019-02", precision: .month),
            EventDate(value: "2019-02-27", precision: .day), EventDate(value: "garbled", precision: .day),
            // Days given the wrong way round, and days too large for 32 bits.
            EventDate(value: "2019-02-27", precision: .approximate, earliest: a.adding(days: 3), latest: a),
            EventDate(value: "far", precision: .day, earliest: far, latest: far),
        ]
    }()

    @Test func dateDaysAreTheDatesRangeAndPrecision() {
        for date in Self.dates {
            let c = EventCandidate(article: "a", kind: "talks", family: "talks", date: date)
            let days = c.dateDays
            #expect(days?.precision == date?.precision, "\(date?.value ?? "nil")")
            #expect(days?.days?.lo == date?.range?.lowerBound.ordinal, "\(date?.value ?? "nil")")
            #expect(days?.days?.hi == date?.range?.upperBound.ordinal, "\(date?.value ?? "nil")")
            #expect((days == nil) == (date == nil))
        }
    }

    @Test func candidateIDsNumberAsInterningEachCandidateInTurn() {
        let people = ["North Korea", "Kim", "United States", "Trump", "Moon"]
        let candidates = (0..<30).map { k in
            EventCandidate(
                article: "a\(k / 4)", kind: "summit", family: ["meeting", "launch", "talks"][k % 3],
                place: k % 4 == 0 ? nil : ["Hanoi", "Vietnam", "Singapore"][k % 3],
                participants: (0..<(k % 5)).map { people[($0 * 2 + k) % people.count] } + (k % 7 == 0 ? ["Kim"] : []))
        }
        let chunks = CandidateChunks([Array(candidates[..<10]), [], Array(candidates[10...])])
        let countries: Set<String> = ["North Korea", "United States", "Vietnam"]
        let gazetteer = EventLexicon(lexicon: EventTestSupport.resources.lexicon).gazetteer
        var families: [String: Int32] = [:]
        var names = LinkNames(countries: countries)
        let ids = CandidateIDs(chunks, families: &families, names: &names, gazetteer: gazetteer)
        // The same names numbered one candidate at a time, family, place, participants.
        var plainFamilies: [String: Int32] = [:]
        var plain = LinkNames(countries: countries)
        for (i, c) in candidates.enumerated() {
            let family = CandidateFacts.family(c.family, families: &plainFamilies)
            let place = c.place.map { plain.place($0, gazetteer: gazetteer) }
            let participants = c.participants.map { plain.id($0) }
            #expect(ids.families[i] == family)
            #expect(ids.place(i) == place)
            #expect(Array(ids.participants(i)) == participants)
            let facts = ids.facts(i, days: nil, unresolved: nil, months: [:])
            #expect(facts.family == family && facts.place == place && Array(facts.participants) == participants)
            #expect(Int(facts.countryCount) == Set(c.participants).intersection(countries).count)
            #expect(facts.hasPersons == c.participants.contains { !countries.contains($0) })
        }
        #expect(names.strings == plain.strings)
        #expect(families == plainFamilies)
    }

    @Test func eventMarksActAsASetEmptiedOnEachRemoveAll() {
        var marks = EventMarks(count: 10)
        var plain = Set<Int>()
        // A new set is empty; so is one emptied, whatever it held.
        for (n, round) in [[3, 3], [1, 2, 1, 9, 0], [], [2, 2, 3], [9, 1, 1, 4, 0, 0]].enumerated() {
            if n > 0 {
                marks.removeAll()
                plain.removeAll()
            }
            for e in round { #expect(marks.insert(e) == plain.insert(e).inserted, "\(round) \(e)") }
        }
    }

    @Test func relationTablesKeepEachRelationOnceWithItsFirstCue() {
        // Event 3 has event 1's id: relations to either are one entry.
        var table = RelationTable(events: 4, canon: [0, 1, 2, 1], ids: ["a", "b", "c", "b"])
        table.add(0, 1, .after, nil)
        table.add(0, 3, .after, "later")
        table.add(0, 1, .after, "too late")
        table.add(0, 2, .before, "x")
        table.add(0, 3, .before, nil)
        // None to itself, nor to or from no event.
        table.add(2, 2, .same, nil)
        table.add(-1, 2, .same, nil)
        table.add(2, -1, .same, nil)
        #expect(
            table.lists[0] == [
                EventRelation(event: "b", relation: .after, cue: "later"),
                EventRelation(event: "c", relation: .before, cue: "x"), EventRelation(event: "b", relation: .before),
            ])
        #expect(table.lists[1...].allSatisfy { $0.isEmpty })
    }

    /// Every event a candidate could join (undated, or dated within the slack of its days) is collected, and an
    /// event that moved is found at its new date only.
    @Test func groupPoolsCollectWhatScoringCanAccept() {
        let spans = [
            nil, DaySpan(lo: 100, hi: 100), DaySpan(lo: 130, hi: 131), DaySpan(lo: 103, hi: 110),
            DaySpan(lo: 400, hi: 430), DaySpan(lo: 0, hi: 5_000), DaySpan(lo: 96, hi: 97), DaySpan(lo: 900, hi: 900),
        ]
        var dates: [PoolDate] = [.undated, .unknown] + spans.compactMap { $0.map { .days($0) } }
        dates += dates
        var pool = GroupPool()
        for (g, d) in dates.enumerated() { pool.append(g, at: d) }
        // Events 2 and 3 move far away, 0 gets a date and 5 loses its own.
        let moves: [(Int, PoolDate)] = [
            (2, .days(DaySpan(lo: 2_000, hi: 2_001))), (3, .unknown), (0, dates[4]), (5, .undated),
        ]
        for (g, d) in moves {
            pool.move(g, from: dates[g], to: d)
            dates[g] = d
        }
        var out: [Int] = []
        for probe in [PoolDate.undated, .unknown] + spans.compactMap({ $0.map { .days($0) } }) {
            pool.collect(for: probe, into: &out)
            let got = Set(out)
            let wanted = Set(
                dates.indices.filter { g in
                    switch (probe, dates[g]) {
                    case (.undated, _), (_, .undated): return true
                    case (.days(let a), .days(let b)): return a.overlaps(b, slack: 3)
                    default: return false
                    }
                })
            #expect(wanted.isSubset(of: got), "\(probe)")
            // Nothing stays where it was before it moved, and no event with unknown days is offered to a candidate
            // dated within a few bins (a longer date is offered every event).
            if case .days(let a) = probe, a.width < 1_000 {
                #expect(!got.contains(2), "\(probe)")
                #expect(got.allSatisfy { dates[$0] != .unknown }, "\(probe)")
            }
        }
        pool.collect(for: .unknown, into: &out)
        #expect(Set(out) == Set(dates.indices.filter { dates[$0] == .undated }))
        #expect(pool.all == Array(dates.indices))
    }
}
