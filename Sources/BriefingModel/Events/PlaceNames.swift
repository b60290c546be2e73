/// A gazetteer place as an index into a `PlaceNames` table: what a sentence scan keeps per mention.
struct PlaceID: Hashable, Sendable {
    let index: Int
}

/// Place names by index, so that a mention keeps its place without holding a String (a mention is copied often,
/// and each copy of a String is retained and released).
struct PlaceNames: Sendable {
    private var names: [String] = []
    private var ids: [String: Int] = [:]

    /// `names`, in order, each once.
    init(_ names: some Sequence<String>) {
        for name in names { _ = add(name) }
    }

    /// The index of `name`, added when it is not there yet.
    mutating func add(_ name: String) -> PlaceID {
        if let k = ids[name] { return PlaceID(index: k) }
        ids[name] = names.count
        names.append(name)
        return PlaceID(index: names.count - 1)
    }

    /// The index of `name`; nil for a name that is not in the table.
    func id(_ name: String) -> PlaceID? { ids[name].map { PlaceID(index: $0) } }

    subscript(_ p: PlaceID) -> String { names[p.index] }
}
