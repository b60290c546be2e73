import ArgumentParser
import BriefingModel
import Foundation

/// `briefing agenda`: the agenda of the corpus.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "List the agenda of the corpus.",
        discussion: """
            Examples:
              briefing agenda
              briefing agenda --format json Data/articles
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
                Console.out(TextReport.agenda(model))
            }
        }
    }
}
