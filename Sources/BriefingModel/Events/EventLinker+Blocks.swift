// Blocking for the linker's scoring: a candidate is scored only against the events that can take it
// (`MergedEvent.score`), found through its date (`GroupPool`) or, when it has no date, through its place.

/// The placed events of one family and status by place: each under its own place and under every place its place
/// lies in, so that an undated candidate, whose only evidence is its place, finds the events at a compatible place
/// (`LinkNames.compatible`) without looking at every event of its family.
struct PlaceLists {
    /// Events by their own place.
    private var exact: [Int32: [Int32]] = [:]
    /// Events by each other place their place lies in (Hanoi's under Vietnam).
    private var within: [Int32: [Int32]] = [:]

    /// Lists event `g` at place `p` (nothing for none).
    mutating func insert(_ g: Int, at p: Int32?, names: LinkNames) {
        guard let p else { return }
        exact[p, default: []].append(Int32(g))
        for x in names.chain(p) where x != p { within[x, default: []].append(Int32(g)) }
    }

    /// Moves event `g` from place `old` to place `new` (either may be none).
    mutating func move(_ g: Int, from old: Int32?, to new: Int32?, names: LinkNames) {
        guard old != new else { return }
        if let old {
            Self.remove(g, from: &exact[old])
            for x in names.chain(old) where x != old { Self.remove(g, from: &within[x]) }
        }
        insert(g, at: new, names: names)
    }

    /// Takes `g` out of `list` (listed once there; the order is no matter).
    private static func remove(_ g: Int, from list: inout [Int32]?) {
        guard let k = list?.firstIndex(of: Int32(g)), let last = list?.count else { return }
        list?.swapAt(k, last - 1)
        list?.removeLast()
    }

    /// Sets `out` to the events at a place compatible with `p` (the same, one it lies in, or one lying in it), in
    /// no set order and some perhaps twice.
    func collect(compatibleWith p: Int32, names: LinkNames, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        if let list = exact[p] { for g in list { out.append(Int(g)) } }
        if let list = within[p] { for g in list { out.append(Int(g)) } }
        for x in names.chain(p) where x != p {
            if let list = exact[x] { for g in list { out.append(Int(g)) } }
        }
    }
}

/// The merged events of one family and status, by date (`GroupPool`) and, when placed, by place (`PlaceLists`):
/// what `EventLinker.group` scores a candidate against.
struct ScorePool {
    private var dates = GroupPool()
    private var places = PlaceLists()

    /// Adds event `g`, created with this date and place.
    mutating func append(_ g: Int, at date: PoolDate, place: Int32?, names: LinkNames) {
        dates.append(g, at: date)
        places.insert(g, at: place, names: names)
    }

    /// Notes that event `g`'s date or place changed.
    mutating func move(
        _ g: Int, from old: (date: PoolDate, place: Int32?), to new: (date: PoolDate, place: Int32?),
        names: LinkNames
    ) {
        dates.move(g, from: old.date, to: new.date)
        places.move(g, from: old.place, to: new.place, names: names)
    }

    /// The events a candidate with this date and place may join (`MergedEvent.score` needs an agreeing place or
    /// date): an undated one only events at a compatible place, an unplaced one no undated event; a superset of
    /// those `score` accepts, in no set order and some perhaps twice.
    func collect(for date: PoolDate, place: Int32?, names: LinkNames, into out: inout [Int]) {
        if date == .undated, let p = place {
            places.collect(compatibleWith: p, names: names, into: &out)
        } else {
            dates.collect(for: date, into: &out, undated: place != nil)
        }
    }
}
