import ArgumentParser
import BriefingModel
import Foundation

/// The `briefing` command: the interactive reader and plain subcommands for scripts.
@main
struct BriefingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Read a news corpus by speaker, quote, agenda and event.",
        discussion: """
            With no subcommand, opens the interactive reader on PATH… (default: Data/articles, or $BRIEFING_CORPUS).
            The plain subcommands print aligned text for people or JSON for scripts.

            Exit codes: 0 ok, 1 error, 2 usage.
            """,
        subcommands: [
            ReadCommand.self, ExtractCommand.self, SpeakersCommand.self, QuotesCommand.self,
            AgendaCommand.self, EventsCommand.self, CacheCommand.self,
        ],
        defaultSubcommand: ReadCommand.self
    )

    /// Parses and runs, mapping usage errors to exit code 2 (ArgumentParser's default is 64).
    static func main() {
        StageReport.installIfAsked()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Console.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
