import BriefingModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Builds the model cache in a child process (`briefing cache`, this same executable) for the reader's first
/// start: the pipeline's working memory and the heap it leaves behind are then that process's, and the reader
/// reads the model from the cache as on every later start (on 20,000 articles its peak stays a warm start's).
enum CacheChild {
    /// Runs `briefing cache [--date DATE] -- PATH…` with its output to /dev/null and waits for it; true when it
    /// exited 0 (the cache written). False when no child could be started: the caller then builds the model itself.
    static func run(paths: [String], date: String?) -> Bool {
        guard let exe = executable() else { return false }
        var arguments = [exe, "cache"]
        if let date { arguments += ["--date", date] }
        arguments.append("--")
        arguments += paths
        var actions = posix_spawn_file_actions_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else { return false }
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Its warnings are the model's, which the reader prints once it has the model.
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, exe, &actions, nil, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return false }
        }
        // Exited (not killed by a signal) with status 0.
        return status == 0
    }

    /// This executable's path.
    private static func executable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
