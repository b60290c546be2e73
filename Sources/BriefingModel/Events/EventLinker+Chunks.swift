/// Event candidates as the per-article stages leave them, one array per article, read as one collection in
/// corpus order: the linker indexes them without a flat copy of them all (which would stand in fresh memory
/// beside the per-article arrays it was copied from).
struct CandidateChunks: RandomAccessCollection {
    private let chunks: [[EventCandidate]]
    /// Per candidate: its chunk and its index in it.
    private let places: [(chunk: Int32, offset: Int32)]

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
    }

    /// One flat array as a single chunk.
    init(_ candidates: [EventCandidate]) { self.init([candidates]) }

    var startIndex: Int { 0 }
    var endIndex: Int { places.count }

    subscript(i: Int) -> EventCandidate {
        let p = places[i]
        return chunks[Int(p.chunk)][Int(p.offset)]
    }
}
