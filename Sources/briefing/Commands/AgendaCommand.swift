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
        try corpus.printModel(format: format) { TextReport.agenda($0, to: &$1) }
    }
}
