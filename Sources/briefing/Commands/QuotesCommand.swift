import ArgumentParser
import BriefingModel
import Foundation

/// `briefing quotes`: the quotes of the corpus.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List the quotes of the corpus.",
        discussion: """
            Examples:
              briefing quotes
              briefing quotes --format json Data/articles
            """
    )

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        try runReporting {
            let model = try corpus.openCorpus()
            switch format {
            case .json:
                Console.outData(try ContractJSON.encode(model))
                Console.out("\n")
            case .text:
                Console.out(TextReport.quotes(model))
            }
        }
    }
}
