import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file's bytes could not be read.
enum FileReadError: Error, Equatable, CustomStringConvertible {
    /// open(2), fstat(2) or read(2) failed with this errno.
    case system(operation: String, code: Int32)
    /// Not a regular file (a FIFO, socket or device): reading it could block or never end.
    case notRegularFile(kind: String)
    /// Larger than the configured limit.
    case tooLarge(bytes: Int, limit: Int)

    var description: String {
        switch self {
        case .system(let operation, let code):
            return "cannot \(operation) file: \(String(cString: strerror(code)))"
        case .notRegularFile(let kind):
            return "not a regular file (\(kind)); not read"
        case .tooLarge(let bytes, let limit):
            return "file is \(bytes) bytes, over the \(limit)-byte limit; not read"
        }
    }
}

/// Reads whole regular files with plain POSIX calls, so that FIFOs and devices are refused instead of blocking.
enum FileReader {
    static func readAll(path: String, limit: Int) throws(FileReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .system(operation: "open", code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(operation: "inspect", code: errno) }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else { throw .notRegularFile(kind: kindName(type)) }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(bytes: size, limit: limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        // A buffer no larger than the file (plus one byte to see the end): zeroing 64 KiB for a 5 KB article
        // cost more than the read.
        var chunk = [UInt8](repeating: 0, count: min(1 << 16, size + 1))
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .system(operation: "read", code: errno)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            // The file may grow while it is read: keep to the limit all the same.
            if bytes.count > limit { throw .tooLarge(bytes: bytes.count, limit: limit) }
        }
        return bytes
    }

    private static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "special file"
        }
    }
}
