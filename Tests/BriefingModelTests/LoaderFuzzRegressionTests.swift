import Foundation
import Testing

@testable import BriefingModel

/// Replays every input kept in `Tests/Fixtures/fuzz` the way the libFuzzer target in `Fuzz/` runs it:
/// the first byte picks the form (plain text, front matter, JSON Lines, file on disk), the rest is the file.
@Suite(.timeLimit(.minutes(3))) struct LoaderFuzzRegressionTests {
    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Checkout.fuzzFixtures)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }()

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

    @Test func anAliasBombIsReadWithoutExpanding() throws {
        let bytes = Array(
            try Data(contentsOf: URL(fileURLWithPath: Checkout.fuzzFixtures + "/regress-yaml-alias-bomb")))
        let load = try Self.load(bytes)
        let article = try #require(load.articles.first)
        #expect(article.paragraphs.map(\.text) == ["Body after an alias bomb."])
        #expect(load.warnings.map(\.message).contains("front matter 'title' should be text, not a list"))
    }
}
