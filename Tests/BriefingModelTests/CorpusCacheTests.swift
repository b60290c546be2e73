import Foundation
import Testing

@testable import BriefingModel

@Suite struct CorpusCacheTests {
    /// A scratch folder with two article files and a cache folder beside them.
    struct Scratch {
        let root: String
        var articles: String { root + "/articles" }
        var cache: CorpusCache { CorpusCache(directory: root + "/cache") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("cache-test-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/articles", withIntermediateDirectories: true)
            try write("one.md", "---\ntitle: One\ndate: 2019-02-28\n---\n\nFirst body.\n")
            try write("two.txt", "Second body, no front matter.\n")
        }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: articles + "/" + name))
        }

        func open() -> CorpusCache.Opened {
            cache.open(paths: [articles], options: LoadOptions(), resources: Resources()) {
                let load = CorpusLoader().load(paths: [articles])
                return (Pipeline(resources: Resources()).run(load), load.skipped)
            }
        }
    }

    @Test func rebuildsThenHitsWithTheSameModel() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        let first = s.open()
        #expect(first.outcome == .rebuilt)
        let second = s.open()
        #expect(second.outcome == .hit)
        #expect(second.corpus == first.corpus)
        #expect(second.corpus.articles.map(\.title) == ["One", "Second body, no front matter."])
    }

    /// With `reread` a model just parsed is read back from the file it was written to (its compact form): the
    /// same model as the parse gave, and the one a later start reads.
    @Test func aRereadModelIsTheParsedOne() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        let load = CorpusLoader().load(paths: [s.articles])
        let parsed = Pipeline(resources: Resources()).run(load)
        var builds = 0
        let first = s.cache.open(paths: [s.articles], options: LoadOptions(), resources: Resources(), reread: true) {
            builds += 1
            let load = CorpusLoader().load(paths: [s.articles])
            return (Pipeline(resources: Resources()).run(load), load.skipped)
        }
        #expect(first.outcome == .rebuilt && builds == 1 && first.note == nil)
        #expect(first.corpus == parsed)
        let second = s.open()
        #expect(second.outcome == .hit)
        #expect(second.corpus == first.corpus)
    }

    /// `elsewhere` (the reader's child process) is asked for a model the cache misses: when it writes the cache
    /// and says so, that model opens and nothing is built here; when it fails, or says so without writing the
    /// cache, the model is built here as without it. A hit never asks it.
    @Test func aModelBuiltElsewhereOpensFromTheCache() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        var (asked, builds) = (0, 0)
        func open(_ elsewhere: @escaping () -> Bool) -> CorpusCache.Opened {
            s.cache.open(
                paths: [s.articles], options: LoadOptions(), resources: Resources(), reread: true,
                elsewhere: {
                    asked += 1
                    return elsewhere()
                }
            ) {
                builds += 1
                let load = CorpusLoader().load(paths: [s.articles])
                return (Pipeline(resources: Resources()).run(load), load.skipped)
            }
        }
        // Another process's work, as a second cache object on the same folder.
        let other = CorpusCache(directory: s.root + "/cache")
        let built = open {
            _ = other.open(paths: [s.articles], options: LoadOptions(), resources: Resources()) {
                let load = CorpusLoader().load(paths: [s.articles])
                return (Pipeline(resources: Resources()).run(load), load.skipped)
            }
            return true
        }
        #expect(built.outcome == .rebuilt && asked == 1 && builds == 0)
        #expect(built.corpus.articles.map(\.title) == ["One", "Second body, no front matter."])
        #expect(open { true }.outcome == .hit && asked == 1)
        try s.write("two.txt", "Second body, changed.\n")
        let failed = open { false }
        #expect(failed.outcome == .rebuilt && asked == 2 && builds == 1)
        #expect(failed.corpus.articles.last?.title == "Second body, changed.")
        try s.write("two.txt", "Second body, changed again.\n")
        let claimed = open { true }
        #expect(claimed.outcome == .rebuilt && asked == 3 && builds == 2)
        #expect(claimed.corpus.articles.last?.title == "Second body, changed again.")
    }

    /// A cache folder that can be made is writable; one where a file stands is not.
    @Test func canWriteTellsWhetherTheFolderTakesFiles() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        #expect(s.cache.canWrite())
        try Data("x".utf8).write(to: URL(fileURLWithPath: s.root + "/file"))
        #expect(!CorpusCache(directory: s.root + "/file/briefing").canWrite())
    }

    /// What reads the file back gives nil, not a crash or a partial model, for a file cut short or missing.
    @Test func aCacheFileCutShortDoesNotReadBack() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        _ = s.open()
        let file = s.cache.file(paths: [s.articles])
        let whole = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(s.cache.readBinary(file)?.corpus.articles.count == 2)
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: file))
        #expect(s.cache.readBinary(file) == nil)
        #expect(s.cache.readBinary(s.root + "/nothing") == nil)
    }

    /// `willParse` runs before a parse (the executable sets its allocator policy there), never for a model read
    /// from the cache.
    @Test func willParseRunsOnlyWhenTheCacheMisses() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        var parses = 0
        func open() throws -> CorpusCache.Opened {
            try Briefing.openCached(
                paths: [s.articles], resources: Resources(), cache: s.cache, willParse: { parses += 1 })
        }
        #expect(try open().outcome == .rebuilt)
        #expect(parses == 1)
        #expect(try open().outcome == .hit)
        #expect(parses == 1)
        try s.write("two.txt", "Second body, changed.\n")
        #expect(try open().outcome == .rebuilt)
        #expect(parses == 2)
    }

    @Test func aChangedOrAddedFileInvalidatesTheCache() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        _ = s.open()
        try s.write("two.txt", "Second body, now longer than it was.\n")
        let changed = s.open()
        #expect(changed.outcome == .rebuilt)
        #expect(changed.corpus.articles.last?.title == "Second body, now longer than it was.")
        try s.write("three.md", "Third.\n")
        let added = s.open()
        #expect(added.outcome == .rebuilt)
        #expect(added.corpus.articles.count == 3)
        #expect(s.open().outcome == .hit)
    }

    /// The key keeps a digest of the files' stamps, not the stamps: a file touched to another time (same size and
    /// bytes), renamed or removed still misses it.
    @Test func aTouchedRenamedOrRemovedFileInvalidatesTheCache() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        let two = s.articles + "/two.txt"
        _ = s.open()
        #expect(s.open().outcome == .hit)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: two)
        #expect(s.open().outcome == .rebuilt)
        #expect(s.open().outcome == .hit)
        try FileManager.default.moveItem(atPath: two, toPath: s.articles + "/zwei.txt")
        let renamed = s.open()
        #expect(renamed.outcome == .rebuilt)
        #expect(renamed.corpus.articles.map(\.id).contains("zwei"))
        try FileManager.default.removeItem(atPath: s.articles + "/zwei.txt")
        let removed = s.open()
        #expect(removed.outcome == .rebuilt)
        #expect(removed.corpus.articles.count == 1)
    }

    @Test func otherLexiconsMissTheCache() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        _ = s.open()
        let other = Resources(
            lexicon: Lexicon(tables: ["t": LexiconTable(name: "t", rows: [LexiconRow(fields: ["x"], line: 1)])]))
        let opened = s.cache.open(paths: [s.articles], options: LoadOptions(), resources: other) {
            (Corpus(), [])
        }
        #expect(opened.outcome == .rebuilt)
    }

    @Test func aCorruptCacheFileIsRebuiltNotTrusted() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        let first = s.open()
        let files = try FileManager.default.contentsOfDirectory(atPath: s.root + "/cache")
        #expect(files.count == 1)
        for f in files { try Data([1, 2, 3, 4, 5]).write(to: URL(fileURLWithPath: s.root + "/cache/" + f)) }
        let again = s.open()
        #expect(again.outcome == .rebuilt)
        #expect(again.corpus == first.corpus)
        #expect(again.note?.contains("unreadable") == true)
    }

    @Test func theSampleCorpusFromTheCacheIsTheFreshlyParsedOne() throws {
        guard let resources = Resources.locate() else { return }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cache-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = SampleCorpusTests.articlesFolder.path
        let load = CorpusLoader().load(paths: [folder])
        let fresh = Pipeline(resources: resources).run(load)
        #expect(!fresh.quotes.isEmpty && !fresh.events.isEmpty && !fresh.speakers.isEmpty)
        for format in CacheFormat.allCases {
            let cache = CorpusCache(directory: root + "/" + format.rawValue, format: format)
            let build = { (fresh, load.skipped) }
            #expect(
                cache.open(paths: [folder], options: LoadOptions(), resources: resources, build: build).outcome
                    == .rebuilt)
            let hit = cache.open(paths: [folder], options: LoadOptions(), resources: resources) {
                Issue.record("the cache was not used")
                return (Corpus(), [])
            }
            #expect(hit.outcome == .hit)
            #expect(hit.corpus == fresh)
            #expect(hit.skipped == load.skipped)
        }
    }

    @Test func aCacheOfAnotherFormatVersionIsRebuilt() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        let first = s.open()
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: s.root + "/cache").first)
        let path = s.root + "/cache/" + name
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let at = CorpusCache.Entry.magic.count
        #expect(bytes[at] == UInt8(CorpusCache.Entry.formatVersion))
        bytes[at] += 1
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let again = s.open()
        #expect(again.outcome == .rebuilt)
        #expect(again.corpus == first.corpus)
        #expect(s.open().outcome == .hit)
    }

    /// A cache another build of the program wrote is dropped on its header alone: its body (here, bytes no model
    /// decodes from) is never read, so the note says out of date, not unreadable.
    @Test func anotherProgramsCacheIsNotDecoded() throws {
        let s = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        let first = s.open()
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: s.root + "/cache").first)
        let key = CorpusCache.key(paths: [s.articles], options: LoadOptions(), resources: Resources())
        var other = key
        other.program = FileStamp(path: "/elsewhere/briefing", size: 1, modified: 2)
        for (stored, expected) in [(other, "out of date"), (key, "unreadable")] {
            try CorpusCache.writeBinary(to: s.root + "/cache/" + name) { w in
                CorpusCache.Entry.writeHeader(stored, to: &w)
                w.bytes([0xFF, 0xFF, 0xFF, 0xFF])
                // The trailer: both later sections start (empty) where the garbage ends.
                let end = UInt64(w.offset)
                w.fixed(end)
                w.fixed(end)
            }
            let again = s.open()
            #expect(again.outcome == .rebuilt)
            #expect(again.corpus == first.corpus)
            #expect(again.note?.contains(expected) == true, "\(again.note ?? "no note")")
        }
    }
}
