import ArgumentParser
import BriefingModel
import Foundation

/// `briefing events`: the events of the corpus.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the events of the corpus.",
        discussion: """
            Examples:
              briefing events
              briefing events --format json Data/articles
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
                Console.out(TextReport.events(model))
            }
        }
    }
}
