/// An open-addressing map from 64-bit word hashes to small integers: the lexicon lookups of the hot path,
/// without the per-lookup cost of `Hasher`. Keys are already well-mixed FNV hashes.
public struct WordHashMap: Sendable {
    /// One slot of the table: key, value and whether it is taken (one array, so one allocation, per map).
    struct Slot: Sendable {
        var key: UInt64 = 0
        var value: Int32 = 0
        var used = false
    }

    private var slots: [Slot]
    private var shift: UInt64
    public private(set) var count = 0

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value for `key`, nil when absent.
    @inline(__always) public subscript(_ key: UInt64) -> Int? {
        let mask = slots.count - 1
        var i = slot(key)
        while slots[i].used {
            if slots[i].key == key { return Int(slots[i].value) }
            i = (i + 1) & mask
        }
        return nil
    }

    @inline(__always) public func contains(_ key: UInt64) -> Bool { self[key] != nil }

    /// The keys, in no particular order.
    public var allKeys: [UInt64] { slots.filter(\.used).map(\.key) }

    /// Sets `key` to `value` (replacing an earlier value).
    public mutating func set(_ key: UInt64, _ value: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = slot(key)
        while slots[i].used {
            if slots[i].key == key {
                slots[i].value = Int32(truncatingIfNeeded: value)
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: key, value: Int32(truncatingIfNeeded: value), used: true)
        count += 1
    }

    private mutating func grow() {
        var bigger = WordHashMap(capacity: slots.count)
        for s in slots where s.used { bigger.set(s.key, Int(s.value)) }
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
