/// Plain text handed to a sink a chunk at a time as it is written, so a long listing (tens of megabytes on a large
/// corpus) is never held whole in memory; without a sink it keeps everything, for `collect`.
public struct TextWriter {
    /// Receives the written bytes, a chunk at a time, in order (the same sink as `JSONWriter`'s).
    public typealias Sink = JSONWriter.Sink

    private var buffer = ByteBuffer()
    private let sink: Sink?
    private let chunkSize: Int

    /// A writer that hands `sink` about `chunkSize` bytes at a time; `flush()` hands it the rest.
    public init(chunkSize: Int = 1 << 16, sink: @escaping Sink) {
        self.sink = sink
        self.chunkSize = max(1, chunkSize)
        buffer = ByteBuffer(capacity: self.chunkSize + 1024)
    }

    /// A writer that keeps every byte.
    init() {
        sink = nil
        chunkSize = Int.max
    }

    /// Writes the text of `s`.
    public mutating func write<S: StringProtocol>(_ s: S) {
        // Copied from where the bytes lie when they are contiguous (appending the UTF-8 view went byte by byte).
        if s.utf8.withContiguousStorageIfAvailable({ buffer.append($0) }) == nil {
            buffer.append(String(s))
        }
        if buffer.count >= chunkSize { flush() }
    }

    /// Writes `count` spaces (none when `count` is not positive).
    public mutating func spaces(_ count: Int) {
        buffer.appendSpaces(count)
        if buffer.count >= chunkSize { flush() }
    }

    /// Hands the bytes written so far to the sink (nothing without one).
    public mutating func flush() {
        guard let sink, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { sink($0) }
        buffer.removeAll()
    }

    /// Everything `body` writes, as one string.
    public static func collect(_ body: (inout TextWriter) -> Void) -> String {
        var w = TextWriter()
        body(&w)
        return w.buffer.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Everything `body` writes, handed to `sink` in chunks of about `chunkSize` bytes.
    public static func stream(chunkSize: Int = 1 << 16, sink: @escaping Sink, _ body: (inout TextWriter) -> Void) {
        var w = TextWriter(chunkSize: chunkSize, sink: sink)
        body(&w)
        w.flush()
    }
}
