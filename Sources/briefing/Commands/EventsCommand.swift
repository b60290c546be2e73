import ArgumentParser
import BriefingModel
import Foundation

/// `briefing events`: the events of the corpus.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print the timeline of events: date, kind, title, place, articles, related events.",
        discussion: """
            One block per event, in date order: the date (~ approximate, wk a week, ? relative words with no \
            article date to resolve them, - none), the kind ("(planned)" for what was announced but not held) \
            and the title; then id and place, the date with its range and the words it was read from, the \
            participants, the articles and paragraphs that mention it, outcome words, and related events \
            (after, before, follow-up, same) with the words that show the relation.

            Examples:
              briefing events
              briefing events --date 2019-10-05 article.txt
              briefing events --format json Data/articles
            """
    )

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        try corpus.printModel(format: format, text: TextReport.events)
    }
}
