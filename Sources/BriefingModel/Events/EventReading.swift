import Synchronization

/// The event stage's reading of one article that needs no speakers: its paragraphs as scalars, word tokens and
/// sentences.
///
/// In the pipeline, taken from the `SharedText` the article extractor reads too, so the article is decoded and
/// split once for both stages.
struct EventText: Sendable {
    var scalars: [[Unicode.Scalar]]
    var tokens: [[WordToken]]
    /// Sentence ranges of each paragraph, in scalar offsets.
    var sentences: [[Range<Int>]]

    /// Tokens and sentences of `scalars`.
    init(scalars: [[Unicode.Scalar]], splitter: SentenceSplitter) {
        self.scalars = scalars
        tokens = scalars.map { WordTokenizer.tokenize($0) }
        sentences = scalars.map { splitter.split($0) }
    }

    /// The text as the pipeline read it for both stages (split by a splitter built from the same lexicon), with
    /// its word tokens found here or given (`WordTokenizer.tokenize` of each paragraph).
    init(_ text: SharedText, tokens: [[WordToken]]? = nil) {
        scalars = text.scalars
        self.tokens = tokens ?? text.scalars.map { WordTokenizer.tokenize($0) }
        sentences = text.sentences
    }

    /// Each sentence the event scan reads, in order, with its paragraph and token range (sentences without tokens
    /// are skipped); `body` gets the sentence's index among those read.
    func forEachSentence(_ body: (_ index: Int, _ paragraph: Int, _ tokens: Range<Int>, _ sentence: Range<Int>) -> Void)
    {
        var index = 0
        for (p, toks) in tokens.enumerated() where !toks.isEmpty {
            var t = 0
            for sentence in sentences[p] {
                let first = t
                while t < toks.count, toks[t].start < sentence.upperBound { t += 1 }
                guard t > first else { continue }
                body(index, p, first..<t, sentence)
                index += 1
            }
        }
    }
}

/// What an article's later sentences say before its events are read (`SentenceReading`: temporal expressions,
/// event words described), read ahead on another thread while the event scan reads the earlier ones. A reading
/// depends on nothing the scan has found but the kind of the last event counted (for "their second, in …"), read
/// here as none: the scan takes a reading that did not use it, or when it has counted no event either, when it is
/// ready, and reads the sentence itself otherwise. The result is the same either way, and neither thread ever
/// waits for the other. Readings are handed over a few sentences at a time, so that a scan that reaches the
/// sentences read ahead before they are all read takes those that are.
final class ReadAhead: Sendable {
    /// Index of the first sentence read ahead (among the sentences `EventText.forEachSentence` gives).
    let first: Int
    /// From `first` on, each sentence's reading (nil: not worth reading), as far as they are read.
    private let readings = Mutex<[SentenceReading?]>([])
    /// Sentences read between two hand-overs.
    static let batch = 32

    /// Ahead of the scan: the last `share` of the article's sentences.
    init(_ text: EventText, share: Double) {
        var count = 0
        text.forEachSentence { _, _, _, _ in count += 1 }
        first = count - Int(Double(count) * min(1, max(0, share)))
    }

    /// Reads the sentences from `first` on, as the scan reads them (`SentenceScan.gate` and `read`).
    func fill(_ text: EventText, extractor: EventExtractor, reference: Day?) {
        let dateline = text.tokens.first.flatMap { extractor.datelinePlace($0) }
        var found: [SentenceReading?] = []
        text.forEachSentence { k, p, range, sentence in
            guard k >= first else { return }
            let scan = SentenceScan(
                extractor: extractor, persons: nil, tokens: text.tokens[p], range: range, scalars: text.scalars[p],
                sentence: sentence, paragraph: p, reference: reference, dateline: dateline, ordinalKind: nil)
            found.append(scan.gate().map { scan.read($0) })
            if found.count == Self.batch { handOver(&found) }
        }
        handOver(&found)
    }

    private func handOver(_ found: inout [SentenceReading?]) {
        readings.withLock { $0.append(contentsOf: found) }
        found.removeAll(keepingCapacity: true)
    }

    /// The reading of sentence `k`, if it is ready and the sentence is worth reading; taken out (the scan reads
    /// each sentence once), so that what was read ahead is let go as the scan goes.
    func takeReading(of k: Int) -> SentenceReading? {
        guard k >= first else { return nil }
        return readings.withLock { all in
            guard k - first < all.count else { return nil }
            defer { all[k - first] = nil }
            return all[k - first]
        }
    }
}

/// An article's events read without its persons: each sentence's participants stand as one marker while the
/// sentence is read, then the marker is taken off again and the events it reached are noted, for
/// `finish(speakers:extractor:)` to add the participants once the speakers are known.
///
/// Participants (and the leaders among them) only ever accumulate on an event, in mention order and without
/// repeats, and no decision of the scan reads them, so the events are the same as when they are read with the
/// persons known. (A rule that starts to read participants while assigning mentions must drop this deferral.)
struct PendingEvents: Sendable {
    /// What finding one sentence's participants needs once the persons are known.
    struct Sentence: Sendable {
        var paragraph: Int
        var tokens: Range<Int>
        var places: [Range<Int>]
    }

    let article: Article
    let text: EventText
    let dateline: String?
    var state: ArticleEvents
    /// The sentences whose participants were deferred.
    var sentences: [Sentence] = []
    /// (event, deferred sentence): each time an event took a sentence's participants, in reading order.
    var merges: [(event: Int, sentence: Int)] = []
    /// (set, deferred sentence): the sets of events ("three summits") a sentence's participants belong to.
    var setMerges: [(set: Int, sentence: Int)] = []

    /// The marker of a deferred sentence's participants ("\u{0}") or leaders ("\u{1}"): no token holds a control
    /// character, so no name is ever taken for a marker. One marker serves every sentence: an event holds it only
    /// while the sentence that gave it is read (`defer` takes it off right after), so it always stands for the
    /// sentence just read, and none is built per sentence.
    static func marker(leaders: Bool) -> String { leaders ? "\u{1}" : "\u{0}" }

    /// The participants and the leaders a sentence read with its participants deferred brings: its markers alone.
    /// Lists built once: a sentence's would be allocated at each sentence read.
    static let deferredParticipants = [marker(leaders: false)]
    static let deferredLeaders = [marker(leaders: true)]

    /// True for a marker (never for a name).
    static func isMarker(_ s: String) -> Bool { s.utf8.first.map { $0 < 2 } ?? false }

    /// Notes a sentence just read with its participants deferred: which of `events` (those its mentions went to)
    /// took its marker, and which of the sets `newSets` (recorded by that
    /// sentence) did. The markers are taken off again, so an event never holds more than one while reading.
    mutating func `defer`(_ sentence: Sentence, events: [Int], sets newSets: Range<Int>) {
        let k = sentences.count
        sentences.append(sentence)
        let participants = Self.marker(leaders: false)
        let leaders = Self.marker(leaders: true)
        for c in events where state.clusters[c].participants.last == participants {
            state.clusters[c].participants.removeLast()
            if state.clusters[c].leaders.last == leaders { state.clusters[c].leaders.removeLast() }
            merges.append((c, k))
        }
        // A set takes its sentence's participants whole when it is recorded: the markers are all it holds.
        for i in newSets where state.sets[i].participants == [participants] {
            state.sets[i].participants = []
            state.sets[i].leaders = []
            setMerges.append((i, k))
        }
    }

    /// Deferred sentences from which their participants are found in slices another thread may help with.
    static let helpedSentences = 2048

    /// The events with the deferred participants (and leaders) added as each mention would have added them.
    func finish(speakers: [Speaker], extractor: EventExtractor) -> [EventCandidate] {
        var state = state
        if !merges.isEmpty || !setMerges.isEmpty {
            let persons = PersonFinder(paragraphs: text.tokens, speakers: speakers, lexicon: extractor.lexicon)
            var found: [[String]?] = Array(repeating: nil, count: sentences.count)
            let (sentences, text, article, dateline) = (sentences, text, article, dateline)
            let find: @Sendable (Int) -> [String] = { k in
                let s = sentences[k]
                let scan = SentenceScan(
                    extractor: extractor, persons: persons, tokens: text.tokens[s.paragraph], range: s.tokens,
                    scalars: text.scalars[s.paragraph], sentence: 0..<0, paragraph: s.paragraph,
                    reference: article.date, dateline: dateline, ordinalKind: nil)
                return scan.findParticipants(excluding: s.places, persons: persons)
            }
            if sentences.count >= Self.helpedSentences {
                // A very long article: the participants of the sentences used, found up front in slices another
                // thread may help with (each sentence's on its own).
                var used = Array(repeating: false, count: sentences.count)
                for (_, k) in merges { used[k] = true }
                for (_, k) in setMerges { used[k] = true }
                let needed = used.indices.filter { used[$0] }
                let size = Self.helpedSentences / 4
                let slices = stride(from: 0, to: needed.count, by: size).map {
                    needed[$0..<min(needed.count, $0 + size)]
                }
                let parts = HelpedLoop.run(slices.count) { slices[$0].map(find) }
                for (slice, part) in zip(slices, parts) {
                    for (k, p) in zip(slice, part) { found[k] = p }
                }
            }
            func participants(of k: Int) -> [String] {
                if let known = found[k] { return known }
                let participants = find(k)
                found[k] = participants
                return participants
            }
            for (c, k) in merges {
                let participants = participants(of: k)
                for p in participants where !state.clusters[c].participants.contains(p) {
                    state.clusters[c].participants.append(p)
                }
                for p in participants where persons.leaders.contains(p) && !state.clusters[c].leaders.contains(p) {
                    state.clusters[c].leaders.append(p)
                }
            }
            for (i, k) in setMerges {
                let participants = participants(of: k)
                state.sets[i].participants = participants
                state.sets[i].leaders = participants.filter { persons.leaders.contains($0) }
            }
        }
        return state.finish()
    }
}
