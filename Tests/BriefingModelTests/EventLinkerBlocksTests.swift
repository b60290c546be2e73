import Testing

@testable import BriefingModel

/// The linker's blocking indexes (events by place, ordinal series by participant) give what the plain walks over
/// every event give.
@Suite struct EventLinkerBlocksTests {
    static let gazetteer: [String: EventLexicon.Place] = [
        "Hanoi": .init(name: "Hanoi", within: "Vietnam"), "Vietnam": .init(name: "Vietnam", within: "Asia"),
        "Seoul": .init(name: "Seoul", within: "South Korea"),
        "South Korea": .init(name: "South Korea", within: "Asia"),
        "Da Nang": .init(name: "Da Nang", within: "Vietnam"),
    ]
    static let places = ["Hanoi", "Vietnam", "Asia", "Seoul", "South Korea", "Singapore", "Da Nang"]

    /// An undated candidate is offered exactly the events at a compatible place, also after events moved; an unplaced
    /// one no undated event; every candidate every event scoring could accept.
    @Test func scorePoolsCollectWhatScoringCanAccept() {
        var names = LinkNames(countries: ["Vietnam", "South Korea"])
        let ids = Self.places.map { names.place($0, gazetteer: Self.gazetteer) }
        let spans = [DaySpan(lo: 100, hi: 100), DaySpan(lo: 130, hi: 131), DaySpan(lo: 400, hi: 430)]
        let dates: [PoolDate] = [.undated, .unknown] + spans.map { .days($0) }
        // Every date at every place and at none, twice: two events at one place and date.
        var events: [(date: PoolDate, place: Int32?)] = []
        for _ in 0..<2 { for d in dates { for p in [nil] + ids { events.append((d, p)) } } }
        var pool = ScorePool()
        for (g, e) in events.enumerated() { pool.append(g, at: e.date, place: e.place, names: names) }
        // Events move to a narrower place, lose their place, get one, move in time.
        let moves: [(Int, PoolDate, Int32?)] = [
            (1, .undated, ids[0]), (3, .undated, nil), (0, .undated, ids[6]), (9, dates[4], ids[1]),
            (17, .undated, ids[5]), (1, .undated, ids[3]),
        ]
        for (g, d, p) in moves {
            pool.move(g, from: events[g], to: (d, p), names: names)
            events[g] = (d, p)
        }
        var out: [Int] = []
        for probeDate in dates {
            for probePlace in [nil] + ids {
                pool.collect(for: probeDate, place: probePlace, names: names, into: &out)
                let got = Set(out)
                let accepted = Set(
                    events.indices.filter { g in
                        let e = events[g]
                        let placeAgrees = e.place.flatMap { a in probePlace.map { names.compatible(a, $0) } }
                        var dateAgrees: Bool?
                        switch (probeDate, e.date) {
                        case (.undated, _), (_, .undated): dateAgrees = nil
                        case (.days(let a), .days(let b)): dateAgrees = a.overlaps(b, slack: 3)
                        default: dateAgrees = false
                        }
                        return placeAgrees != false && dateAgrees != false
                            && (placeAgrees == true || dateAgrees == true)
                    })
                #expect(accepted.isSubset(of: got), "\(probeDate) \(String(describing: probePlace))")
                if probeDate == .undated, let p = probePlace {
                    let compatible = events.indices.filter { events[$0].place.map { names.compatible($0, p) } ?? false }
                    #expect(got == Set(compatible), "\(p)")
                }
                if probePlace == nil, probeDate != .undated {
                    #expect(got.allSatisfy { events[$0].date != .undated }, "\(probeDate)")
                }
            }
        }
    }

    /// The n-th event of an ordinal mention's series, found through its participants' lists, is the one the walk
    /// over the whole series finds: the n-th covering it, else the n-th sharing a participant; also after events
    /// take mentions in and change kind.
    @Test func participantSeriesFindTheNthAsTheWholeSeriesWalk() {
        let countries: Set<String> = ["North Korea", "United States", "South Korea"]
        let people = ["Kim", "Trump", "Moon", "North Korea", "United States", "South Korea", "Pompeo"]
        let kinds = ["summit", "meeting", "talks"]
        // Events of two families over a few days, ties on the same day among them.
        let candidates = (0..<40).map { k in
            EventCandidate(
                article: "a\(k)", kind: kinds[k % 3], family: k % 5 == 0 ? "launch" : "meeting",
                date: .day(Day(ordinal: 17_900 + (k * 7) % 11)),
                participants: (0..<(1 + k % 4)).map { people[($0 * 3 + k) % people.count] })
        }
        // Ordinal mentions: persons, only countries, a person no event has, none.
        let probes: [[String]] = [
            ["Kim"], ["Kim", "Trump"], ["Trump", "North Korea"], ["North Korea"], ["United States", "South Korea"],
            ["Moon", "Kim", "Kim"], ["Xi"], [], ["Pompeo", "Xi"], ["Xi", "North Korea"],
        ]
        let ordinals = probes.map { p in
            EventCandidate(article: "o", kind: "summit", family: "meeting", participants: p)
        }
        let fixture = SeriesFixture(events: candidates, probes: ordinals, countries: countries, byKind: true)
        let (chunks, names, groups) = (fixture.chunks, fixture.names, fixture.groups)
        var series = fixture.series
        func facts(_ i: Int) -> CandidateFacts { fixture.facts(i) }
        let lexicon = EventLexicon(lexicon: EventTestSupport.resources.lexicon)
        func check() {
            for k in probes.indices {
                let f = facts(candidates.count + k)
                // Each kind's series (an event whose kind changed counts in its new one only), and the family's.
                for kind in kinds + [nil] {
                    let key = kind.map { series.kind($0) } ?? series.family(f.family)
                    let list = groups.indices.filter { g in
                        kind.map { groups[g].kind == $0 } ?? (groups[g].familyID == f.family)
                    }.sorted { (groups[$0].span?.lo ?? 0, $0) < (groups[$1].span?.lo ?? 0, $1) }
                    for n in 0...5 {
                        let covering = list.filter { f.isCovered(bySorted: groups[$0].participantIDs, names: names) }
                        let sharing = list.filter { f.sharesParticipant(withSorted: groups[$0].participantIDs) }
                        let plain =
                            n < 1
                            ? nil : n <= covering.count ? covering[n - 1] : n <= sharing.count ? sharing[n - 1] : nil
                        let got = series.nth(n, in: key, facts: f, groups: groups, names: names)
                        #expect(got == plain, "\(probes[k]) n \(n) kind \(kind ?? "family")")
                    }
                }
            }
        }
        check()
        // Events take ordinal mentions in: new participants, and kinds outvoted.
        for (h, k) in [(1, 0), (1, 5), (4, 1), (4, 1), (7, 8), (2, 3)] {
            let i = candidates.count + k
            let old = groups[h].kind
            groups[h].absorb(chunks[i], index: i, facts: facts(i), names: names, kinds: lexicon.kinds)
            // As the linker does: every list of the event's when its kind changed, else the mention's.
            let moved = groups[h].kind != old ? groups[h].participantIDs[...] : facts(i).participants
            series.update(
                h, day: groups[h].span?.lo ?? 0, from: old, to: groups[h].kind, family: groups[h].familyID,
                participants: moved)
        }
        #expect(groups[4].kind == "summit")
        check()
    }

    /// The next plan an ordinal mention names, found through its participants' lists, is the first plan of its
    /// family after its article's day that shares a participant, as the walk over every plan finds it; also after
    /// plans take mentions in.
    @Test func participantSeriesFindTheNextPlanAsTheWholeWalk() {
        let people = ["Kim", "Trump", "Moon", "North Korea", "Pompeo"]
        // Plans of two families, ties on the same day among them.
        let plans = (0..<24).map { k in
            EventCandidate(
                article: "a\(k)", kind: "summit", family: k % 4 == 0 ? "launch" : "meeting",
                date: .day(Day(ordinal: 18_000 + (k * 5) % 9)), planned: true,
                participants: (0..<(k % 3)).map { people[($0 * 2 + k) % people.count] })
        }
        let probes: [[String]] = [["Kim"], ["Trump", "Moon"], ["North Korea", "Kim", "Kim"], ["Xi"], [], ["Pompeo"]]
        let mentions = probes.map {
            EventCandidate(article: "o", kind: "summit", family: "meeting", planned: true, participants: $0)
        }
        let fixture = SeriesFixture(events: plans, probes: mentions, countries: ["North Korea"], byKind: false)
        let (chunks, names, groups) = (fixture.chunks, fixture.names, fixture.groups)
        var series = fixture.series
        func facts(_ i: Int) -> CandidateFacts { fixture.facts(i) }
        let lexicon = EventLexicon(lexicon: EventTestSupport.resources.lexicon)
        for round in 0..<2 {
            for k in probes.indices {
                let f = facts(plans.count + k)
                let list = groups.indices.filter { groups[$0].familyID == f.family }
                    .sorted { (groups[$0].span?.lo ?? 0, $0) < (groups[$1].span?.lo ?? 0, $1) }
                for after in [nil, 17_000, 18_000, 18_003, 18_008] {
                    let plain = list.first { g in
                        (after.map { (groups[g].span?.lo ?? 0) > $0 } ?? true)
                            && f.sharesParticipant(withSorted: groups[g].participantIDs)
                    }
                    let got = series.first(in: series.family(f.family), after: after, participants: f.participants)
                    #expect(got == plain, "\(probes[k]) after \(String(describing: after)) round \(round)")
                }
            }
            // Plans take mentions in and gain participants.
            for (h, k) in [(3, 0), (6, 1), (1, 5), (0, 2)] where round == 0 {
                let i = plans.count + k
                groups[h].absorb(chunks[i], index: i, facts: facts(i), names: names, kinds: lexicon.kinds)
                series.add(
                    h, day: groups[h].span?.lo ?? 0, family: groups[h].familyID, participants: facts(i).participants)
            }
        }
    }
}

/// Events and probing mentions numbered as the linker numbers them, each event a group of its own, and the
/// participants' series of the probes' participants over the groups (by kind and family, or by family only).
private struct SeriesFixture {
    let chunks: CandidateChunks
    let names: LinkNames
    let groups: [MergedEvent]
    let series: ParticipantSeries
    private let numbered: CandidateIDs

    init(events: [EventCandidate], probes: [EventCandidate], countries: Set<String>, byKind: Bool) {
        let chunks = CandidateChunks(events + probes)
        var families: [String: Int32] = [:]
        var names = LinkNames(countries: countries)
        let numbered = CandidateIDs(chunks, families: &families, names: &names, gazetteer: [:])
        let groups = events.indices.map {
            MergedEvent(events[$0], index: $0, facts: Self.facts($0, numbered, chunks), names: names)
        }
        var wanted = Set<Int32>()
        for k in probes.indices { wanted.formUnion(numbered.participants(events.count + k)) }
        var series = ParticipantSeries(wanted: Array(wanted))
        for g in groups.indices {
            series.append(
                g, day: groups[g].span?.lo ?? 0, kind: byKind ? groups[g].kind : nil, family: groups[g].familyID,
                participants: groups[g].participantIDs)
        }
        series.sort()
        (self.chunks, self.names, self.groups, self.series, self.numbered) = (chunks, names, groups, series, numbered)
    }

    /// The facts of candidate `i` (an event or a probe), as the linker builds them.
    func facts(_ i: Int) -> CandidateFacts { Self.facts(i, numbered, chunks) }

    private static func facts(_ i: Int, _ numbered: CandidateIDs, _ chunks: CandidateChunks) -> CandidateFacts {
        numbered.facts(i, days: chunks[i].dateDays, unresolved: nil, months: [:])
    }
}
