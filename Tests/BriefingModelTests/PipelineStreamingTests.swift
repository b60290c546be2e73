import Foundation
import Testing

@testable import BriefingModel

/// `Pipeline.open(paths:loader:workers:)` reads, parses and extracts in the workers: it must give exactly what
/// loading first and then running the pipeline gives, ids, warnings and skipped files included.
@Suite struct PipelineStreamingTests {
    static let pipeline = ExtractionSupport.pipeline
    static let articles = ExtractionSupport.packageRoot.appendingPathComponent("Data/articles").path

    /// A folder with the sample articles twice (same id bases in two folders, so later ids get `-2`), a `.jsonl`
    /// file, an empty, a binary and a hidden file; removed by the caller.
    static func mixedFolder() throws -> String {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("streaming-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir + "/a", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/b", withIntermediateDirectories: true)
        let names = try fm.contentsOfDirectory(atPath: articles).filter { !$0.hasPrefix(".") }.sorted()
        for name in names.prefix(8) {
            try fm.copyItem(atPath: articles + "/" + name, toPath: dir + "/a/" + name)
            try fm.copyItem(atPath: articles + "/" + name, toPath: dir + "/b/" + name)
        }
        let text = try String(contentsOfFile: articles + "/" + names[0], encoding: .utf8)
        let line = try JSONSerialization.data(withJSONObject: ["title": "Line", "date": "2019-02-27", "text": text])
        var jsonl = line
        jsonl.append(0x0A)
        jsonl.append(contentsOf: Array("{not json\n".utf8))
        jsonl.append(line)
        try jsonl.write(to: URL(fileURLWithPath: dir + "/a/lines.jsonl"))
        try Data().write(to: URL(fileURLWithPath: dir + "/a/empty.md"))
        try Data([0, 1, 2, 3]).write(to: URL(fileURLWithPath: dir + "/b/binary.txt"))
        try Data("hidden".utf8).write(to: URL(fileURLWithPath: dir + "/b/.hidden.md"))
        return dir
    }

    @Test(arguments: [1, 2, 3])
    func streamedOpenEqualsLoadThenRun(workers: Int) throws {
        let dir = try Self.mixedFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The two folders as separate roots give the same id bases twice; the file named again is read once.
        let paths = [dir + "/a", dir + "/b", dir + "/a/empty.md"]
        let loader = CorpusLoader(options: LoadOptions(defaultDate: Day(iso: "2019-10-05")))
        let load = loader.load(paths: paths)
        try #require(load.articles.count == 18)
        #expect(load.articles.contains { $0.id.hasSuffix("-2") })
        #expect(!load.warnings.isEmpty)
        let expected = Self.pipeline.run(load)
        let streamed = Self.pipeline.open(paths: paths, loader: loader, workers: workers)
        #expect(streamed.corpus == expected)
        #expect(streamed.corpus.warnings == expected.warnings)
        #expect(streamed.skipped == load.skipped)
        #expect(!streamed.corpus.quotes.isEmpty)
    }

    @Test func streamedOpenOfBadInputKeepsWarningsInOrder() {
        let loader = CorpusLoader()
        let load = loader.load(paths: [Checkout.badFixtures])
        let streamed = Self.pipeline.open(paths: [Checkout.badFixtures], loader: loader, workers: 2)
        #expect(streamed.corpus == Self.pipeline.run(load))
        #expect(
            streamed.corpus.warnings.map(\.description)
                == (load.warnings + Self.pipeline.resources.warnings).map(\.description))
    }

    /// The ordered drain that lays results out as the workers go: every index once, in order, one call at a time,
    /// whatever order the workers finish in.
    @Test func inOrderCallsEveryIndexOnceInOrder() {
        let count = 2_000
        let order = InOrder(count: count)
        let seen = Seen()
        // Indices made ready out of order: every eighth of the shuffled list on each of eight threads.
        var shuffled = Array(0..<count)
        var rng = SplitMix64(seed: 7)
        shuffled.shuffle(using: &rng)
        let indices = shuffled
        // Threads of their own: `concurrentPerform` called from a test's task may run every iteration on one thread.
        let done = DispatchSemaphore(value: 0)
        for part in 0..<8 {
            Thread.detachNewThread {
                for i in stride(from: part, to: count, by: 8) {
                    order.ready(indices[i]) { k in seen.add(k) }
                }
                done.signal()
            }
        }
        for _ in 0..<8 { done.wait() }
        let values = seen.values
        #expect(values.count == count)
        #expect(values.indices.first { values[$0] != $0 } == nil)
        #expect(seen.overlapped == false)
    }

    @Test func streamedOpenOfNothingIsEmpty() {
        let streamed = Self.pipeline.open(paths: [], loader: CorpusLoader(), workers: 2)
        #expect(streamed.corpus == Self.pipeline.run(LoadResult()))
    }
}

/// What `InOrder` called, and whether two calls ever overlapped.
private final class Seen: @unchecked Sendable {
    // Unchecked: written under `lock`; read by the test once every thread has signalled.
    private let lock = NSLock()
    private var inside = false
    private(set) var values: [Int] = []
    private(set) var overlapped = false

    func add(_ k: Int) {
        lock.lock()
        if inside { overlapped = true }
        inside = true
        lock.unlock()
        // Outside the lock for a moment, so an overlapping call would find `inside` set.
        usleep(20)
        lock.lock()
        values.append(k)
        inside = false
        lock.unlock()
    }
}
