import Testing

@testable import BriefingModel

/// The linker's blocking indexes (events by place) give what the plain walks over every event give.
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
}
