import Foundation

/// Distinct byte strings numbered 0, 1, 2… in the order they were first seen: all their bytes in one arena and
/// one open-addressing hash table of ids, so interning a word costs a hash and a byte compare, no `String`.
struct ByteInterner: Sendable {
    /// The bytes of every interned string, back to back; string `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [UInt32] = [0]
    private var hashes: [UInt32] = []
    /// Slots of ids + 1 (0 = empty); the count is a power of two kept at most half full.
    private var slots: [Int32] = Array(repeating: 0, count: 64)

    init() {}

    /// How many distinct strings are interned.
    var count: Int { starts.count - 1 }

    /// The id of `word`, interning it when new.
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(word)
        var mask = slots.count - 1
        var i = Int(h) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            if hashes[Int(s - 1)] == h, equals(Int(s - 1), word) { return s - 1 }
            i = (i + 1) & mask
        }
        let id = Int32(count)
        bytes.append(contentsOf: word)
        starts.append(UInt32(bytes.count))
        hashes.append(h)
        if count * 2 > slots.count {
            grow()
            mask = slots.count - 1
            i = Int(h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
        }
        slots[i] = id + 1
        return id
    }

    /// The id of `word` when it is interned.
    func find(_ word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(word)
        let mask = slots.count - 1
        var i = Int(h) & mask
        while true {
            let s = slots[i]
            if s == 0 { return nil }
            if hashes[Int(s - 1)] == h, equals(Int(s - 1), word) { return s - 1 }
            i = (i + 1) & mask
        }
    }

    /// The id of `word` when it is interned.
    func find(_ word: String) -> Int32? {
        var word = word
        return word.withUTF8 { find($0) }
    }

    /// The bytes of string `id` as a `String`.
    func string(_ id: Int32) -> String {
        let lo = Int(starts[Int(id)])
        let hi = Int(starts[Int(id) + 1])
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[lo..<hi]), as: UTF8.self)
        }
    }

    /// Calls `body` with the bytes of string `id`.
    func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let lo = Int(starts[Int(id)])
        let hi = Int(starts[Int(id) + 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
    }

    /// The ids of `sorted` (ids ordered by their bytes, as `compare` orders them) whose string starts with
    /// `prefix`: a binary search for the first, then the run that follows it.
    func ids(withPrefix prefix: String, in sorted: [Int32]) -> ArraySlice<Int32> {
        var prefix = prefix
        return prefix.withUTF8 { p in
            var lo = 0
            var hi = sorted.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if withBytes(sorted[mid], { Self.compare($0, p) < 0 }) { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < sorted.count, withBytes(sorted[end], { $0.starts(with: p) }) { end += 1 }
            return sorted[lo..<end]
        }
    }

    /// Byte order of strings `a` and `b` (negative, zero, positive, as `memcmp` with the shorter first on a tie).
    func compare(_ a: Int32, _ b: Int32) -> Int {
        withBytes(a) { x in withBytes(b) { y in Self.compare(x, y) } }
    }

    /// Byte order of two byte strings (lexicographic, a proper prefix first).
    static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(x.count, y.count)
        if n > 0, let xp = x.baseAddress, let yp = y.baseAddress {
            let c = memcmp(xp, yp, n)
            if c != 0 { return Int(c) }
        }
        return x.count - y.count
    }

    /// Bytes held (arena, offsets, hashes, slots), for memory estimates.
    var estimatedBytes: Int { bytes.count + 4 * (starts.count + hashes.count + slots.count) + 4 * 32 }

    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = Int(starts[id])
        let hi = Int(starts[id + 1])
        guard hi - lo == word.count else { return false }
        if word.isEmpty { return true }
        return bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, let w = word.baseAddress else { return false }
            return memcmp(base + lo, w, word.count) == 0
        }
    }

    private mutating func grow() {
        var fresh = [Int32](repeating: 0, count: slots.count * 2)
        let mask = fresh.count - 1
        for id in 0..<count {
            var i = Int(hashes[id]) & mask
            while fresh[i] != 0 { i = (i + 1) & mask }
            fresh[i] = Int32(id + 1)
        }
        slots = fresh
    }

    /// FNV-1a over the bytes, with a final mix so that the low bits (the slot) depend on every byte.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in word {
            h ^= UInt32(b)
            h = h &* 0x0100_0193
        }
        h ^= h >> 16
        h = h &* 0x85EB_CA6B
        h ^= h >> 13
        return h
    }
}
