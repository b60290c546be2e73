// The linker's working tables: the pools of merged events by date, the relations found so far, and a set of events
// emptied in constant time.

/// The merged events of one family and status, with their dates binned by 32-day spans, so that a dated
/// candidate is scored only against the events whose dates come near its own (or that have none).
///
/// Lists, not sets: what `collect` gives is only ever searched for the best score, and a list is read and added to
/// faster than a set; an event moves (its date changed) seldom.
struct GroupPool {
    /// Every event of the pool in creation order.
    private(set) var all: [Int] = []
    private var undated: [Int] = []
    /// Events whose dates span too many bins to list in each.
    private var wide: [Int] = []
    private var bins: [Int: [Int]] = [:]
    private static let maxBins = 64
    /// Days a date may be off and still match (`MergedEvent.score` allows up to 3).
    private static let slack = 3

    private static func bins(_ d: DaySpan, slack: Int) -> ClosedRange<Int> {
        ((d.lo - slack) >> 5)...((d.hi + slack) >> 5)
    }

    mutating func append(_ g: Int, at date: PoolDate) {
        all.append(g)
        insert(g, at: date)
    }

    mutating func move(_ g: Int, from old: PoolDate, to new: PoolDate) {
        guard old != new else { return }
        remove(g, at: old)
        insert(g, at: new)
    }

    private mutating func insert(_ g: Int, at date: PoolDate) {
        switch date {
        case .undated: undated.append(g)
        // A date with no days overlaps no other date: only undated candidates can join it (via `all`).
        case .unknown: return
        case .days(let d):
            let s = Self.bins(d, slack: 0)
            if s.count > Self.maxBins {
                wide.append(g)
            } else {
                for b in s { bins[b, default: []].append(g) }
            }
        }
    }

    private mutating func remove(_ g: Int, at date: PoolDate) {
        switch date {
        case .undated: Self.remove(g, from: &undated)
        case .unknown: return
        case .days(let d):
            let s = Self.bins(d, slack: 0)
            if s.count > Self.maxBins {
                Self.remove(g, from: &wide)
            } else {
                for b in s { if bins[b] != nil { Self.remove(g, from: &bins[b, default: []]) } }
            }
        }
    }

    /// Takes `g` out of `list` (each event is listed once in each list it is in); the order is no matter.
    private static func remove(_ g: Int, from list: inout [Int]) {
        guard let k = list.firstIndex(of: g) else { return }
        list.swapAt(k, list.count - 1)
        list.removeLast()
    }

    /// The events a candidate dated `date` (or undated) may join, in no set order and some perhaps twice: a
    /// superset of those `score` accepts, without sorting or merging lists. Without `undated`, a dated candidate's
    /// leave out the undated events (an unplaced candidate cannot join one: they would agree on nothing).
    func collect(for date: PoolDate, into out: inout [Int], undated withUndated: Bool = true) {
        out.removeAll(keepingCapacity: true)
        switch date {
        case .undated: out += all
        case .unknown: if withUndated { out += undated }
        case .days(let d):
            let s = Self.bins(d, slack: Self.slack)
            if s.count > Self.maxBins {
                out += all
                return
            }
            if withUndated { out += undated }
            out += wide
            for b in s { if let list = bins[b] { out += list } }
        }
    }
}

/// Where a date puts an event in a `GroupPool`: no date, a date whose days cannot be worked out, or its days.
enum PoolDate: Equatable {
    case undated, unknown
    case days(DaySpan)

    /// The place of a date with these days (`DaySpan(date)`), when `dated`.
    init(dated: Bool, span: DaySpan?) {
        self = !dated ? .undated : span.map { .days($0) } ?? .unknown
    }
}

/// An event, a related event (the first of its id) and a relation kind: the key of one entry in the first
/// event's relation list.
private struct RelationKey: Hashable {
    var from: Int
    var event: Int
    var relation: EventRelationKind
}

/// Every event's relations, in the order they are added, each (related event id, relation) once, with the first cue
/// given. A struct with its own method rather than a local function: a local function's reads of the tables it
/// captures are checked at run time.
struct RelationTable {
    /// Per event: its relations.
    private(set) var lists: [[EventRelation]]
    /// Where each entry already stands in its event's list: one table for all events (a table per event would cost
    /// more than its few entries).
    private var at: [RelationKey: Int] = [:]
    /// Per event: the first event of its id (relations count an id once), and its id.
    private let canon: [Int]
    private let ids: [String]

    init(events: Int, canon: [Int], ids: [String]) {
        lists = Array(repeating: [], count: events)
        self.canon = canon
        self.ids = ids
    }

    /// Relates event `a` to event `b` (nothing for an event itself or none, -1), or gives the entry there already
    /// its first cue.
    mutating func add(_ a: Int, _ b: Int, _ r: EventRelationKind, _ cue: String?) {
        guard a != b, a >= 0, b >= 0 else { return }
        let next = lists[a].count
        // One look-up: the entry's place, made the next one when it is new (-1, absent).
        let k = Self.claim(&at[RelationKey(from: a, event: canon[b], relation: r), default: -1], next)
        if k < next {
            if lists[a][k].cue == nil { lists[a][k].cue = cue }
            return
        }
        lists[a].append(EventRelation(event: ids[b], relation: r, cue: cue))
    }

    /// `slot`, first set to `next` when it is -1.
    private static func claim(_ slot: inout Int, _ next: Int) -> Int {
        if slot < 0 { slot = next }
        return slot
    }
}

/// A set of events (by index below a count) emptied in constant time: each event holds the number of the round that
/// last added it, and emptying starts a new round.
struct EventMarks {
    private var marks: [Int]
    private var round = 0

    /// An empty set for events `0..<count`.
    init(count: Int) { marks = [Int](repeating: 0, count: count) }

    /// Empties the set.
    mutating func removeAll() { round += 1 }

    /// Adds event `e`; true when it was not in the set.
    mutating func insert(_ e: Int) -> Bool {
        if marks[e] == round + 1 { return false }
        marks[e] = round + 1
        return true
    }
}
