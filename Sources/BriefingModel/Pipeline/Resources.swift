import Foundation

/// What the pipeline reads besides the articles: the lexicons and the declared agendas.
public struct Resources: Sendable, Hashable {
    public var lexicon: Lexicon
    /// Agendas declared in `Data/agendas/*.yaml`.
    public var declaredAgendas: [Agenda]
    /// Problems found in the lexicon and agenda files.
    public var warnings: [LoadWarning]

    public init(lexicon: Lexicon = Lexicon(), declaredAgendas: [Agenda] = [], warnings: [LoadWarning] = []) {
        self.lexicon = lexicon
        self.declaredAgendas = declaredAgendas
        self.warnings = warnings
    }

    /// Loads `dataDirectory/lexicon/*.txt` and `dataDirectory/agendas/*.yaml`, then the user's own
    /// additions in `$XDG_CONFIG_HOME/briefing` (or `~/.config/briefing`) when that folder exists.
    public static func load(dataDirectory: String) -> Resources {
        var lexFolders = [dataDirectory + "/lexicon"]
        var agendaFolders = [dataDirectory + "/agendas"]
        if let user = userDirectory() {
            lexFolders.append(user + "/lexicon")
            agendaFolders.append(user + "/agendas")
        }
        let (lexicon, lexWarnings) = Lexicon.load(folders: lexFolders)
        let (agendas, agendaWarnings) = AgendaDeclarations.load(folders: agendaFolders)
        return Resources(lexicon: lexicon, declaredAgendas: agendas, warnings: lexWarnings + agendaWarnings)
    }

    /// Loads from the located `Data/` folder; nil when none can be found.
    public static func locate() -> Resources? {
        DataDirectory.locate().map { load(dataDirectory: $0) }
    }

    static func userDirectory() -> String? {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? env["HOME"].map { $0 + "/.config" }
        guard let base else { return nil }
        let dir = base + "/briefing"
        return FileManager.default.fileExists(atPath: dir) ? dir : nil
    }
}
