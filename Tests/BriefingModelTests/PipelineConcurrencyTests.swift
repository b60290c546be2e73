import Dispatch
import Foundation
import Synchronization
import Testing

@testable import BriefingModel

@Suite struct PipelineConcurrencyTests {
    static let load = CorpusLoader().load(
        paths: [ExtractionSupport.packageRoot.appendingPathComponent("Data/articles").path])

    @Test(arguments: [2, 4])
    func concurrentRunEqualsSerialRun(workers: Int) throws {
        try #require(Self.load.articles.count >= 24)
        let serial = ExtractionSupport.pipeline.run(Self.load)
        let concurrent = ExtractionSupport.pipeline.run(Self.load, workers: workers)
        #expect(concurrent == serial)
        #expect(!serial.quotes.isEmpty)
        #expect(serial.quotes.contains { !$0.events.isEmpty })
        #expect(serial.quotes.contains { !$0.pillars.isEmpty })
    }

    @Test func concurrentRunOnOneArticleFallsBackToSerial() {
        let one = LoadResult(articles: Array(Self.load.articles.prefix(1)))
        #expect(ExtractionSupport.pipeline.run(one, workers: 4) == ExtractionSupport.pipeline.run(one))
    }

    /// The corpus-wide lines give the same whether they run on two threads or one after the other.
    @Test func corpusLinesOnTwoThreadsEqualOneThread() {
        let pipeline = ExtractionSupport.pipeline
        let extractions = Self.load.articles.map(pipeline.extract)
        let serial = pipeline.assemble(Self.load, extractions: extractions, concurrent: false)
        for _ in 0..<3 {
            #expect(pipeline.assemble(Self.load, extractions: extractions, concurrent: true) == serial)
        }
    }

    @Test func asyncOpenEqualsOpen() async {
        let path = ExtractionSupport.packageRoot.appendingPathComponent("Data/articles").path
        let pipeline = ExtractionSupport.pipeline
        let opened = pipeline.open(paths: [path], loader: CorpusLoader(), workers: 2)
        let detached = await pipeline.openDetached(paths: [path], loader: CorpusLoader(), workers: 2)
        #expect(detached.corpus == opened.corpus)
        #expect(detached.skipped == opened.skipped)
    }
}

/// `Claim`: computed once, by the first thread that asks; a thread taking it alone computes it itself.
@Suite struct ClaimTests {
    @Test func takeAloneComputesOnThisThread() {
        let claim = Claim<[Int]>()
        #expect(claim.take { [1, 2, 3] } == [1, 2, 3])
        // `start` after `take`: the value was claimed, nothing is computed again.
        let calls = Counter()
        claim.start {
            calls.value.add(1, ordering: .relaxed)
            return []
        }
        #expect(calls.value.load(ordering: .relaxed) == 0)
    }

    @Test func takeAfterStartGetsTheStartedValue() {
        let claim = Claim<String>()
        claim.start { "merged" }
        #expect(claim.take { "again" } == "merged")
    }

    @Test func twoThreadsComputeOnce() {
        for _ in 0..<50 {
            let claim = Claim<Int>()
            let calls = Counter()
            let taken = Counter()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let compute = { @Sendable () -> Int in
                    calls.value.add(1, ordering: .relaxed)
                    usleep(100)
                    return 7
                }
                if i == 0 {
                    taken.value.store(claim.take(compute), ordering: .relaxed)
                } else {
                    claim.start(compute)
                }
            }
            #expect(calls.value.load(ordering: .relaxed) == 1)
            #expect(taken.value.load(ordering: .relaxed) == 7)
        }
    }
}

/// `MemoryTurn`: two stages holding the turn never run at once; one thread taking it in turn never waits.
@Suite struct MemoryTurnTests {
    @Test func stagesOnTwoThreadsNeverOverlap() {
        let turn = MemoryTurn()
        let inside = Counter()
        let most = Counter()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            for _ in 0..<20 {
                turn.enter()
                let now = inside.value.add(1, ordering: .relaxed).newValue
                if now > most.value.load(ordering: .relaxed) { most.value.store(now, ordering: .relaxed) }
                usleep(200)
                inside.value.subtract(1, ordering: .relaxed)
                turn.leave()
            }
        }
        #expect(most.value.load(ordering: .relaxed) == 1)
    }

    @Test func oneThreadTakesItInTurn() {
        let turn = MemoryTurn()
        var stages = 0
        for _ in 0..<2 {
            turn.enter()
            stages += 1
            turn.leave()
        }
        #expect(stages == 2)
    }
}

/// `StageTrace`: a listener hears the pipeline's marks in order; nobody listens once it is let go.
@Suite(.serialized) struct StageTraceTests {
    @Test func aRunMarksItsStagesInOrder() throws {
        let heard = Heard()
        StageTrace.listen { heard.add($0) }
        let corpus = ExtractionSupport.pipeline.open(
            paths: [ExtractionSupport.packageRoot.appendingPathComponent("Data/articles").path], loader: CorpusLoader(),
            workers: 2
        ).corpus
        StageTrace.listen(nil)
        #expect(!corpus.quotes.isEmpty)
        // Other suites may run pipelines meanwhile, and their marks come too: the names must come in order as a
        // subsequence of what was heard.
        let names = heard.names
        let order = [
            "articles read and extracted", "lines: agendas unified", "lines: both done", "lines: quotes built",
        ]
        var next = 0
        for name in names where next < order.count && name == order[next] { next += 1 }
        #expect(next == order.count, "\(names)")
        for name in ["speakers merged", "line A: events grouped", "line B: passages tagged"] {
            #expect(names.contains(name), "\(name)")
        }
        let count = heard.names.count
        StageTrace.mark("after")
        #expect(heard.names.count == count)
    }
}

/// Names heard on any thread.
private final class Heard: @unchecked Sendable {
    // Unchecked: `list` is read and written under `lock` only.
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ name: String) { lock.withLock { list.append(name) } }
    var names: [String] { lock.withLock { list } }
}

/// A counter that closures on several threads share.
private final class Counter: Sendable {
    let value = Atomic<Int>(0)
}

/// Grouping the events from the quotes' places gives what grouping from the quotes gives.
@Suite struct QuotePlaceTests {
    @Test func groupFromPlacesEqualsGroupFromQuotes() {
        let pipeline = Pipeline(resources: EventTestSupport.resources)
        let load = PipelineConcurrencyTests.load
        let x = load.articles.map(pipeline.extract)
        let lex = EventLexicon(lexicon: EventTestSupport.resources.lexicon)
        let quotes = SpeakerMerger.merge(x).quotes
        let candidates = x.flatMap(\.eventCandidates)
        let fromQuotes = EventLinker.group(candidates, articles: load.articles, quotes: quotes, events: lex)
        let fromPlaces = EventLinker.group(
            candidates, articles: load.articles, places: quotes.map(QuotePlace.init), events: lex)
        var a = quotes
        var b = quotes
        #expect(fromQuotes.finish(speakers: [], quotes: &a) == fromPlaces.finish(speakers: [], quotes: &b))
        #expect(a == b)
        #expect(a.contains { !$0.events.isEmpty })
    }
}

/// The mentions counted sets add go where inserting them one by one would put them, repeats left out.
@Suite struct SetMentionsTests {
    /// The reference: each inserted in turn before the first mention ordered after it, unless already there.
    static func oneByOne(_ list: [EventMention], _ extra: [EventMention], order: [String: Int]) -> [EventMention] {
        var out = list
        for m in extra {
            guard !out.contains(where: { $0.article == m.article && $0.paragraph == m.paragraph && $0.text == m.text })
            else { continue }
            let k = (order[m.article] ?? 0, m.paragraph)
            let at = out.firstIndex { (order[$0.article] ?? 0, $0.paragraph) > k } ?? out.count
            out.insert(m, at: at)
        }
        return out
    }

    static func event(_ mentions: [EventMention]) -> Event {
        Event(
            id: "e", kind: "summit", title: "t", place: nil, date: nil, planned: false, participants: [],
            mentions: mentions, related: [], outcomes: [], dateText: nil)
    }

    @Test(arguments: [false, true])
    func mergedEqualsOneByOne(inOrder: Bool) {
        let order = ["a": 0, "b": 1, "c": 2]
        var seed: UInt64 = inOrder ? 7 : 11
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let articles = ["a", "b", "c", "x"]
        for _ in 0..<200 {
            var list = (0..<next(12)).map { _ in
                EventMention(article: articles[next(4)], paragraph: next(3), text: "w\(next(3))")
            }
            if inOrder {
                list.sort { (order[$0.article] ?? 0, $0.paragraph) < (order[$1.article] ?? 0, $1.paragraph) }
            }
            let extra = (0..<next(10)).map { _ in
                EventMention(article: articles[next(4)], paragraph: next(3), text: "w\(next(3))", count: 1 + next(3))
            }
            var sets = SetMentions(eventCount: 2)
            let events = [Self.event(list), Self.event([])]
            for m in extra { sets.add(m, to: 0, articleOrder: order) }
            var out = events
            sets.insert(into: &out, articleOrder: order)
            #expect(out[0].mentions == Self.oneByOne(list, extra, order: order))
            #expect(out[1].mentions.isEmpty)
        }
    }
}
