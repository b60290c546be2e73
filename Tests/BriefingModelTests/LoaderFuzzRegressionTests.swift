import Foundation
import Testing

@testable import BriefingModel

/// Replays every input kept in `Tests/Fixtures/fuzz` the way the libFuzzer target in `Fuzz/` runs it:
/// the first byte picks the form (plain text, front matter, JSON Lines, file on disk), the rest is the file.
@Suite(.timeLimit(.minutes(3))) struct LoaderFuzzRegressionTests {
    static let inputs: [String] = files(in: Checkout.fuzzFixtures)

    /// The input files of a folder: regular files, no hidden files, no notes.
    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && !name.hasSuffix(".md")
                && FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
                && !isFolder.boolValue
        }.sorted()
    }

    /// Loads one fuzz input in its form; mirrors `fuzzOne` in Fuzz/Sources/BriefingFuzz/FuzzTarget.swift.
    static func load(_ input: [UInt8]) throws -> LoadResult {
        guard let selector = input.first else { return LoadResult() }
        let body = Array(input.dropFirst())
        let loader = CorpusLoader(options: LoadOptions(defaultDate: Day(year: 2019, month: 2, day: 27)))
        switch selector % 4 {
        case 0: return loader.load(bytes: body, path: "fuzz.txt")
        case 1: return loader.load(bytes: Array("---\n".utf8) + body, path: "fuzz.md")
        case 2: return loader.load(bytes: body, path: "fuzz.jsonl")
        default:
            let dir = try TempFolder("fuzz-replay")
            try dir.write("input.md", bytes: body)
            return loader.load(paths: [dir.path])
        }
    }

    @Test func theRegressionInputsArePresent() {
        #expect(Self.inputs.count >= 8, "Tests/Fixtures/fuzz lost its inputs")
    }

    @Test(arguments: inputs)
    func replaysWithoutCrashing(name: String) async throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Checkout.fuzzFixtures + "/" + name)))
        let load = try Self.load(bytes)
        await LoadCheck.throughPipeline(load)
        let ids = load.articles.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(load.warnings.allSatisfy { !$0.path.isEmpty && $0.line >= 0 && !$0.message.isEmpty })
        _ = try ContractJSON.encode(Pipeline(resources: Checkout.resources).run(load), pretty: false)
    }

    @Test func deepNestingIsRefusedWithAWarning() throws {
        // Front matter too deep is dropped but the article kept; a JSON line too deep is skipped.
        for (name, articles) in [
            ("regress-deep-flow-yaml", 1), ("regress-deep-block-yaml", 1), ("regress-deep-json", 0),
        ] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Checkout.fuzzFixtures + "/" + name)))
            let load = try Self.load(bytes)
            #expect(load.warnings.map(\.message).contains { $0.contains("nests deeper than") }, "\(name)")
            #expect(load.articles.count == articles, "\(name)")
        }
    }

    /// Found by fuzzing: a mapping key that refers to nested aliases made the YAML library hash an
    /// exponentially large tree (a 10 s timeout). Front matter with aliases is now refused before parsing.
    @Test(arguments: ["regress-yaml-alias-bomb", "crash-timeout-yaml-alias-key"])
    func aliasBombsAreRefusedBeforeParsing(name: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Checkout.fuzzFixtures + "/" + name)))
        let load = try Self.load(bytes)
        let article = try #require(load.articles.first)
        #expect(article.title != "")
        #expect(
            load.warnings.map(\.description).contains("fuzz.md:3: front matter uses a YAML alias (*name); not read"))
    }

    @Test func aliasesAreFoundWhereANodeStartsOnly() {
        let aliases: [(String, Int)] = [
            ("title: *a", 1), ("tags: [x, *a]", 1), ("tags:\n  - x\n  - *a", 3), ("m: {k: *a}", 1),
            ("? *a\n: v", 1), ("tags: !!seq *a", 1), ("a: &x [1]\nb: [\n  *x]", 3), ("- - *a", 1),
        ]
        for (yaml, line) in aliases {
            #expect(YAMLAliasScanner.firstAliasLine(yaml) == line, "\(yaml)")
        }
        let plain = [
            "title: Stars *and* stripes", "title: 'quoted, *not* an alias'", "title: \"[*x] \\\" *y\"",
            "tags: [a, b]  # *comment", "summary: |\n  *bold* text\n  - *more*\nsource: wire",
            "title: Kim, *Moon", "url: https://example.org/a*b", "title: 'it''s *fine*'",
            "title: \"two\n  lines, *still* quoted\"",
        ]
        for yaml in plain {
            #expect(YAMLAliasScanner.firstAliasLine(yaml) == nil, "\(yaml)")
        }
    }
}
