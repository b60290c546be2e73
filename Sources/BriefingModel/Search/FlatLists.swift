/// Lists of 32-bit numbers laid end to end in one array: list i is `items[start[i]..<start[i + 1]]`.
///
/// The search keeps its per-quote name lists (pillars, events) and its per-name quote lists this way: two arrays
/// in all, where an array per list costs its header and its allocation's rounding for a handful of numbers.
struct FlatLists: Sendable, Equatable {
    private(set) var start: [Int32] = [0]
    private(set) var items: [Int32] = []

    init() {}

    /// How many lists there are.
    var count: Int { start.count - 1 }

    /// List `i` (empty when there is no such list).
    subscript(i: Int) -> ArraySlice<Int32> {
        guard i >= 0, i < count else { return [] }
        return items[Int(start[i])..<Int(start[i + 1])]
    }

    /// Appends a list.
    mutating func append<S: Sequence<Int32>>(_ list: S) {
        items.append(contentsOf: list)
        start.append(Int32(items.count))
    }

    /// Appends a copy of the last list (an empty list when there is none).
    mutating func repeatLast() {
        if count > 0 {
            // By index: a slice of `items` held while appending to it would copy the whole array.
            for i in Int(start[count - 1])..<Int(start[count]) { items.append(items[i]) }
        }
        start.append(Int32(items.count))
    }

    /// Makes room for `lists` more lists holding `items` numbers in all.
    mutating func reserve(lists: Int, items more: Int) {
        start.reserveCapacity(start.count + lists)
        items.reserveCapacity(items.count + more)
    }

    /// The inverse of `lists` source lists over numbers below `keys`: list k holds the sources (ascending,
    /// distinct) that name k. `each(i, emit)` emits the numbers of source i; it is called twice per source, once to
    /// count and once to fill.
    static func inverting(keys: Int, lists: Int, _ each: (Int, (Int32) -> Void) -> Void) -> FlatLists {
        var out = FlatLists()
        var start = [Int32](repeating: 0, count: keys + 1)
        var last = [Int32](repeating: -1, count: keys)
        for i in 0..<lists {
            each(i) { k in
                guard k >= 0, Int(k) < keys, last[Int(k)] != Int32(i) else { return }
                last[Int(k)] = Int32(i)
                start[Int(k) + 1] += 1
            }
        }
        for k in 0..<keys { start[k + 1] += start[k] }
        var cursor = start
        var items = [Int32](repeating: 0, count: Int(start[keys]))
        for k in 0..<keys { last[k] = -1 }
        for i in 0..<lists {
            each(i) { k in
                guard k >= 0, Int(k) < keys, last[Int(k)] != Int32(i) else { return }
                last[Int(k)] = Int32(i)
                items[Int(cursor[Int(k)])] = Int32(i)
                cursor[Int(k)] += 1
            }
        }
        out.start = start
        out.items = items
        return out
    }

    /// Bytes held by the two arrays, for memory estimates.
    var estimatedBytes: Int { 4 * (start.capacity + items.capacity) + 64 }
}
