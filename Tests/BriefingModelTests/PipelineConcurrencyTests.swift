import Foundation
import Testing

@testable import BriefingModel

@Suite struct PipelineConcurrencyTests {
    static let load = CorpusLoader().load(
        paths: [ExtractionSupport.packageRoot.appendingPathComponent("Data/articles").path])

    @Test func concurrentRunEqualsSerialRun() throws {
        try #require(Self.load.articles.count >= 24)
        let serial = ExtractionSupport.pipeline.run(Self.load)
        let concurrent = ExtractionSupport.pipeline.runConcurrently(Self.load, workers: 4)
        #expect(concurrent == serial)
        #expect(!serial.quotes.isEmpty)
    }

    @Test func taskGroupRunEqualsSerialRun() async throws {
        let serial = ExtractionSupport.pipeline.run(Self.load)
        let parallel = await ExtractionSupport.pipeline.runParallel(Self.load, tasks: 3)
        #expect(parallel == serial)
    }

    @Test func concurrentRunOnOneArticleFallsBackToSerial() {
        let one = LoadResult(articles: Array(Self.load.articles.prefix(1)))
        #expect(ExtractionSupport.pipeline.runConcurrently(one) == ExtractionSupport.pipeline.run(one))
    }
}
