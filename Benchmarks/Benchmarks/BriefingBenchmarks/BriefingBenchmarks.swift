import BenchSupport
import Benchmark
import BriefingModel
import BriefingTUI
import Foundation

// Corpora: `small` (2,000 generated articles, about 10 MB) for throughput and search at 10,000 quotes,
// `large` (20,000, about 100 MB) for the reader's first frame and search at 200,000 quotes. Each is generated once into
// $BRIEFING_BENCH_DIR and loaded in `setup`, outside the measurement.
let small = Fixture.make(articles: 2_000)
let large = Fixture.make(articles: 20_000, load: false)

let throughput = BenchmarkMetric.custom("kB/s", polarity: .prefersLarger, useScalingFactor: false)

/// A cache folder of its own for the benchmarks, so the user's cache is never touched.
let benchCache = CorpusCache(directory: BenchCorpus.root + "/cache")

/// The search fixture: quotes from the pipeline on the small corpus (10k), or, for sizes the small corpus
/// cannot give, stand-in quotes paired from quotation marks in the large one (running the extractor on
/// 20,000 articles takes longer than a benchmark round; see docs/PERFORMANCE.md).
struct SearchFixture: @unchecked Sendable {
    var substring: SubstringSearch
    var index: QuoteIndex
    var queries: [String]
    var indexQueries: [String]
    var quotes: Int
    var standIn: Bool

    init(quotes count: Int) async {
        var corpus: Corpus
        if count <= 20_000 {
            let load = await CorpusLoader().loadParallel(paths: [small.folder])
            corpus = await Pipeline(resources: small.resources).runParallel(load)
        } else {
            corpus = Corpus(articles: await CorpusLoader().loadParallel(paths: [large.folder]).articles)
        }
        let standIn = corpus.quotes.count < count
        if standIn { corpus.quotes = StandInQuotes.scan(corpus.articles, limit: count) }
        corpus.quotes = Array(corpus.quotes.prefix(count))
        let used = Set(corpus.quotes.map(\.article))
        corpus.articles = corpus.articles.filter { used.contains($0.id) }
        substring = SubstringSearch(CorpusIndex(corpus))
        index = QuoteIndex(corpus: corpus)
        queries = QueryMix.queries(from: corpus.quotes)
        indexQueries = QueryMix.indexQueries(queries)
        quotes = corpus.quotes.count
        self.standIn = standIn
        FileHandle.standardError.write(
            Data(
                "search fixture: \(quotes) quotes\(standIn ? " (stand-in scan)" : ""); queries: \(indexQueries)\n"
                    .utf8))
    }
}

nonisolated(unsafe) var searchFixture: SearchFixture?
nonisolated(unsafe) var readerState: AppState?

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, throughput],
        timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 20)

    // MARK: Load and extraction throughput (2,000 articles)

    Benchmark("Load serial 2k", configuration: .init(setup: { _ = small.bytes })) { benchmark in
        let start = ContinuousClock.now
        let load = CorpusLoader().load(paths: [small.folder])
        benchmark.measurement(throughput, kilobytesPerSecond(small.bytes, .now - start))
        blackHole(load)
    }

    Benchmark("Load parallel 2k", configuration: .init(setup: { _ = small.bytes })) { benchmark in
        let start = ContinuousClock.now
        let load = await CorpusLoader().loadParallel(paths: [small.folder])
        benchmark.measurement(throughput, kilobytesPerSecond(small.bytes, .now - start))
        blackHole(load)
    }

    Benchmark("Extract serial 2k", configuration: .init(setup: { _ = small.bytes })) { benchmark in
        let start = ContinuousClock.now
        let corpus = Pipeline(resources: small.resources).run(small.load)
        benchmark.measurement(throughput, kilobytesPerSecond(small.bytes, .now - start))
        blackHole(corpus)
    }

    Benchmark("Extract parallel 2k", configuration: .init(setup: { _ = small.bytes })) { benchmark in
        let start = ContinuousClock.now
        let corpus = await Pipeline(resources: small.resources).runParallel(small.load)
        benchmark.measurement(throughput, kilobytesPerSecond(small.bytes, .now - start))
        blackHole(corpus)
    }

    Benchmark("Load+extract serial 2k", configuration: .init(setup: { _ = small.bytes })) { benchmark in
        let start = ContinuousClock.now
        let load = CorpusLoader().load(paths: [small.folder])
        let corpus = Pipeline(resources: small.resources).run(load)
        benchmark.measurement(throughput, kilobytesPerSecond(small.bytes, .now - start))
        blackHole(corpus)
    }

    Benchmark("Load+extract parallel 2k", configuration: .init(setup: { _ = small.bytes })) { benchmark in
        let start = ContinuousClock.now
        let load = await CorpusLoader().loadParallel(paths: [small.folder])
        let corpus = await Pipeline(resources: small.resources).runParallel(load)
        benchmark.measurement(throughput, kilobytesPerSecond(small.bytes, .now - start))
        blackHole(corpus)
    }

    // MARK: Reader start (20,000 articles): load, pipeline, index, first frame into a memory screen

    let start = Benchmark.Configuration(
        warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 1, setup: { _ = large.bytes })

    Benchmark("First frame no cache 20k", configuration: start) { benchmark in
        let t = ContinuousClock.now
        let state = await ReaderStart.firstFrame(folder: large.folder, resources: large.resources, cache: nil)
        benchmark.measurement(throughput, kilobytesPerSecond(large.bytes, .now - t))
        blackHole(state)
    }

    Benchmark("First frame cold cache 20k", configuration: start) { benchmark in
        benchmark.stopMeasurement()
        benchCache.clear()
        benchmark.startMeasurement()
        let t = ContinuousClock.now
        let state = await ReaderStart.firstFrame(folder: large.folder, resources: large.resources, cache: benchCache)
        benchmark.measurement(throughput, kilobytesPerSecond(large.bytes, .now - t))
        blackHole(state)
    }

    let warm = Benchmark.Configuration(
        warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 5, setup: { _ = large.bytes })
    Benchmark("First frame warm cache 20k", configuration: warm) { benchmark in
        let t = ContinuousClock.now
        let state = await ReaderStart.firstFrame(folder: large.folder, resources: large.resources, cache: benchCache)
        benchmark.measurement(throughput, kilobytesPerSecond(large.bytes, .now - t))
        blackHole(state)
    }

    // What the reader builds on its second thread after the first frame: the deferred index parts and the search.
    Benchmark("First frame warm cache 20k, then search ready", configuration: warm) { benchmark in
        let t = ContinuousClock.now
        let state = await ReaderStart.firstFrame(folder: large.folder, resources: large.resources, cache: benchCache)
        let ready = ReaderStart.searchReady(state)
        benchmark.measurement(throughput, kilobytesPerSecond(large.bytes, .now - t))
        blackHole(ready)
    }

    // The same start on the 2,000-article corpus, for a quick round (the cache is built in setup).
    Benchmark(
        "First frame warm cache 2k",
        configuration: .init(
            warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 10,
            setup: {
                _ = await ReaderStart.firstFrame(folder: small.folder, resources: small.resources, cache: benchCache)
            })
    ) { benchmark in
        let t = ContinuousClock.now
        let state = await ReaderStart.firstFrame(folder: small.folder, resources: small.resources, cache: benchCache)
        benchmark.measurement(throughput, kilobytesPerSecond(small.bytes, .now - t))
        blackHole(state)
    }

    Benchmark(
        "Keystroke redraw 20k",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 10,
            maxDuration: .seconds(10), maxIterations: 2_000,
            setup: {
                let opened = try await Briefing.open(
                    paths: [large.folder], resources: large.resources, cache: benchCache)
                // As in the reader, the deferred index parts and the search are ready after the first frames.
                readerState = ReaderStart.searchReady(ReaderStart.firstFrame(corpus: opened.corpus))
            })
    ) { benchmark in
        // One key per iteration, cycling through a browsing sequence: reducer step plus a full frame.
        guard var state = readerState else { return }
        let key = ReaderStart.keys[benchmark.currentIteration % ReaderStart.keys.count]
        if let action = KeyMap.action(for: key, in: state) { state = Reducer.update(state, action) }
        blackHole(FrameRenderer.render(state))
        readerState = state
    }

    // MARK: Search latency, one query per iteration over the reader's `/` search (quotes pane)

    for count in [10_000, 200_000] {
        let searchConfiguration = Benchmark.Configuration(
            metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 10,
            maxDuration: .seconds(20), maxIterations: 1_000,
            setup: { searchFixture = await SearchFixture(quotes: count) })

        // The quote index (Sources/BriefingModel/Search), as `briefing` and the reader's `/` use it.
        Benchmark("Search index \(count / 1000)k", configuration: searchConfiguration) { benchmark in
            guard let f = searchFixture else { return }
            let q = f.indexQueries[benchmark.currentIteration % f.indexQueries.count]
            blackHole(try? f.index.search(q))
        }

        // The reader's earlier substring filter, for comparison.
        Benchmark("Search substring \(count / 1000)k", configuration: searchConfiguration) { benchmark in
            guard let f = searchFixture else { return }
            let q = f.queries[benchmark.currentIteration % f.queries.count]
            blackHole(f.substring.matches(q, in: .quotes))
        }
    }
}
