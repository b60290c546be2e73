#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The primitives of the corpus cache's binary format: varints, strings and a string table.
///
/// Integers are LEB128 varints (signed ones zigzag-encoded first), a string is its UTF-8 length then its bytes, and
/// an interned string (ids, paths, cues: values repeated across the model) is either a back-reference into the
/// strings read so far or a new string, so the decoded model shares one copy of each. `CorpusCodec` writes the
/// model field by field with these, with no `Codable` per value; the reader checks every length against the input
/// and throws `BinaryCoder.Malformed` on anything short or foreign.
enum BinaryCoder {
    /// A malformed, truncated or foreign cache file.
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// The encoding of `corpus` and `skipped` in memory (the cache streams the same bytes to a file).
    static func encode(_ corpus: Corpus, skipped: [String] = []) -> [UInt8] {
        var out: [UInt8] = []
        var w = BinaryWriter { out.append(contentsOf: $0) }
        CorpusCodec.write(corpus, skipped: skipped, to: &w)
        w.flush()
        return out
    }

    /// The model encoded in `bytes` (its three sections one after the other).
    static func decode(_ bytes: [UInt8]) throws(Malformed) -> (corpus: Corpus, skipped: [String]) {
        let at = try CorpusCodec.sections(size: bytes.count) { offset in
            Array(bytes[offset..<(offset + CorpusCodec.trailerSize)])
        }
        return try CorpusCodec.read(
            first: BinaryReader(bytes: Array(bytes[..<at.quotes])),
            quotes: BinaryReader(bytes: Array(bytes[at.quotes..<at.rest])),
            rest: BinaryReader(bytes: Array(bytes[at.rest..<(bytes.count - CorpusCodec.trailerSize)])),
            parallel: false)
    }
}

/// Writes the format's primitives into a buffer that is handed to `sink` whenever it fills.
struct BinaryWriter {
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) -> Void
    private var interned: [String: Int] = [:]
    /// Bytes handed to the sink so far.
    private var handed = 0
    static let chunk = 1 << 20

    /// How many bytes have been written (handed to the sink or buffered).
    var offset: Int { handed + buffer.count }

    /// Starts a section read on its own: strings written before are written again when they recur.
    mutating func startSection() {
        interned.removeAll()
    }

    /// A number as eight little-endian bytes (the trailer's offset, read before the rest).
    mutating func fixed(_ value: UInt64) {
        for k in 0..<8 { buffer.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))) }
        spill()
    }

    init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        buffer.reserveCapacity(Self.chunk + 64)
    }

    /// Hands whatever is buffered to the sink.
    mutating func flush() {
        if !buffer.isEmpty { sink(buffer) }
        handed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func spill() {
        if buffer.count >= Self.chunk { flush() }
    }

    mutating func byte(_ b: UInt8) {
        buffer.append(b)
    }

    mutating func bytes(_ b: [UInt8]) {
        buffer.append(contentsOf: b)
        spill()
    }

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            buffer.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        buffer.append(UInt8(v))
        spill()
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func bool(_ value: Bool) { byte(value ? 1 : 0) }

    mutating func string(_ s: String) { string(s[...]) }

    mutating func string(_ s: Substring) {
        unsigned(UInt64(s.utf8.count))
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        spill()
    }

    mutating func optionalString(_ s: String?) {
        guard let s else { return byte(0) }
        byte(1)
        string(s)
    }

    /// A string that recurs in the model: written once, then referred to by its number.
    mutating func interned(_ s: String) {
        if let n = interned[s] {
            unsigned(UInt64(n) + 1)
            return
        }
        interned[s] = interned.count
        unsigned(0)
        string(s)
    }

    mutating func optionalInterned(_ s: String?) {
        guard let s else { return byte(0) }
        byte(1)
        interned(s)
    }

    mutating func strings(_ a: [String]) {
        unsigned(UInt64(a.count))
        for s in a { string(s) }
    }

    mutating func internedStrings(_ a: [String]) {
        unsigned(UInt64(a.count))
        for s in a { interned(s) }
    }
}

/// Reads the format's primitives from bytes in memory or from a file descriptor, a chunk at a time.
struct BinaryReader: Sendable {
    private var buffer: [UInt8]
    private var position = 0
    private var end: Int
    /// The file read from, or -1 when every byte is already in `buffer`.
    private let descriptor: Int32
    /// The file offset of the next byte to read from the file, and the offset not to read from.
    private var fileOffset: Int
    private let limit: Int
    private var table: [String] = []
    static let chunk = 4 << 20

    init(bytes: [UInt8]) {
        buffer = bytes
        end = bytes.count
        descriptor = -1
        fileOffset = 0
        limit = 0
    }

    /// Reads bytes `start..<limit` of an open file (to its end by default), `chunk` bytes at a time, with `pread`,
    /// so several readers may read one descriptor at once (the caller closes it).
    init(descriptor: Int32, from start: Int = 0, to limit: Int = Int.max) {
        buffer = [UInt8](repeating: 0, count: Self.chunk)
        end = 0
        self.descriptor = descriptor
        fileOffset = start
        self.limit = limit
    }

    /// Makes sure `n` bytes are buffered from `position` on; throws at the end of the input.
    @inline(__always)
    private mutating func need(_ n: Int) throws(BinaryCoder.Malformed) {
        if end - position >= n { return }
        try refill(n)
    }

    /// `need` when the buffer holds fewer than `n` bytes: reads more from the file, or throws.
    private mutating func refill(_ n: Int) throws(BinaryCoder.Malformed) {
        guard descriptor >= 0 else { throw BinaryCoder.Malformed(description: "truncated cache") }
        let kept = end - position
        if n > buffer.count {
            var grown = [UInt8](repeating: 0, count: max(n, buffer.count * 2))
            grown.withUnsafeMutableBufferPointer { g in
                buffer.withUnsafeBufferPointer { b in
                    for i in 0..<kept { g[i] = b[position + i] }
                }
            }
            buffer = grown
        } else if kept > 0 && position > 0 {
            buffer.withUnsafeMutableBufferPointer { b in
                guard let base = b.baseAddress else { return }
                memmove(base, base + position, kept)
            }
        }
        position = 0
        end = kept
        let fd = descriptor
        while end < n {
            let want = min(buffer.count - end, limit - fileOffset)
            guard want > 0 else { throw BinaryCoder.Malformed(description: "truncated cache") }
            let at = fileOffset
            let got = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return pread(fd, base + end, want, off_t(at))
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw BinaryCoder.Malformed(description: "truncated cache") }
            end += got
            fileOffset += got
        }
    }

    /// Throws unless every byte of the input has been read.
    mutating func expectEnd() throws(BinaryCoder.Malformed) {
        if position < end { throw BinaryCoder.Malformed(description: "trailing bytes in cache") }
        guard descriptor >= 0, fileOffset < limit else { return }
        var probe: UInt8 = 0
        if pread(descriptor, &probe, 1, off_t(fileOffset)) > 0 {
            throw BinaryCoder.Malformed(description: "trailing bytes in cache")
        }
    }

    mutating func byte() throws(BinaryCoder.Malformed) -> UInt8 {
        try need(1)
        let b = buffer[position]
        position += 1
        return b
    }

    mutating func bytes(_ n: Int) throws(BinaryCoder.Malformed) -> [UInt8] {
        try need(n)
        defer { position += n }
        return Array(buffer[position..<(position + n)])
    }

    mutating func unsigned() throws(BinaryCoder.Malformed) -> UInt64 {
        // Where the longest varint (ten bytes) is buffered, read it straight from the buffer.
        if end - position >= 10 {
            let start = position
            let decoded = buffer.withUnsafeBufferPointer { b -> (value: UInt64, count: Int) in
                var value: UInt64 = 0
                var shift: UInt64 = 0
                var i = start
                while true {
                    let byte = b[i]
                    value |= UInt64(byte & 0x7F) << shift
                    i += 1
                    if byte < 0x80 { return (value, i - start) }
                    shift += 7
                    // An eleventh byte would be needed: too long (the slow path below reports it).
                    if shift >= 70 { return (0, 0) }
                }
            }
            if decoded.count > 0 {
                position += decoded.count
                return decoded.value
            }
        }
        var shift: UInt64 = 0
        var value: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw BinaryCoder.Malformed(description: "varint too long") }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(BinaryCoder.Malformed) -> Int {
        let u = try unsigned()
        let v = Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
        guard let n = Int(exactly: v) else { throw BinaryCoder.Malformed(description: "number out of range") }
        return n
    }

    /// A count of items that follow, refused when larger than the input could hold.
    mutating func count() throws(BinaryCoder.Malformed) -> Int {
        let u = try unsigned()
        guard u <= UInt64(Int32.max) else { throw BinaryCoder.Malformed(description: "count out of range") }
        return Int(u)
    }

    mutating func bool() throws(BinaryCoder.Malformed) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw BinaryCoder.Malformed(description: "bad flag")
        }
    }

    mutating func string() throws(BinaryCoder.Malformed) -> String {
        let n = try count()
        try need(n)
        defer { position += n }
        return buffer.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[position..<(position + n)]), as: UTF8.self)
        }
    }

    /// A string's bytes appended to `bytes` as they are, unchecked (the caller makes them a string); returns how
    /// many there were.
    mutating func appendString(to bytes: inout [UInt8]) throws(BinaryCoder.Malformed) -> Int {
        let n = try count()
        try need(n)
        defer { position += n }
        buffer.withUnsafeBufferPointer { bytes.append(contentsOf: $0[position..<(position + n)]) }
        return n
    }

    mutating func optionalString() throws(BinaryCoder.Malformed) -> String? {
        try bool() ? try string() : nil
    }

    mutating func interned() throws(BinaryCoder.Malformed) -> String {
        let n = try unsigned()
        if n == 0 {
            let s = try string()
            table.append(s)
            return s
        }
        guard n <= UInt64(table.count) else { throw BinaryCoder.Malformed(description: "bad string reference") }
        return table[Int(n - 1)]
    }

    mutating func optionalInterned() throws(BinaryCoder.Malformed) -> String? {
        try bool() ? try interned() : nil
    }

    mutating func strings() throws(BinaryCoder.Malformed) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(min(n, 1 << 16))
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    mutating func internedStrings() throws(BinaryCoder.Malformed) -> [String] {
        let n = try count()
        if n == 0 { return [] }
        var out: [String] = []
        out.reserveCapacity(min(n, 1 << 16))
        for _ in 0..<n { out.append(try interned()) }
        return out
    }

    /// `n` values read by `item`, reserving no more room than the input could hold.
    mutating func array<T>(_ item: (inout BinaryReader) throws(BinaryCoder.Malformed) -> T)
        throws(BinaryCoder.Malformed) -> [T]
    {
        let n = try count()
        if n == 0 { return [] }
        var out: [T] = []
        out.reserveCapacity(min(n, 1 << 20))
        for _ in 0..<n { out.append(try item(&self)) }
        return out
    }
}
