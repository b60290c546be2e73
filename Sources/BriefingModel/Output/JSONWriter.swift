/// A streaming JSON writer: appends UTF-8 to a byte buffer and hands it to a sink in chunks.
///
/// The layout is the one Foundation's `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (or without `.prettyPrinted`): two-space indentation, `"key" : value`, an empty
/// container as `[` newline newline indentation `]`, `"`, `\` and control characters escaped (`\b \t \n \f \r`,
/// else `\u00xx`), everything else (slashes, non-ASCII, U+2028) written as is. Keys are written in the order the
/// caller gives them: callers give them sorted.
public struct JSONWriter {
    /// Errors that stop writing.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// NaN and the infinities have no JSON form.
        case nonFiniteNumber(Double)

        public var description: String {
            switch self {
            case .nonFiniteNumber(let d): return "\(d) cannot be written as a JSON number"
            }
        }
    }

    /// Receives the written bytes, a chunk at a time, in order.
    public typealias Sink = (UnsafeRawBufferPointer) -> Void

    public let pretty: Bool
    /// The bytes written and not yet handed to the sink (all of them when there is no sink), copied.
    public var bytes: [UInt8] { buffer.bytes }
    private var buffer = ByteBuffer()
    private let sink: Sink?
    private let chunkSize: Int
    /// One entry per open container: true while it has no element yet.
    private var empty: [Bool] = []
    /// True right after a key: the value follows on the same line.
    private var afterKey = false

    /// A writer that keeps every byte in `bytes`.
    public init(pretty: Bool = true) {
        self.pretty = pretty
        sink = nil
        chunkSize = Int.max
    }

    /// A writer that hands `sink` its bytes whenever `chunkSize` of them are buffered, and the rest on `flush()`.
    public init(pretty: Bool = true, chunkSize: Int = 1 << 16, sink: @escaping Sink) {
        self.pretty = pretty
        self.sink = sink
        self.chunkSize = max(1, chunkSize)
        buffer = ByteBuffer(capacity: self.chunkSize + 4096)
    }

    /// A writer for a run of elements of an array open at `depth` (as the array's first elements when `first`), whose
    /// bytes a writer at that point appends with `appendRendered` (`array(_:workers:_:)`).
    init(pretty: Bool, elementsAtDepth depth: Int, first: Bool) {
        self.init(pretty: pretty)
        empty = [Bool](repeating: false, count: depth)
        if depth > 0 { empty[depth - 1] = first }
    }

    /// How many containers are open.
    var depth: Int { empty.count }

    /// Appends elements rendered by a writer made with `init(pretty:elementsAtDepth:first:)` for the array open
    /// here, which then has elements.
    mutating func appendRendered(_ rendered: ByteBuffer) {
        guard !rendered.isEmpty else { return }
        empty[empty.count - 1] = false
        if let sink, rendered.count >= chunkSize {
            // A whole chunk or more: handed over as it is, not copied into the buffer first.
            flush()
            rendered.withUnsafeBytes { sink($0) }
            return
        }
        buffer.append(rendered)
        if buffer.count >= chunkSize { flush() }
    }

    /// Hands the buffered bytes to the sink (no-op without one).
    public mutating func flush() {
        guard let sink, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { sink($0) }
        buffer.removeAll()
    }

    /// The document `body` writes, whole in memory.
    public static func document(pretty: Bool = true, _ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var w = JSONWriter(pretty: pretty)
        body(&w)
        return w.takeBytes()
    }

    /// The bytes written and not yet handed to the sink; the writer keeps none.
    mutating func takeBytes() -> [UInt8] { buffer.take() }

    /// The same as a buffer, handed over without a copy (a rendered run of `array(_:workers:_:)`).
    mutating func takeBuffer() -> ByteBuffer { exchange(&buffer, with: ByteBuffer()) }

    /// The document `body` writes, handed to `sink` in chunks of about `chunkSize` bytes, the last one flushed.
    public static func stream(
        pretty: Bool = true, chunkSize: Int = 1 << 16, sink: @escaping Sink, _ body: (inout JSONWriter) -> Void
    ) {
        var w = JSONWriter(pretty: pretty, chunkSize: chunkSize, sink: sink)
        body(&w)
        w.flush()
    }

    // MARK: Containers

    public mutating func beginObject() {
        beforeValue()
        buffer.append(UInt8(ascii: "{"))
        empty.append(true)
    }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    public mutating func beginArray() {
        beforeValue()
        buffer.append(UInt8(ascii: "["))
        empty.append(true)
    }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key of the open object; `key` must need no escaping (the contract's keys are plain ASCII words).
    public mutating func key(_ key: StaticString) {
        // The separator, the new line, the key and what follows it go in with one capacity check: a document is
        // mostly keys, and four appends cost twice as much.
        let comma = !empty[empty.count - 1]
        if !comma { empty[empty.count - 1] = false }
        let pretty = pretty
        let indent = pretty ? 1 + 2 * empty.count : 0
        let after: StaticString = pretty ? "\" : " : "\":"
        let keyCount = key.utf8CodeUnitCount
        let afterCount = after.utf8CodeUnitCount
        buffer.append(upTo: 2 + indent + keyCount + afterCount) { p in
            var at = 0
            if comma {
                p.storeBytes(of: UInt8(ascii: ","), as: UInt8.self)
                at = 1
            }
            if indent > 0 {
                (p + at).storeBytes(of: UInt8(ascii: "\n"), as: UInt8.self)
                (p + at + 1).initializeMemory(as: UInt8.self, repeating: UInt8(ascii: " "), count: indent - 1)
                at += indent
            }
            (p + at).storeBytes(of: UInt8(ascii: "\""), as: UInt8.self)
            at += 1
            (p + at).copyMemory(from: key.utf8Start, byteCount: keyCount)
            at += keyCount
            (p + at).copyMemory(from: after.utf8Start, byteCount: afterCount)
            return at + afterCount
        }
        afterKey = true
    }

    // MARK: Values

    public mutating func null() {
        beforeValue()
        buffer.append("null")
    }

    public mutating func bool(_ b: Bool) {
        beforeValue()
        buffer.append(b ? "true" : "false")
    }

    public mutating func int(_ n: Int) {
        beforeValue()
        if n < 0 { buffer.append(UInt8(ascii: "-")) }
        var m = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        if m < 10_000_000_000 {
            // Up to ten digits, written back to front without allocating.
            var count = 0
            withUnsafeMutableBytes(of: &digits) { d in
                repeat {
                    d[9 - count] = UInt8(ascii: "0") + UInt8(m % 10)
                    m /= 10
                    count += 1
                } while m > 0
                buffer.append(UnsafeRawBufferPointer(rebasing: d[(10 - count)...]))
            }
        } else {
            buffer.append(String(m))
        }
    }

    /// A number as `JSONEncoder` writes a `Double`: Swift's shortest form, without a trailing `.0`.
    public mutating func double(_ d: Double) throws(Failure) {
        guard d.isFinite else { throw .nonFiniteNumber(d) }
        beforeValue()
        var s = d.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        buffer.append(s)
    }

    /// A string, escaped.
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    /// A slice as a string (a quote's text is kept as a slice of its paragraph), escaped where it lies.
    public mutating func string(_ s: Substring) {
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    private mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        beforeValue()
        buffer.append(UInt8(ascii: "\""))
        appendEscaped(utf8)
        buffer.append(UInt8(ascii: "\""))
        if buffer.count >= chunkSize { flush() }
    }

    /// The string, or `null`.
    public mutating func string(_ s: String?) {
        if let s { string(s) } else { null() }
    }

    /// The int, or `null`.
    public mutating func int(_ n: Int?) {
        if let n { int(n) } else { null() }
    }

    /// An array of strings.
    public mutating func strings(_ list: [String]) {
        beginArray()
        for s in list { string(s) }
        endArray()
    }

    // MARK: Layout

    private mutating func close(_ bracket: UInt8) {
        let wasEmpty = empty.removeLast()
        if pretty {
            if wasEmpty { buffer.append(UInt8(ascii: "\n")) }
            buffer.appendNewline(indent: empty.count)
        }
        buffer.append(bracket)
        if buffer.count >= chunkSize { flush() }
    }

    /// Before a value: nothing after a key, else the separator of an array element.
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        if !empty.isEmpty { startElement() }
    }

    /// A comma after the previous element, then a new line at the container's depth.
    private mutating func startElement() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            buffer.append(UInt8(ascii: ","))
        }
        if pretty { buffer.appendNewline(indent: empty.count) }
    }

    /// True when one of the eight bytes of `w` is a control character, `"` or a backslash (bytes of 0x80 and more never are).
    @inline(__always)
    private static func needsEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20, a byte equal to 0x22, a byte equal to 0x5C: exact as a whole (borrows only ever
        // carry out of a byte that already matched).
        let below = (w &- ones &* 0x20) & ~w
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        let isQuote = (quote &- ones) & ~quote
        let isBackslash = (backslash &- ones) & ~backslash
        return (below | isQuote | isBackslash) & highs != 0
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        let n = utf8.count
        guard let base = utf8.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        // Made once, out of the loop: vectors made in it compile to a slow loop.
        let (space, quote, backslash) = (
            SIMD16<UInt8>(repeating: 0x20), SIMD16<UInt8>(repeating: 0x22), SIMD16<UInt8>(repeating: 0x5C)
        )
        while i < n {
            // Sixteen bytes at a time, then eight, while none needs escaping.
            while i + 16 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                if any((w .< space) .| (w .== quote) .| (w .== backslash)) { break }
                i += 16
            }
            while i + 8 <= n, !Self.needsEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
            if i >= n { break }
            let b = utf8[i]
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                i += 1
                continue
            }
            if runStart < i { buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            buffer.append(UInt8(ascii: "\\"))
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.append(b)
            case 0x08: buffer.append(UInt8(ascii: "b"))
            case 0x09: buffer.append(UInt8(ascii: "t"))
            case 0x0A: buffer.append(UInt8(ascii: "n"))
            case 0x0C: buffer.append(UInt8(ascii: "f"))
            case 0x0D: buffer.append(UInt8(ascii: "r"))
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                buffer.append([
                    UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)],
                ])
            }
            i += 1
            runStart = i
        }
        if runStart < n { buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart..<n])) }
    }
}
