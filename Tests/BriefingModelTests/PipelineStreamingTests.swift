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

    @Test func streamedOpenOfNothingIsEmpty() {
        let streamed = Self.pipeline.open(paths: [], loader: CorpusLoader(), workers: 2)
        #expect(streamed.corpus == Self.pipeline.run(LoadResult()))
    }
}
