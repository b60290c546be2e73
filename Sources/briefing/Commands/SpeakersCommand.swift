import ArgumentParser
import BriefingModel
import Foundation

/// `briefing speakers`: the speakers of the corpus.
struct SpeakersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speakers",
        abstract: "List the speakers of the corpus.",
        discussion: """
            Examples:
              briefing speakers
              briefing speakers --format json Data/articles
            """
    )

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        try corpus.printModel(format: format, text: TextReport.speakers)
    }
}
