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
        try corpus.printModel(format: format, text: TextReport.summary)
    }
}
