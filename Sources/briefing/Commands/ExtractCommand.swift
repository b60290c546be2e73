import ArgumentParser
import BriefingModel
import Foundation

/// `briefing extract`: the whole parsed model.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the whole parsed model (articles, speakers, quotes, terms, agendas, events, warnings).",
        discussion: """
            Examples:
              briefing extract --format json Data/articles > model.json
              briefing extract --date 2019-10-05 --format json article.txt
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
                Console.out(TextReport.summary(model))
            }
        }
    }
}
