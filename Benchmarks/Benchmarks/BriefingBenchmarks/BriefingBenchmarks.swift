import BenchSupport
import Benchmark
import BriefingModel
import Foundation

// Corpora: `small` (2,000 generated articles, about 10 MB) for throughput, `large` (20,000, about 100 MB)
// for the reader's first frame. Each is generated once into $BRIEFING_BENCH_DIR and loaded in `setup`.
let small = Fixture.make(articles: 2_000)
let large = Fixture.make(articles: 20_000, load: false)

let throughput = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, throughput],
        timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 20)

    // MARK: Load and extraction throughput

    Benchmark("Load 2k articles", configuration: .init(setup: { _ = small.bytes })) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now
        let load = CorpusLoader().load(paths: [small.folder])
        benchmark.measurement(throughput, megabytesPerSecond(small.bytes, clock.now - start))
        blackHole(load)
    }

    Benchmark("Extract serial 2k articles", configuration: .init(setup: { _ = small.bytes })) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now
        let corpus = Pipeline(resources: small.resources).run(small.load)
        benchmark.measurement(throughput, megabytesPerSecond(small.bytes, clock.now - start))
        blackHole(corpus)
    }

    Benchmark("Extract parallel 2k articles", configuration: .init(setup: { _ = small.bytes })) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now
        let corpus = await Pipeline(resources: small.resources).runParallel(small.load)
        benchmark.measurement(throughput, megabytesPerSecond(small.bytes, clock.now - start))
        blackHole(corpus)
    }

    Benchmark("Load+extract serial 2k articles", configuration: .init(setup: { _ = small.bytes })) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now
        let load = CorpusLoader().load(paths: [small.folder])
        let corpus = Pipeline(resources: small.resources).run(load)
        benchmark.measurement(throughput, megabytesPerSecond(small.bytes, clock.now - start))
        blackHole(corpus)
    }

    Benchmark("Load+extract parallel 2k articles", configuration: .init(setup: { _ = small.bytes })) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now
        let load = CorpusLoader().load(paths: [small.folder])
        let corpus = await Pipeline(resources: small.resources).runParallel(load)
        benchmark.measurement(throughput, megabytesPerSecond(small.bytes, clock.now - start))
        blackHole(corpus)
    }

    // MARK: Reader start

    Benchmark(
        "First frame cold 20k articles",
        configuration: .init(warmupIterations: 0, maxIterations: 5, setup: { _ = large.bytes })
    ) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now
        let load = CorpusLoader().load(paths: [large.folder])
        let corpus = await Pipeline(resources: large.resources).runParallel(load)
        benchmark.measurement(throughput, megabytesPerSecond(large.bytes, clock.now - start))
        blackHole(corpus)
    }
}
