/// The output writers' byte buffer: appends copy through a pointer after one capacity check.
///
/// `Array.append(contentsOf:)` cost about a hundred instructions even for the three bytes of `" : "`, and a JSON
/// document is mostly such short pieces (a key, its indentation, a small number). Here the bytes live in storage of
/// the buffer's own, written through its pointer, so an append is a capacity check and a copy. The storage past
/// `count` is never written: memory it reserves is not touched (an array filled to its capacity with zeros kept a
/// few MiB more in use at 20k). Copying a buffer shares the storage until one of the copies writes.
struct ByteBuffer {
    /// Memory for `capacity` bytes, freed with the last buffer that holds it.
    private final class Storage {
        let base: UnsafeMutableRawPointer
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(byteCount: capacity, alignment: 16)
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    /// How many bytes are written.
    private(set) var count = 0

    /// A buffer with room for `capacity` bytes before it grows.
    init(capacity: Int = 0) {
        storage = Storage(capacity: max(0, capacity))
    }

    var isEmpty: Bool { count == 0 }

    /// The bytes written, copied.
    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The bytes written, as an array of their size; the buffer is left empty and without storage.
    mutating func take() -> [UInt8] {
        defer {
            storage = Storage(capacity: 0)
            count = 0
        }
        return bytes
    }

    /// Forgets the bytes written and keeps the storage.
    mutating func removeAll() { count = 0 }

    /// Calls `body` with the bytes written.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(UnsafeRawBufferPointer(start: storage.base, count: count)) }
    }

    /// Where the next `n` bytes go: the storage grown (or made this buffer's own) first when needed.
    @inline(__always)
    private mutating func room(_ n: Int) -> UnsafeMutableRawPointer {
        if count + n > storage.capacity || !isKnownUniquelyReferenced(&storage) { grow(to: count + n) }
        return storage.base + count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        room(1).storeBytes(of: byte, as: UInt8.self)
        count += 1
    }

    /// Appends the `n` bytes at `source`.
    @inline(__always)
    mutating func append(_ source: UnsafeRawPointer, count n: Int) {
        guard n > 0 else { return }
        room(n).copyMemory(from: source, byteCount: n)
        count += n
    }

    mutating func append(_ source: UnsafeRawBufferPointer) {
        if let base = source.baseAddress { append(base, count: source.count) }
    }

    mutating func append(_ source: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(source)) }

    mutating func append(_ source: [UInt8]) { source.withUnsafeBytes { append($0) } }

    mutating func append(_ other: ByteBuffer) { other.withUnsafeBytes { append($0) } }

    /// Appends the UTF-8 of `text`, read where it lies.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeRawPointer(text.utf8Start), count: text.utf8CodeUnitCount)
    }

    /// Appends `count` spaces (none when `count` is not positive): the text listings' padding.
    mutating func appendSpaces(_ count: Int) {
        var left = count
        while left > 0 {
            let n = Swift.min(left, Self.blanks.utf8CodeUnitCount)
            append(UnsafeRawPointer(Self.blanks.utf8Start), count: n)
            left -= n
        }
    }

    /// Appends a line break and `depth` levels of two-space indentation: the pretty JSON's new line.
    @inline(__always)
    mutating func appendNewline(indent depth: Int) {
        let n = 1 + 2 * depth
        if n <= Self.newlineBlanks.utf8CodeUnitCount {
            append(UnsafeRawPointer(Self.newlineBlanks.utf8Start), count: n)
        } else {
            append(UInt8(ascii: "\n"))
            appendSpaces(2 * depth)
        }
    }

    /// Lets `body` write at most `limit` bytes at the end, in one capacity check; `body` returns how many it wrote.
    @inline(__always)
    mutating func append(upTo limit: Int, _ body: (UnsafeMutableRawPointer) -> Int) {
        let written = body(room(limit))
        count += Swift.min(Swift.max(0, written), limit)
    }

    /// Storage of this buffer's own for at least `needed` bytes (twice the current when that is too small), holding
    /// the bytes written.
    @inline(never)
    private mutating func grow(to needed: Int) {
        let capacity =
            needed > storage.capacity ? Swift.max(needed, 2 * storage.capacity, 256) : storage.capacity
        let grown = Storage(capacity: capacity)
        grown.base.copyMemory(from: storage.base, byteCount: count)
        storage = grown
    }

    /// 64 spaces.
    private static var blanks: StaticString { "                                                                " }
    /// A line break and 32 levels of indentation.
    private static var newlineBlanks: StaticString {
        "\n                                                                "
    }
}
