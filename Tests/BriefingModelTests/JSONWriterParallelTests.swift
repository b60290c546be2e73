import Foundation
import Testing

@testable import BriefingModel

/// `JSONWriter.array(_:workers:_:)` renders runs of elements on several threads: the bytes must be those of
/// writing the elements one by one, whatever the depth, layout, length and chunking.
@Suite struct JSONWriterParallelTests {
    /// An element with nested containers, an empty array and a string to escape.
    static func element(_ n: Int, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id")
        w.int(n)
        w.key("list")
        w.strings(n % 3 == 0 ? [] : ["a\"\(n)", "b\n"])
        w.key("text")
        w.string(n % 5 == 0 ? nil : "item \(n)")
        w.endObject()
    }

    /// A document `{"before": 1, "items": [...], "after": [...]}` with the items nested `depth` arrays deep.
    static func document(
        _ items: [Int], pretty: Bool, depth: Int, workers: Int, chunkSize: Int, weight: ((Int) -> Int)? = nil
    ) -> [UInt8] {
        var out: [UInt8] = []
        JSONWriter.stream(pretty: pretty, chunkSize: chunkSize, sink: { out.append(contentsOf: $0) }) { w in
            w.beginObject()
            w.key("before")
            w.int(1)
            w.key("items")
            for _ in 0..<depth { w.beginArray() }
            w.array(items, workers: workers, weight: weight) { element($0, to: &$1) }
            for _ in 0..<depth { w.endArray() }
            w.key("z")
            w.array([7, 8], workers: workers) { n, w in w.int(n) }
            w.endObject()
        }
        return out
    }

    @Test(arguments: [true, false], [0, 1, 255, 256, 257, 1000, 3001])
    func parallelArrayWritesTheSerialBytes(pretty: Bool, count: Int) throws {
        let items = Array(0..<count)
        for depth in [0, 2] {
            let serial = Self.document(items, pretty: pretty, depth: depth, workers: 1, chunkSize: 1 << 16)
            for (workers, chunk) in [(2, 1 << 16), (4, 100), (3, 1)] {
                let parallel = Self.document(items, pretty: pretty, depth: depth, workers: workers, chunkSize: chunk)
                #expect(parallel == serial, "workers \(workers), depth \(depth), chunk \(chunk)")
            }
            let parsed = try JSONSerialization.jsonObject(with: Data(serial)) as? [String: Any]
            #expect(parsed?["before"] as? Int == 1)
        }
    }

    @Test func weightedRunsWriteTheSerialBytes() {
        let items = Array(0..<1000)
        // Every seventh element weighs more than a whole run: runs of one, of a few and of `runLength` elements.
        let weight: (Int) -> Int = { $0 % 7 == 0 ? JSONWriter.runBytes + 1 : ($0 < 500 ? JSONWriter.runBytes / 3 : 1) }
        let serial = Self.document(items, pretty: true, depth: 1, workers: 1, chunkSize: 1 << 16)
        for workers in [2, 5] {
            let weighted = Self.document(
                items, pretty: true, depth: 1, workers: workers, chunkSize: 100, weight: weight)
            #expect(weighted == serial, "workers \(workers)")
        }
    }

    @Test func runsEndAtTheirLengthOrWeight() {
        let items = Array(0..<1000)
        let plain = JSONWriter.runBounds(items, weight: nil)
        #expect(plain == Array(stride(from: 0, to: 1000, by: JSONWriter.runLength)) + [1000])
        let heavy = JSONWriter.runBytes / 2
        // Elements 0..<100 weigh half a run each, 100 weighs more than a run, the rest weigh nothing.
        let weighted = JSONWriter.runBounds(items) { $0 < 100 ? heavy : ($0 == 100 ? JSONWriter.runBytes * 3 : 0) }
        #expect(Array(weighted.prefix(52)) == Array(stride(from: 0, through: 100, by: 2)) + [101])
        #expect(weighted.last == 1000)
        #expect(zip(weighted, weighted.dropFirst()).allSatisfy { $1 > $0 && $1 - $0 <= JSONWriter.runLength })
        #expect(JSONWriter.runBounds([Int](), weight: { _ in 1 }) == [0, 0])
    }

    @Test func contractDocumentIsTheSameOnOneWorkerAndMany() throws {
        var corpus = try Briefing.open(
            paths: [ExtractionSupport.packageRoot.appendingPathComponent("Data/articles").path],
            resources: ExtractionSupport.resources
        ).corpus
        // Long enough lists for several rounds of runs on every thread.
        corpus.quotes += corpus.quotes + corpus.quotes + corpus.quotes
        try #require(corpus.quotes.count > 512)
        // Speakers named thousands of times, so their runs end by weight (`ContractJSON.Weight`) before 128 elements.
        let many = corpus.speakers.map { s in
            var s = s
            s.mentions = Array(repeating: s.mentions, count: 40).flatMap { $0 }
            return s
        }
        corpus.speakers = many + many + many + many
        try #require(corpus.speakers.count > 256)
        let serial = try ContractJSON.encode(corpus, workers: 1)
        #expect(try ContractJSON.encode(corpus, workers: 4) == serial)
        var streamed = Data()
        ContractJSON.write(corpus, chunkSize: 1000, workers: 3) { streamed.append(contentsOf: $0) }
        #expect(streamed == serial)
        #expect(try JSONSerialization.jsonObject(with: serial) is [String: Any])
    }
}
