import Foundation
import Testing

@testable import BriefingModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A scratch folder made for one test and removed when the test is done with it.
final class TempFolder {
    let path: String

    init(_ label: String = "briefing-test") throws {
        let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
        path = base + "\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        // Give back read permission first so that a chmod 000 file inside cannot stop the cleanup.
        if let walker = FileManager.default.enumerator(atPath: path) {
            for case let name as String in walker { chmod(path + "/" + name, 0o755) }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` (UTF-8) at a path relative to the folder, creating subfolders; returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    /// Writes raw bytes at a path relative to the folder, creating subfolders; returns the full path.
    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        let dir = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Makes a folder relative to this one; returns the full path.
    @discardableResult
    func folder(_ relative: String) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    /// Makes a symbolic link at `relative` pointing to `target` (taken as is).
    @discardableResult
    func symlink(_ relative: String, to target: String) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
        return full
    }
}

/// Paths inside the package checkout, found from this source file.
enum Checkout {
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let data = root + "/Data"
    static let badFixtures = root + "/Tests/Fixtures/bad"
    static let fuzzFixtures = root + "/Tests/Fixtures/fuzz"

    /// The real lexicons and agendas, loaded once.
    static let resources: Resources = Resources.load(dataDirectory: data)
}

/// A small, well-formed article that every bad-input corpus also holds, to show the rest still loads.
enum GoodArticle {
    static let name = "good.md"
    static let title = "Envoys agree to meet again"
    static let text = """
        ---
        title: \(title)
        date: 2019-03-01
        source: Example Wire
        ---

        The two envoys said on Friday that they would meet again
        within a month.

        "We made progress," one of them told reporters.
        """

    /// True when `result` holds the good article, intact.
    static func isLoaded(in result: LoadResult) -> Bool {
        result.articles.contains {
            $0.title == title && $0.date?.description == "2019-03-01" && $0.paragraphs.count == 2
                && $0.paragraphs[0].line == 7
        }
    }
}

/// Checks shared by the bad-input tests.
enum LoadCheck {
    /// The warnings about one file (by path suffix).
    static func warnings(_ result: LoadResult, about suffix: String) -> [LoadWarning] {
        result.warnings.filter { $0.path.hasSuffix(suffix) }
    }

    /// Runs the whole pipeline, single-threaded and (unless `parallel` is false) in parallel, and checks it
    /// kept every article and warning.
    static func throughPipeline(_ load: LoadResult, parallel runParallel: Bool = true) async {
        let pipeline = Pipeline(resources: Checkout.resources)
        let corpus = pipeline.run(load)
        #expect(corpus.articles.map(\.id) == load.articles.map(\.id))
        #expect(Set(load.warnings).isSubset(of: Set(corpus.warnings)))
        guard runParallel else { return }
        let parallel = pipeline.run(load, workers: 2)
        #expect(parallel.articles.map(\.id) == load.articles.map(\.id))
        #expect(parallel.quotes.count == corpus.quotes.count)
    }

    /// True when chmod 000 actually stops this process from reading (false for root).
    static let permissionsAreEnforced: Bool = {
        guard let folder = try? TempFolder("perm-probe"), let path = try? folder.write("probe.txt", "x") else {
            return false
        }
        chmod(path, 0)
        let fd = open(path, O_RDONLY)
        if fd >= 0 {
            close(fd)
            return false
        }
        return true
    }()
}
