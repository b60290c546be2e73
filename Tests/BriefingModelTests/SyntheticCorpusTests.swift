import Foundation
import Testing

@testable import BriefingModel

@Suite struct SyntheticCorpusTests {
    static let pool = SentencePool(
        paragraphs: [
            "Officials in Northland said the talks “went well.” The envoy Bram Osk arrived on Monday, March 4, 2019.",
            "“We are ready,” Osk told reporters in Eastport. The minister said the plan was “not enough.”",
            "Talks resumed in June 2018 after a pause.",
        ],
        splitter: SentenceSplitter(neverFinal: [], mayEndSentence: [], sentenceStarters: ["the", "talks"]))

    @Test func splitMixIsSeededAndBounded() {
        var a = SplitMix64(seed: 7)
        var b = SplitMix64(seed: 7)
        #expect((0..<50).map { _ in a.next() } == (0..<50).map { _ in b.next() })
        var c = SplitMix64(seed: 1)
        #expect((0..<1000).allSatisfy { _ in (0..<7).contains(c.below(7)) })
        // A fixed first output pins the algorithm (SplitMix64 of seed 0).
        var z = SplitMix64(seed: 0)
        #expect(z.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func poolsQuotedSentencesWholeAndCollectsMidSentenceNames() {
        #expect(Self.pool.quoted.contains("“We are ready,” Osk told reporters in Eastport."))
        #expect(Self.pool.quoted.allSatisfy { !SentencePool.opensQuotation($0) })
        #expect(Self.pool.plain.contains("Talks resumed in June 2018 after a pause."))
        #expect(Self.pool.names.contains("Eastport"))
        #expect(Self.pool.names.contains("Osk"))
        #expect(!Self.pool.names.contains("Officials"))
    }

    @Test func sameSeedSameArticlesOtherSeedOtherArticles() {
        let g = CorpusGenerator(pool: Self.pool, seed: 42, meanBytes: 800)
        #expect(g.article(3) == g.article(3))
        #expect(CorpusGenerator(pool: Self.pool, seed: 42, meanBytes: 800).article(3) == g.article(3))
        #expect(CorpusGenerator(pool: Self.pool, seed: 43, meanBytes: 800).article(3) != g.article(3))
        #expect(g.article(3) != g.article(4))
    }

    @Test func writesLoadableArticlesAndRefusesForeignFolders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("synth-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let g = CorpusGenerator(pool: Self.pool, seed: 9, meanBytes: 600)
        let summary = try g.write(count: 25, to: dir)
        #expect(summary.articles == 25)
        #expect(CorpusGenerator.manifest(folder: dir) == summary)
        let load = CorpusLoader().load(paths: [dir])
        #expect(load.articles.count == 25)
        #expect(load.warnings.isEmpty)
        #expect(load.articles.allSatisfy { $0.date != nil && !$0.paragraphs.isEmpty })
        // Rewriting a generated folder is allowed; a folder of other files is not.
        #expect(try g.write(count: 5, to: dir).articles == 5)
        let foreign = dir + "/foreign"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: foreign + "/keep.txt"))
        #expect(throws: CorpusGenerator.Failure.folderNotGenerated(foreign)) { try g.write(count: 1, to: foreign) }
    }

    @Test func parallelLoadEqualsSerialLoad() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("synth-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CorpusGenerator(pool: Self.pool, seed: 5, meanBytes: 500).write(count: 40, to: dir)
        // Same base name in two folders, an empty file and a binary one: ids and warnings must match too.
        try Data("same".utf8).write(to: URL(fileURLWithPath: dir + "/dup.md"))
        try Data().write(to: URL(fileURLWithPath: dir + "/empty.txt"))
        try Data([0, 1, 2]).write(to: URL(fileURLWithPath: dir + "/bin.txt"))
        let serial = CorpusLoader().load(paths: [dir, dir + "/dup.md"])
        let parallel = await CorpusLoader().loadParallel(paths: [dir, dir + "/dup.md"], tasks: 3)
        #expect(parallel == serial)
        // 40 generated + dup.md; naming dup.md again reads it once (the folder walker reads a file once).
        #expect(serial.articles.count == 41)
    }
}
