import ArgumentParser
import BriefingModel
import Foundation

/// `briefing cache [PATH…]`: parses the articles and writes the model cache, so that the reader's next start is
/// warm; the reader also runs it in a child process on a first start (`CacheChild`).
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Parse the articles and write the model cache, so that the reader's next start is warm.",
        discussion: """
            Prints one line: the articles and what the cache did (hit: already up to date; rebuilt).
            Exits 1 when the cache cannot be written.

            Examples:
              briefing cache ~/news/korea/   # after new articles arrive (from cron, say)
            """
    )

    @OptionGroup var corpus: CorpusOptions

    func validate() throws {
        if corpus.noCache { throw ValidationError("--no-cache: there is no cache to write") }
    }

    func run() throws {
        try runReporting {
            let (model, opened) = try corpus.openCorpusCaching()
            guard opened.outcome != .uncached else {
                Console.error("briefing: the cache was not written (\(opened.note ?? "no cache folder"))")
                throw ExitCode(1)
            }
            Console.out("\(model.articles.count) articles; cache \(opened.outcome.rawValue)\n")
            endAfterOutput()
        }
    }
}
