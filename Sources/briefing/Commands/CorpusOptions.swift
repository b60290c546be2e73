import ArgumentParser
import BriefingModel
import Foundation

/// The options every command shares: which articles to read and the default date.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "Article files or folders (default: $BRIEFING_CORPUS, else Data/articles).")
    var paths: [String] = []

    @Option(name: .long, help: "Date (YYYY-MM-DD) for articles that carry none; relative dates resolve against it.")
    var date: String?

    @Flag(name: .long, help: "List the files passed over (hidden files, other extensions) and what the cache did.")
    var verbose = false

    @Flag(name: .long, help: "Parse every article now; neither read nor write the model cache (~/.cache/briefing).")
    var noCache = false

    func validate() throws {
        if let date, Day(iso: date) == nil {
            throw ValidationError("--date '\(date)' is not a date; use YYYY-MM-DD")
        }
    }

    /// The paths to read, resolved against the defaults.
    func resolvedPaths() throws -> [String] {
        if !paths.isEmpty {
            let missing = paths.filter { !FileManager.default.fileExists(atPath: $0) }
            if !missing.isEmpty { throw CLIError.missingPaths(missing) }
            return paths
        }
        if let env = ProcessInfo.processInfo.environment["BRIEFING_CORPUS"], !env.isEmpty {
            return env.split(separator: ":").map(String.init)
        }
        let fallback = FileManager.default.currentDirectoryPath + "/Data/articles"
        if FileManager.default.fileExists(atPath: fallback) { return ["Data/articles"] }
        throw CLIError.noCorpus
    }

    /// Loads and parses the corpus, printing warnings (and with --verbose the skipped files) on stderr. With
    /// `keep` (the reader, which holds the model for the whole session), a model not in the cache is built and
    /// cached by a child process (`CacheChild`) and read from the cache, in its compact form; should that fail,
    /// it is parsed here and read back from the cache.
    func openCorpus(keep: Bool = false) throws -> Corpus {
        let paths = try resolvedPaths()
        if !noCache, let cache = CorpusCache.standard() {
            let date = self.date
            // Not when the cache cannot be written: the model would then be built twice.
            let elsewhere = keep && cache.canWrite() ? { CacheChild.run(paths: paths, date: date) } : nil
            return try openCached(paths: paths, cache: cache, reread: keep, elsewhere: elsewhere).corpus
        }
        MemoryPolicy.returnLargeBlocks()
        let (corpus, skipped) = try Briefing.open(paths: paths, options: loadOptions)
        report(corpus, skipped: skipped)
        return corpus
    }

    /// The same for `briefing cache`: always through the cache, with what the cache did.
    func openCorpusCaching() throws -> (Corpus, CorpusCache.Opened) {
        let paths = try resolvedPaths()
        guard let cache = CorpusCache.standard() else { throw CLIError.noCacheFolder }
        let opened = try openCached(paths: paths, cache: cache, reread: false, elsewhere: nil)
        return (opened.corpus, opened)
    }

    private var loadOptions: LoadOptions { LoadOptions(defaultDate: date.flatMap { Day(iso: $0) }) }

    private func openCached(paths: [String], cache: CorpusCache, reread: Bool, elsewhere: (() -> Bool)?) throws
        -> CorpusCache.Opened
    {
        // A parse gets the large-block policy; a model read from the cache keeps the allocator's default, under
        // which the reader's warm start is faster (fewer fresh pages to fault in).
        let opened = try Briefing.openCached(
            paths: paths, options: loadOptions, cache: cache, reread: reread, elsewhere: elsewhere,
            willParse: MemoryPolicy.returnLargeBlocks)
        if verbose {
            Console.error("cache: \(opened.outcome.rawValue)\(opened.note.map { " (\($0))" } ?? "")")
        }
        report(opened.corpus, skipped: opened.skipped)
        return opened
    }

    /// The warnings on stderr, and with --verbose the files passed over.
    private func report(_ corpus: Corpus, skipped: [String]) {
        for w in corpus.warnings { Console.error("warning: \(w)") }
        if verbose {
            for s in skipped { Console.error("skipped: \(s)") }
        }
    }
}

extension CorpusOptions {
    /// Opens the corpus and prints it: the JSON contract, or the plain-text listing `text` writes of it (streamed
    /// like the JSON, so a listing of a large corpus is never held whole).
    func printModel(format: OutputFormat, text: (Corpus, inout TextWriter) -> Void) throws {
        MemoryPolicy.returnLargeBlocks()
        try runReporting {
            let model = try openCorpus()
            switch format {
            case .json:
                ContractJSON.write(model, sink: Console.outBytes)
                Console.out("\n")
            case .text:
                TextWriter.stream(sink: Console.outBytes) { text(model, &$0) }
            }
            StageTrace.mark("output written")
            endAfterOutput()
        }
    }
}

/// Ends the process once a command's output is written (straight to the file descriptor, nothing is buffered),
/// sparing the freeing of the model piece by piece, as the reader does on quitting: 4.8% of the instructions of
/// `events` on 2,000 articles, warm.
func endAfterOutput() -> Never {
    Foundation.exit(EXIT_SUCCESS)
}

/// Errors the command reports before exiting 1.
enum CLIError: Error, CustomStringConvertible {
    case noCorpus
    case missingPaths([String])
    case noCacheFolder

    var description: String {
        switch self {
        case .noCorpus:
            return
                "no corpus: pass article files or folders (briefing PATH…), set BRIEFING_CORPUS, or run from a folder with Data/articles"
        case .missingPaths(let paths):
            return "no such file or folder: \(paths.joined(separator: ", "))"
        case .noCacheFolder:
            return "no cache folder: set XDG_CACHE_HOME or HOME"
        }
    }
}

/// Output format of the plain subcommands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// stdout and stderr helpers.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes one chunk of a streamed output (`JSONWriter.Sink`) straight from the writer's buffer, without copying
    /// it into a `Data` first; a short write is continued and an interrupted one retried. A closed pipe ends the
    /// process through SIGPIPE, as for any other write to stdout; any other failure is reported and exits with 1.
    static func outBytes(_ bytes: UnsafeRawBufferPointer) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = write(STDOUT_FILENO, next, left)
            if written > 0 {
                next += written
                left -= written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                error("briefing: cannot write the output: \(String(cString: strerror(errno)))")
                exit(1)
            }
        }
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// Runs `body`, turning failures into a message on stderr and exit code 1.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as CLIError {
        Console.error("briefing: \(e)")
        throw ExitCode(1)
    } catch let e as Briefing.Failure {
        Console.error("briefing: \(e)")
        throw ExitCode(1)
    }
}
