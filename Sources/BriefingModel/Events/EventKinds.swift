/// An event kind as an index into an `EventKinds` table: what a sentence scan keeps per mention and compares.
struct EventKindID: Hashable, Sendable {
    let index: Int

    /// The empty kind: a follow-up named by its place alone ("return to Stockholm"), which takes the kind of the
    /// event it follows.
    static let none = EventKindID(index: 0)
}

/// The event kinds a sentence scan meets, by index, with the family and rank `EventLexicon.kind(_:in:)` gives each:
/// kinds and families compare as integers instead of hashing names.
///
/// Holds the empty kind (`EventKindID.none`), every kind of the lexicon's kinds table and every kind of an event
/// word. An event keeps one of these kinds while its article is read (each comes from an event word), so the
/// kind of any event read so far has an index here.
struct EventKinds: Sendable {
    private var names: [String] = []
    /// Per kind, its family as an index into `familyNames`.
    private var families: [Int] = []
    private var familyNames: [String] = []
    private var ranks: [Int] = []
    private var ids: [String: Int] = [:]
    private var familyIDs: [String: Int] = [:]

    /// The empty kind and those of `kinds` (in name order), as `kinds` describes them.
    init(kinds: [String: EventLexicon.Kind]) {
        _ = add("", kinds: kinds)
        for name in kinds.keys.sorted() { _ = add(name, kinds: kinds) }
    }

    /// The index of kind `name`, added (as `kinds` describes it) when it is not there yet.
    mutating func add(_ name: String, kinds: [String: EventLexicon.Kind]) -> EventKindID {
        if let k = ids[name] { return EventKindID(index: k) }
        let kind = EventLexicon.kind(name, in: kinds)
        let family: Int
        if let f = familyIDs[kind.family] {
            family = f
        } else {
            family = familyNames.count
            familyIDs[kind.family] = family
            familyNames.append(kind.family)
        }
        ids[name] = names.count
        names.append(name)
        families.append(family)
        ranks.append(kind.rank)
        return EventKindID(index: names.count - 1)
    }

    /// The index of kind `name`; nil for a kind that is not in the table.
    func id(_ name: String) -> EventKindID? { ids[name].map { EventKindID(index: $0) } }

    func name(_ k: EventKindID) -> String { names[k.index] }

    func family(_ k: EventKindID) -> String { familyNames[families[k.index]] }

    func rank(_ k: EventKindID) -> Int { ranks[k.index] }

    /// Two kinds of one family; never the empty kind.
    func sameFamily(_ a: EventKindID, _ b: EventKindID) -> Bool {
        a != .none && b != .none && families[a.index] == families[b.index]
    }
}

/// An event word of the lexicon as a sentence scan matches it: no strings or sets, so that a match copies none.
struct EventWord: Sendable {
    var kind: EventKindID
    /// The index of its trigger (`EventLexicon.Trigger`) in `EventExtractor.Parts.triggers`.
    var trigger: Int
    var product: Bool
    var invitation: Bool
    /// True when it needs no other word around it: its trigger has no `next`, `near` or `subject` words.
    var plain: Bool
}
