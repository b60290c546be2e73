import BriefingModel
import Foundation

/// The synthetic corpora the benchmarks read: generated once per size and seed, then reused from disk.
///
/// Folder: `$BRIEFING_BENCH_DIR` (default `$TMPDIR/briefing-bench` or `/tmp/briefing-bench`), one
/// `corpus-<articles>-s<seed>` folder per size. Source sentences: `$BRIEFING_BENCH_SOURCE`, else the
/// checkout's `Data/articles`. A folder is regenerated when its manifest names another source digest.
public enum BenchCorpus {
    public static let seed: UInt64 = 20_190_228

    public enum Failure: Error, CustomStringConvertible {
        case noSource
        case noDataDirectory
        case generation(CorpusGenerator.Failure)

        public var description: String {
            switch self {
            case .noSource: return "no source sentences: set BRIEFING_BENCH_SOURCE or add Data/articles"
            case .noDataDirectory: return "cannot find Data/ (set BRIEFING_DATA)"
            case .generation(let f): return f.description
            }
        }
    }

    public static var root: String {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["BRIEFING_BENCH_DIR"], !dir.isEmpty { return dir }
        let tmp = env["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return (tmp as NSString).appendingPathComponent("briefing-bench")
    }

    public static func resources() throws(Failure) -> Resources {
        guard let r = Resources.locate() else { throw .noDataDirectory }
        return r
    }

    static func sourcePaths() -> [String] {
        let env = ProcessInfo.processInfo.environment
        if let s = env["BRIEFING_BENCH_SOURCE"], !s.isEmpty { return s.split(separator: ":").map(String.init) }
        return DataDirectory.locate().map { [$0 + "/articles"] } ?? []
    }

    /// The folder of a generated corpus of `articles` articles, written first if missing or stale.
    public static func folder(articles: Int, seed: UInt64 = seed) throws(Failure) -> String {
        let folder = root + "/corpus-\(articles)-s\(seed)"
        let resources = try resources()
        let paths = sourcePaths()
        guard !paths.isEmpty else { throw .noSource }
        let pool = SentencePool.load(paths: paths, lexicon: resources.lexicon)
        guard !pool.isEmpty else { throw .noSource }
        let digest = CorpusGenerator.hex(pool.digest)
        if let m = CorpusGenerator.manifest(folder: folder), m.articles == articles, m.seed == seed,
            m.sourceDigest == digest
        {
            return folder
        }
        do {
            let s = try CorpusGenerator(pool: pool, seed: seed).write(count: articles, to: folder)
            FileHandle.standardError.write(
                Data("generated \(folder): \(s.articles) articles, \(s.bytes) bytes\n".utf8))
        } catch {
            throw .generation(error)
        }
        return folder
    }

    /// Bytes of the article files of a generated corpus (from its manifest).
    public static func bytes(folder: String) -> Int {
        CorpusGenerator.manifest(folder: folder)?.bytes ?? 0
    }
}
