import ArgumentParser
import BriefingModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `briefing quotes`: the quotes of the corpus, or those matching a search.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List the quotes of the corpus, or search them.",
        discussion: """
            Without --search, lists every quote: date, speaker, cue, article:paragraph (1-based) and the quote,
            cut to the terminal width (100 columns when piped).

            --search takes a query: words are ANDed; "exact phrase"; -word excludes; prefix*; OR between
            terms; filters speaker: pillar: event: article: after: before: kind: (see docs/SEARCH.md).
            Matches are highlighted on a terminal (not when piped or with NO_COLOR set).
            A malformed query is an error (exit 2) that says what is wrong and where.

            Examples:
              briefing quotes
              briefing quotes --search 'talks -stockholm'
              briefing quotes --search '"peace regime" OR denucleariz* speaker:ortagus after:2019-06-01'
              briefing quotes --search 'kind:group' --format json --limit 5 Data/articles
            """
    )

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "text or json.") var format: OutputFormat = .text
    @Option(name: .long, help: "Search query (see docs/SEARCH.md).") var search: String?
    @Option(name: .long, help: "Show at most this many quotes (default: all).") var limit: Int?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        try runReporting {
            let model = try corpus.openCorpus()
            guard let search else {
                try list(model)
                endAfterOutput()
            }
            // As in the reader: the index's large temporary arrays are given back, not kept in the heap.
            MemoryPolicy.returnLargeBlocks()
            let index = QuoteIndex(corpus: model)
            HeapTrim.release()
            let results: SearchResults
            do {
                results = try index.search(search, limit: limit)
            } catch {
                Console.error("briefing: bad query '\(search)': \(error)")
                throw ExitCode(2)
            }
            for notice in results.notices { Console.error("note: \(notice)") }
            switch format {
            case .json:
                QuoteJSON.write(results, sink: Console.outBytes)
                Console.out("\n")
            case .text:
                let style: MatchStyle = Self.useColor ? .ansi : .plain
                TextWriter.stream(sink: Console.outBytes) { TextReport.searchHits(results.hits, style: style, to: &$0) }
                let shown = results.hits.count < results.total ? " (\(results.hits.count) shown)" : ""
                Console.error(
                    "\(results.total) quote\(results.total == 1 ? "" : "s") match\(results.total == 1 ? "es" : "")\(shown)"
                )
            }
            endAfterOutput()
        }
    }

    func list(_ model: Corpus) throws {
        var shown = model
        if let limit { shown.quotes = Array(model.quotes.prefix(limit)) }
        switch format {
        case .json:
            QuoteJSON.write(shown, sink: Console.outBytes)
            Console.out("\n")
        case .text:
            TextWriter.stream(sink: Console.outBytes) { TextReport.quotes(shown, width: Self.outputWidth, to: &$0) }
        }
    }

    /// Color only on a terminal and when NO_COLOR is unset or empty (no-color.org).
    static var useColor: Bool {
        Console.stdoutIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The terminal's width, else $COLUMNS, else 100 (piped output).
    static var outputWidth: Int {
        guard Console.stdoutIsTerminal else { return 100 }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let env = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(env), n > 0 { return n }
        return 100
    }
}
