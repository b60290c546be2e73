import BriefingModel
import Foundation

/// A generated corpus, loaded: what the benchmarks measure against.
public struct Fixture: Sendable {
    public var folder: String
    public var bytes: Int
    public var resources: Resources
    /// The articles, loaded when the fixture was made with `load: true` (else empty).
    public var load: LoadResult

    public var megabytes: Double { Double(bytes) / 1_000_000 }

    /// Generates (if needed) and loads a corpus of `articles` articles; stops the process with a message on failure.
    public static func make(articles: Int, load: Bool = true) -> Fixture {
        do {
            let folder = try BenchCorpus.folder(articles: articles)
            let resources = try BenchCorpus.resources()
            let loaded = load ? CorpusLoader().load(paths: [folder]) : LoadResult()
            return Fixture(folder: folder, bytes: BenchCorpus.bytes(folder: folder), resources: resources, load: loaded)
        } catch {
            fatalError("benchmark fixture: \(error)")
        }
    }
}

/// Kilobytes per second for `bytes` processed in `duration` (decimal, as disks count; kB so that slow
/// stages do not round to zero).
public func kilobytesPerSecond(_ bytes: Int, _ duration: Duration) -> Int {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    return seconds > 0 ? Int((Double(bytes) / 1_000 / seconds).rounded()) : 0
}
