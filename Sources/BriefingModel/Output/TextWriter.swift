/// Plain text handed to a sink a chunk at a time as it is written, so a long listing (tens of megabytes on a large
/// corpus) is never held whole in memory; without a sink it keeps everything, for `collect`.
public struct TextWriter {
    /// Receives the written bytes, a chunk at a time, in order (the same sink as `JSONWriter`'s).
    public typealias Sink = JSONWriter.Sink

    private var bytes: [UInt8] = []
    private let sink: Sink?
    private let chunkSize: Int

    /// A writer that hands `sink` about `chunkSize` bytes at a time; `flush()` hands it the rest.
    public init(chunkSize: Int = 1 << 16, sink: @escaping Sink) {
        self.sink = sink
        self.chunkSize = max(1, chunkSize)
        bytes.reserveCapacity(self.chunkSize + 1024)
    }

    /// A writer that keeps every byte.
    init() {
        sink = nil
        chunkSize = Int.max
    }

    /// Writes the text of `s`.
    public mutating func write<S: StringProtocol>(_ s: S) {
        // Copied from where the bytes lie when they are contiguous (appending the UTF-8 view went byte by byte).
        if s.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: s.utf8)
        }
        if bytes.count >= chunkSize { flush() }
    }

    /// Writes `count` spaces (none when `count` is not positive).
    public mutating func spaces(_ count: Int) {
        bytes.appendSpaces(count)
        if bytes.count >= chunkSize { flush() }
    }

    /// Hands the bytes written so far to the sink (nothing without one).
    public mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Everything `body` writes, as one string.
    public static func collect(_ body: (inout TextWriter) -> Void) -> String {
        var w = TextWriter()
        body(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Everything `body` writes, handed to `sink` in chunks of about `chunkSize` bytes.
    public static func stream(chunkSize: Int = 1 << 16, sink: @escaping Sink, _ body: (inout TextWriter) -> Void) {
        var w = TextWriter(chunkSize: chunkSize, sink: sink)
        body(&w)
        w.flush()
    }
}

extension [UInt8] {
    /// Appends `count` spaces (none when `count` is not positive), copied from a table of 64 at a time (appending a
    /// `repeatElement` of spaces goes byte by byte). The text listings' padding and the JSON's indentation.
    mutating func appendSpaces(_ count: Int) {
        var left = count
        while left > 0 {
            let n = Swift.min(left, blanks.count)
            blanks.withUnsafeBufferPointer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<n])) }
            left -= n
        }
    }
}

private let blanks = [UInt8](repeating: UInt8(ascii: " "), count: 64)
