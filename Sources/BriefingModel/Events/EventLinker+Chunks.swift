/// Event candidates as the per-article stages leave them, one array per article, read as one collection in
/// corpus order: the linker indexes them without a flat copy of them all (which would stand in fresh memory
/// beside the per-article arrays it was copied from), and lets each article's go once it has read them last
/// (`drain`).
struct CandidateChunks: RandomAccessCollection {
    private var chunks: [[EventCandidate]]
    /// Per candidate: its chunk and its index in it.
    private var places: [(chunk: Int32, offset: Int32)]
    /// How many candidates there were (`places` is let go by `drain`).
    private let total: Int

    /// The candidates of `chunks`, one chunk after the other.
    init(_ chunks: [[EventCandidate]]) {
        var kept: [[EventCandidate]] = []
        var places: [(chunk: Int32, offset: Int32)] = []
        places.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for chunk in chunks where !chunk.isEmpty {
            let c = Int32(kept.count)
            for k in chunk.indices { places.append((c, Int32(k))) }
            kept.append(chunk)
        }
        self.chunks = kept
        self.places = places
        total = places.count
    }

    /// One flat array as a single chunk.
    init(_ candidates: [EventCandidate]) { self.init([candidates]) }

    var startIndex: Int { 0 }
    /// The number of candidates, also once drained.
    var endIndex: Int { total }

    /// Not to be read once drained. `_read` lends the candidate in place: a getter would copy it (retaining its
    /// every string and list) to read one field.
    subscript(i: Int) -> EventCandidate {
        _read {
            let p = places[i]
            yield chunks[Int(p.chunk)][Int(p.offset)]
        }
    }

    /// Gives every candidate with its index, in order, letting each article's array go once its candidates are
    /// given (freed when nothing else holds it); no candidate can be read afterwards.
    /// Inlined into its one caller, whose body then reads the candidate's fields in place rather than a copy of it.
    @inline(__always)
    mutating func drain(_ body: (_ index: Int, _ candidate: EventCandidate) -> Void) {
        places = []
        var i = 0
        for c in chunks.indices {
            // Moved out, so that the array goes with the last reference to it.
            let chunk = chunks[c]
            chunks[c] = []
            // By index: the candidate is lent to `body`, not copied out as iterating would.
            for k in chunk.indices {
                body(i, chunk[k])
                i += 1
            }
        }
        chunks = []
    }
}
