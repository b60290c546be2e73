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

/// The search fixture: the first `count` quotes the pipeline finds, with the articles they come from.
///
/// 10k: from the small corpus (2,000 articles), extracted in setup. 200k: from the large corpus (20,000
/// articles, about 350,000 quotes), extracted once (about two minutes) and kept as JSON in
/// $BRIEFING_BENCH_DIR/search-fixture (articles without their paragraphs, speakers, agendas, events and the
/// quotes), named after the corpus's source digest and the count; delete the file to extract again.
struct SearchFixture: @unchecked Sendable {
    var corpus: Corpus
    var substring: SubstringSearch
    var reader: IndexedSearch
    var index: QuoteIndex
    var queries: [String]
    var indexQueries: [String]
    var requested: Int

    init(quotes count: Int) async {
        var corpus = count <= 20_000 ? await Self.extract(small) : await Self.cached(large, quotes: count)
        corpus.quotes = Array(corpus.quotes.prefix(count))
        let used = Set(corpus.quotes.map(\.article))
        corpus.articles = corpus.articles.filter { used.contains($0.id) }
        self.corpus = corpus
        requested = count
        let rss = Self.residentBytes()
        let t = ContinuousClock.now
        index = QuoteIndex(corpus: corpus)
        let built = ContinuousClock.now - t
        let grown = Self.residentBytes() - rss
        let readerIndex = CorpusIndex(corpus)
        substring = SubstringSearch(readerIndex)
        reader = IndexedSearch(readerIndex)
        queries = QueryMix.queries(from: corpus.quotes)
        indexQueries = QueryMix.indexQueries(queries)
        let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        FileHandle.standardError.write(
            Data(
                """
                search fixture: \(corpus.quotes.count) quotes from \(corpus.articles.count) articles, \
                \(index.termCount) terms; index built in \(built), tables ≈ \(mb(index.estimatedTableBytes)), \
                resident +\(mb(grown)); queries: \(indexQueries)

                """.utf8))
        FileHandle.standardError.write(Data(profile().utf8))
    }

    /// Per query, the median over 15 runs of this thread's CPU time (steadier than wall time on a loaded
    /// machine), for the ranked search, the search with a limit of 50 and the reader's matching.
    func profile() -> String {
        func cpu(_ body: () -> Void) -> Double {
            var samples: [Double] = []
            for _ in 0..<15 {
                let t0 = Self.threadCPU()
                body()
                samples.append(Self.threadCPU() - t0)
            }
            return samples.sorted()[samples.count / 2] * 1_000
        }
        var lines = ["query | matches | all ranked ms | limit 50 ms | reader ms (thread CPU, median of 15)"]
        for q in indexQueries {
            let total = (try? index.search(q, limit: 0).total) ?? 0
            let full = cpu { blackHole(try? index.search(q)) }
            let top = cpu { blackHole(try? index.search(q, limit: 50)) }
            let rows = cpu { blackHole(reader.matches(q, in: .quotes)) }
            lines.append("\(q) | \(total) | " + String(format: "%.3f | %.3f | %.3f", full, top, rows))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CPU seconds this thread has used.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// The pipeline's corpus for a fixture's articles.
    static func extract(_ fixture: Fixture) async -> Corpus {
        await Pipeline(resources: fixture.resources).openDetached(
            paths: [fixture.folder], loader: CorpusLoader()
        ).corpus
    }

    /// The first `count` quotes of `fixture`'s corpus with what filters need, read from the fixture cache or
    /// extracted and written there.
    static func cached(_ fixture: Fixture, quotes count: Int) async -> Corpus {
        let digest = CorpusGenerator.manifest(folder: fixture.folder)?.sourceDigest ?? "unknown"
        let name = (fixture.folder as NSString).lastPathComponent + "-\(digest.prefix(16))-q\(count).json"
        let file = BenchCorpus.root + "/search-fixture/" + name
        if let data = FileManager.default.contents(atPath: file),
            let corpus = try? JSONDecoder().decode(Corpus.self, from: data)
        {
            return corpus
        }
        FileHandle.standardError.write(Data("search fixture: extracting \(fixture.folder) once\n".utf8))
        var corpus = await extract(fixture)
        corpus.quotes = Array(corpus.quotes.prefix(count))
        let used = Set(corpus.quotes.map(\.article))
        corpus.articles = corpus.articles.filter { used.contains($0.id) }.map { a in
            var bare = a
            bare.paragraphs = []
            return bare
        }
        corpus.terms = []
        corpus.warnings = []
        do {
            try FileManager.default.createDirectory(
                atPath: BenchCorpus.root + "/search-fixture", withIntermediateDirectories: true)
            try JSONEncoder().encode(corpus).write(to: URL(fileURLWithPath: file))
        } catch {
            FileHandle.standardError.write(Data("search fixture: cannot write \(file): \(error)\n".utf8))
        }
        return corpus
    }

    /// Resident memory of this process (from /proc/self/statm; 0 where it is missing).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

nonisolated(unsafe) var searchFixture: SearchFixture?
/// The reader state the running keystroke benchmark presses keys on.
nonisolated(unsafe) var keyState: AppState?

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
        let corpus = Pipeline(resources: small.resources).run(
            small.load, workers: ProcessInfo.processInfo.activeProcessorCount)
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
        let corpus = await Pipeline(resources: small.resources).openDetached(
            paths: [small.folder], loader: CorpusLoader()
        ).corpus
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

    // One key per iteration, cycling through `keys`: reducer step plus a full frame, on the 20k reader as after its
    // first frames (the deferred index parts and the search ready), from the state `start` makes of it.
    func keystrokes(
        _ name: String, seconds: Int, keys: [Key], start: @escaping @Sendable (AppState) -> AppState = { $0 }
    ) {
        Benchmark(
            name,
            configuration: .init(
                metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 10,
                maxDuration: .seconds(seconds), maxIterations: 2_000,
                setup: {
                    keyState = nil  // the previous benchmark's reader, freed before this one loads its own
                    let opened = try await Briefing.open(
                        paths: [large.folder], resources: large.resources, cache: benchCache)
                    keyState = start(ReaderStart.searchReady(ReaderStart.firstFrame(corpus: opened.corpus)))
                })
        ) { benchmark in
            guard let state = keyState else { return }
            let next = ReaderStart.press(state, keys, iteration: benchmark.currentIteration)
            blackHole(FrameRenderer.render(next))
            keyState = next
        }
    }

    // Browsing: move, switch panes, open, go back, page.
    keystrokes("Keystroke redraw 20k", seconds: 10, keys: ReaderStart.keys)
    // The page that lists the most: the most quoted speaker (tens of thousands of quotes at 20k), opened, read and
    // left for the next speaker, and back.
    keystrokes(
        "Keystroke redraw 20k, most quoted speaker", seconds: 20, keys: ReaderStart.speakerKeys,
        start: ReaderStart.onMostQuotedSpeaker)

    // MARK: Search latency, one query per iteration, cycling through the ten queries of `QueryMix`

    for count in [10_000, 200_000] {
        let size = "\(count / 1000)k"
        let searchConfiguration = Benchmark.Configuration(
            metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 10,
            maxDuration: .seconds(20), maxIterations: 1_000,
            setup: {
                if searchFixture?.requested != count { searchFixture = await SearchFixture(quotes: count) }
            })

        // The quote index (Sources/BriefingModel/Search) with every match ranked and returned as a hit
        // (`briefing quotes --search` without --limit).
        Benchmark("Search index \(size)", configuration: searchConfiguration) { benchmark in
            guard let f = searchFixture else { return }
            let q = f.indexQueries[benchmark.currentIteration % f.indexQueries.count]
            blackHole(try? f.index.search(q))
        }

        // The same with a limit of 50 (a page of results; `briefing quotes --search --limit 50`).
        Benchmark("Search index \(size) limit 50", configuration: searchConfiguration) { benchmark in
            guard let f = searchFixture else { return }
            let q = f.indexQueries[benchmark.currentIteration % f.indexQueries.count]
            blackHole(try? f.index.search(q, limit: 50))
        }

        // The reader's `/` on the Quotes list: which rows match (the typed word as a prefix), unranked.
        Benchmark("Search reader \(size)", configuration: searchConfiguration) { benchmark in
            guard let f = searchFixture else { return }
            let q = f.indexQueries[benchmark.currentIteration % f.indexQueries.count]
            blackHole(f.reader.matches(q, in: .quotes))
        }

        // The reader's earlier substring filter, for comparison.
        Benchmark("Search substring \(size)", configuration: searchConfiguration) { benchmark in
            guard let f = searchFixture else { return }
            let q = f.queries[benchmark.currentIteration % f.queries.count]
            blackHole(f.substring.matches(q, in: .quotes))
        }

        // Building the index from the fixture's quotes.
        Benchmark(
            "Search build index \(size)",
            configuration: .init(
                metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], timeUnits: .milliseconds,
                warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10,
                setup: {
                    if searchFixture?.requested != count { searchFixture = await SearchFixture(quotes: count) }
                })
        ) { benchmark in
            guard let f = searchFixture else { return }
            blackHole(QuoteIndex(corpus: f.corpus))
        }
    }
}
