/// The output writers' byte buffer: appends copy through a pointer after one capacity check.
///
/// `Array.append(contentsOf:)` cost about a hundred instructions even for the three bytes of `" : "`, and a JSON
/// document is mostly such short pieces (a key, its indentation, a small number). Here the array is kept filled to
/// its capacity and `count` says how much of it is written, so an append is a bounds check and a copy.
struct ByteBuffer {
    /// The bytes written, then zeros up to the capacity in use.
    private var storage: [UInt8]
    /// How many bytes are written.
    private(set) var count = 0

    /// A buffer with room for `capacity` bytes before it grows.
    init(capacity: Int = 0) {
        storage = [UInt8](repeating: 0, count: max(0, capacity))
    }

    var isEmpty: Bool { count == 0 }

    /// The bytes written, copied.
    var bytes: [UInt8] { Array(storage[..<count]) }

    /// The bytes written, handed over without a copy; the buffer is left empty and without storage.
    mutating func take() -> [UInt8] {
        storage.removeSubrange(count...)
        count = 0
        return exchange(&storage, with: [])
    }

    /// Forgets the bytes written and keeps the storage.
    mutating func removeAll() { count = 0 }

    /// Calls `body` with the bytes written.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == storage.count { grow(to: count + 1) }
        storage[count] = byte
        count += 1
    }

    /// Appends the `n` bytes at `source`.
    @inline(__always)
    mutating func append(_ source: UnsafeRawPointer, count n: Int) {
        guard n > 0 else { return }
        if count + n > storage.count { grow(to: count + n) }
        let at = count
        storage.withUnsafeMutableBytes { target in
            // The target holds at least `at + n` bytes (grown above), so its base address exists.
            target.baseAddress.map { ($0 + at).copyMemory(from: source, byteCount: n) }
        }
        count += n
    }

    mutating func append(_ source: UnsafeRawBufferPointer) {
        if let base = source.baseAddress { append(base, count: source.count) }
    }

    mutating func append(_ source: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(source)) }

    mutating func append(_ source: [UInt8]) { source.withUnsafeBytes { append($0) } }

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
        if count + limit > storage.count { grow(to: count + limit) }
        let at = count
        let written = storage.withUnsafeMutableBytes { target in
            // The target holds at least `at + limit` bytes (grown above), so its base address exists.
            target.baseAddress.map { body($0 + at) } ?? 0
        }
        count += Swift.min(Swift.max(0, written), limit)
    }

    /// Doubles the storage, or more when `needed` bytes would not fit.
    @inline(never)
    private mutating func grow(to needed: Int) {
        let capacity = Swift.max(needed, 2 * storage.count, 256)
        let old = count
        // Copied and zero-filled in two calls (appending a `repeatElement` of zeros went byte by byte).
        storage = storage.withUnsafeBytes { written in
            [UInt8](unsafeUninitializedCapacity: capacity) { target, initialized in
                guard let base = target.baseAddress else { return }
                if let from = written.baseAddress {
                    base.initialize(from: from.assumingMemoryBound(to: UInt8.self), count: old)
                }
                (base + old).initialize(repeating: 0, count: capacity - old)
                initialized = capacity
            }
        }
    }

    /// 64 spaces.
    private static var blanks: StaticString { "                                                                " }
    /// A line break and 32 levels of indentation.
    private static var newlineBlanks: StaticString {
        "\n                                                                "
    }
}
