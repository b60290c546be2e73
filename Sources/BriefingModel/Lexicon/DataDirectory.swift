import Foundation

/// Finds the `Data/` folder that holds the lexicons and declared agendas.
///
/// Order: the `BRIEFING_DATA` variable; `Data/` under the current folder; `Data/` beside or above the
/// executable (so `.build/debug/briefing` finds the checkout's); the folder this source file was built from.
public enum DataDirectory {
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fm = FileManager.default
        func ok(_ p: String) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: p + "/lexicon", isDirectory: &isDir) && isDir.boolValue
        }
        if let env = environment["BRIEFING_DATA"], !env.isEmpty {
            return ok(env) ? env : nil
        }
        let cwd = fm.currentDirectoryPath + "/Data"
        if ok(cwd) { return cwd }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Data").path
            if ok(candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        let source = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data").path
        if ok(source) { return source }
        return nil
    }
}
