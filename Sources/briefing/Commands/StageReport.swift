import BriefingModel
import Foundation

/// Prints the pipeline's stage marks (`StageTrace`) on stderr when `BRIEFING_TRACE_STAGES` is set: seconds since
/// start, resident memory now and at its highest so far (KiB, from /proc/self/status), and the stage.
///
/// The highest-so-far figure tells which stage a run's peak memory fell in, with no sampling from outside.
enum StageReport {
    /// Installs the printer if the environment asks for it.
    static func installIfAsked() {
        guard let value = ProcessInfo.processInfo.environment["BRIEFING_TRACE_STAGES"], !value.isEmpty else { return }
        let start = DispatchTime.now().uptimeNanoseconds
        StageTrace.listen { name in
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let memory = Self.memory()
            let line =
                "stage " + String(format: "%8.3f s", seconds) + "  rss " + column(memory.resident) + " KiB  peak "
                + column(memory.peak) + " KiB  " + name
            Console.error(line)
        }
    }

    /// Resident memory and its high-water mark in KiB (nil where /proc is not there).
    static func memory() -> (resident: Int?, peak: Int?) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (nil, nil) }
        func field(_ name: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else {
                return nil
            }
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    private static func column(_ kib: Int?) -> String {
        let text = kib.map(String.init) ?? "-"
        return String(repeating: " ", count: max(0, 7 - text.count)) + text
    }
}
