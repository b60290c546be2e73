/// An open-addressing map from 64-bit word hashes to small integers: the lexicon lookups of the hot path,
/// without the per-lookup cost of `Hasher`. Keys are already well-mixed FNV hashes.
public struct WordHashMap: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var used: [Bool]
    private var shift: UInt64
    public private(set) var count = 0

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        used = Array(repeating: false, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value for `key`, nil when absent.
    @inline(__always) public subscript(_ key: UInt64) -> Int? {
        let mask = keys.count - 1
        var i = slot(key)
        while used[i] {
            if keys[i] == key { return Int(values[i]) }
            i = (i + 1) & mask
        }
        return nil
    }

    @inline(__always) public func contains(_ key: UInt64) -> Bool { self[key] != nil }

    /// The keys, in no particular order.
    public var allKeys: [UInt64] { keys.indices.filter { used[$0] }.map { keys[$0] } }

    /// Sets `key` to `value` (replacing an earlier value).
    public mutating func set(_ key: UInt64, _ value: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key)
        while used[i] {
            if keys[i] == key {
                values[i] = Int32(truncatingIfNeeded: value)
                return
            }
            i = (i + 1) & mask
        }
        used[i] = true
        keys[i] = key
        values[i] = Int32(truncatingIfNeeded: value)
        count += 1
    }

    private mutating func grow() {
        var bigger = WordHashMap(capacity: keys.count)
        for i in keys.indices where used[i] { bigger.set(keys[i], Int(values[i])) }
        self = bigger
    }
}

/// A set of word hashes on `WordHashMap`.
public struct WordHashSet: Sendable {
    private var map: WordHashMap

    public init<S: Sequence>(_ items: S) where S.Element == UInt64 {
        map = WordHashMap()
        for h in items { map.set(h, 1) }
    }

    public init() { map = WordHashMap() }

    @inline(__always) public func contains(_ key: UInt64) -> Bool { map.contains(key) }
    public mutating func insert(_ key: UInt64) { map.set(key, 1) }
    public mutating func formUnion<S: Sequence>(_ items: S) where S.Element == UInt64 {
        for h in items { map.set(h, 1) }
    }
    public var count: Int { map.count }
    /// The members, in no particular order.
    public var elements: [UInt64] { map.allKeys }
}
