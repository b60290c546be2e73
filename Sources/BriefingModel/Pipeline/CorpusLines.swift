import Foundation

/// The corpus-wide stages of `Pipeline.assemble` as two lines of work that can run side by side, and the quotes
/// built once both are done.
///
/// Line A groups the events (it needs only where each quote stands), takes the merged speakers, finishes the events
/// (participants under the speakers' names, each quote's events) and works out the term candidates. Line B merges
/// the speakers (handing the result to line A) and tags the agendas. Whichever line wants the merge first runs it,
/// so one thread running A then B (or B then A) never waits for itself. The end of grouping and the tagging of
/// passages, the two stages that hold the most memory, take turns (`MemoryTurn`).
///
/// Until both lines are done the speakers and quotes stay as tables (`SpeakerTable`, `QuoteTable`): the quotes
/// are built at their final size from the table once their speakers, events and pillars are known, the ones that
/// are terms left out.
final class CorpusLines: @unchecked Sendable {
    // Unchecked: each stored var below is taken by exactly one line (the merged pair by way of `merged`'s lock);
    // the quote table is only read until both lines are done.

    /// What both lines leave, with the quotes built: the corpus but its articles and warnings.
    struct Outcome {
        var quotes: [Quote]
        var speakers: [Speaker]
        var events: [Event]
        var agendas: [Agenda]
        var terms: [Term]
    }

    /// The merged speakers and, for each row of the speaker table, its merged speaker's index.
    typealias Merged = (speakers: [Speaker], slots: [Int32])

    let articles: [Article]
    /// The terms the articles hold.
    private var terms: [Term]
    /// Found agendas unified with the declared ones: the labels term candidates need, before tagging.
    private let unified: [Agenda]
    private let lexicon: EventLexicon
    private var speakers: SpeakerTable
    private var quotes: QuoteTable
    /// Each article's event candidates, in article order (read in place: `CandidateChunks`).
    private var eventCandidates: [[EventCandidate]]
    private let merged = Claim<Merged>()
    /// Taken by the end of event grouping and by agenda tagging, so that they never run at the same time.
    private let turn = MemoryTurn()

    /// Takes the per-article results already laid end to end.
    init(parts: consuming Parts, articles: [Article], declared: [Agenda], events lexicon: EventLexicon) {
        self.articles = articles
        terms = moveOut(&parts.terms)
        unified = AgendaBuilder.unify(found: parts.agendas, declared: declared)
        self.lexicon = lexicon
        speakers = moveOut(&parts.speakers, leaving: SpeakerTable())
        quotes = moveOut(&parts.quotes, leaving: QuoteTable())
        eventCandidates = moveOut(&parts.eventCandidates)
        HeapTrim.release()
        StageTrace.mark("lines: agendas unified")
    }

    /// Runs line A and line B (on two threads when `concurrent` and the machine has them), then builds the quotes.
    func run(concurrent: Bool) -> Outcome {
        // Line B first: when the two run one after the other (one thread, or one core), speaker merging lets go
        // of its working data before grouping builds its own, and the tokens of tagging are let go before either.
        let (b, a) = Concurrently.both(concurrent, { self.lineB() }, { self.lineA() })
        HeapTrim.release()
        StageTrace.mark("lines: both done")
        var table = moveOut(&quotes, leaving: QuoteTable())
        var terms = moveOut(&self.terms)
        let quotes = Self.quotes(
            &table, speakers: a.people, events: a.quoteEvents, pillars: b.pillars, candidates: a.termCandidates,
            terms: &terms)
        StageTrace.mark("lines: quotes built")
        return Outcome(
            quotes: quotes, speakers: a.people.speakers, events: a.events, agendas: b.agendas, terms: terms)
    }

    /// Group the events, take the merged speakers, finish the events, work out the term candidates.
    private func lineA() -> (
        people: Merged, events: [Event], quoteEvents: [(quote: Int, events: [String])],
        termCandidates: [TermReconciler.Candidate]
    ) {
        let linked = EventLinker.group(
            CandidateChunks(moveOut(&eventCandidates)), articles: articles, places: quotes.places, events: lexicon,
            turn: turn)
        HeapTrim.release()
        StageTrace.mark("line A: events grouped")
        let people = merged.take { self.merge() }
        let (events, quoteEvents) = linked.finish(speakers: people.speakers)
        StageTrace.mark("line A: events finished")
        // Term candidates read only the quotes' spans and texts and the agendas' labels (which tagging leaves as
        // they were).
        let candidates = TermReconciler.candidates(
            spans: quotes.rows.lazy.map { [quotes] in
                (start: Int($0.start), end: Int($0.end), text: quotes.text(of: $0))
            },
            terms: terms,
            agendas: unified)
        StageTrace.mark("line A: term candidates")
        return (people, events, quoteEvents, candidates)
    }

    /// Merge the speakers (unless line A has begun to), then tag the agendas.
    private func lineB() -> (agendas: [Agenda], pillars: [[String]]) {
        merged.start { self.merge() }
        var agendas = unified
        let pillars = AgendaBuilder.tag(&agendas, articles: articles, quoteTexts: quotes.texts, turn: turn)
        StageTrace.mark("line B: quotes tagged")
        return (agendas, pillars)
    }

    /// Called once, by whichever line claims the merge.
    private func merge() -> Merged {
        let merged = SpeakerMerger.merge(moveOut(&speakers, leaving: SpeakerTable()))
        HeapTrim.release()
        StageTrace.mark("speakers merged")
        return merged
    }

    /// The quotes of `table` with their corpus speakers, events and pillars (each list by row), those that are
    /// terms (`candidates`: an agenda's label, or a term elsewhere said by no one) moved to `terms` instead; the
    /// table's rows are let go as they are read.
    static func quotes(
        _ table: inout QuoteTable, speakers people: Merged, events quoteEvents: [(quote: Int, events: [String])],
        pillars: [[String]], candidates: [TermReconciler.Candidate], terms: inout [Term]
    ) -> [Quote] {
        // Read from the speakers in place (a list of their ids would be one more array beside the quotes).
        func speaker(_ row: Int) -> String? {
            let s = Int(table[row].speaker)
            guard people.slots.indices.contains(s) else { return nil }
            let slot = Int(people.slots[s])
            return people.speakers.indices.contains(slot) ? people.speakers[slot].id : nil
        }
        func isTerm(_ row: Int, speaker: String?) -> Bool {
            (row < candidates.count ? candidates[row] : .none).isTerm(speaker: speaker)
        }
        // Each row's events: read in step with the rows when the linker listed each quote once, in order (it
        // does); else gathered by row first.
        let inOrder = zip(quoteEvents, quoteEvents.dropFirst()).allSatisfy { $0.quote < $1.quote }
        var byRow: [[String]] = []
        if !inOrder {
            byRow = [[String]](repeating: [], count: table.count)
            for (q, found) in quoteEvents where byRow.indices.contains(q) { LinkedEvents.add(found, to: &byRow[q]) }
        }
        var next = 0
        func events(_ row: Int) -> [String] {
            if !inOrder { return row < byRow.count ? byRow[row] : [] }
            while next < quoteEvents.count && quoteEvents[next].quote < row { next += 1 }
            return next < quoteEvents.count && quoteEvents[next].quote == row ? quoteEvents[next].events : []
        }
        var kept = 0
        for i in 0..<table.count where !isTerm(i, speaker: speaker(i)) { kept += 1 }
        var quotes: [Quote] = []
        quotes.reserveCapacity(kept)
        for i in 0..<table.count {
            let s = speaker(i)
            if isTerm(i, speaker: s) {
                let r = table[i]
                terms.append(
                    Term(
                        article: table.articleIDs[Int(r.article)], paragraph: Int(r.paragraph), start: Int(r.start),
                        end: Int(r.end), text: String(table.text(of: r))))
            } else {
                quotes.append(
                    table.quote(i, speaker: s, pillars: i < pillars.count ? pillars[i] : [], events: events(i)))
                if !inOrder, i < byRow.count { byRow[i] = [] }
            }
            // Each block of rows let go once its quotes are built.
            if i & (QuoteTable.blockSize - 1) == QuoteTable.blockSize - 1 || i == table.count - 1 {
                table.releaseBlock(of: i)
            }
        }
        return quotes
    }
}

/// A value computed once, by whichever thread asks for it first; a thread that asks while another computes it
/// waits. Nobody waits on a value no thread has begun, so one thread asking twice in a row cannot deadlock.
final class Claim<Value: Sendable>: @unchecked Sendable {
    // Unchecked: `state` is read and written under `condition`'s lock only.
    private enum State {
        case idle, running
        case done(Value)
        case taken
    }

    private let condition = NSCondition()
    private var state = State.idle

    /// Computes the value on this thread (kept for `take`) when no thread has begun to; else returns at once.
    func start(_ compute: () -> Value) {
        condition.lock()
        guard case .idle = state else {
            condition.unlock()
            return
        }
        state = .running
        condition.unlock()
        let value = compute()
        condition.lock()
        state = .done(value)
        condition.broadcast()
        condition.unlock()
    }

    /// The value, moved out (the caller holds the only reference): computed here when no thread has begun to,
    /// else waited for. Called once.
    func take(_ compute: () -> Value) -> Value {
        condition.lock()
        if case .idle = state {
            state = .taken
            condition.unlock()
            return compute()
        }
        while case .running = state { condition.wait() }
        let value: Value
        switch state {
        case .done(let v):
            value = v
        case .idle, .running, .taken:
            preconditionFailure("Claim.take called twice")
        }
        state = .taken
        condition.unlock()
        return value
    }
}

/// The per-article results laid end to end, in article order, one extraction at a time (`append`, then
/// `finishAppending`): all at once (`init(draining:)`) or as they come.
///
/// Speakers and quotes go into their tables, each article's arrays let go as soon as they are copied; event
/// candidates stay in their articles' arrays.
struct Parts {
    var speakers = SpeakerTable()
    var quotes = QuoteTable()
    var terms: [Term] = []
    var agendas: [Agenda] = []
    /// Each article's candidates, its array as the article's extraction left it (not copied).
    var eventCandidates: [[EventCandidate]] = []

    init() {}

    /// Moves every extraction's parts out, in storage of its exact size, leaving `extractions` empty.
    init(draining extractions: inout [ArticleExtraction]) {
        speakers.reserveCapacity(
            speakers: extractions.reduce(0) { $0 + $1.speakerCount },
            mentions: extractions.reduce(0) { $0 + $1.mentionCount })
        quotes.reserveCapacity(extractions.reduce(0) { $0 + $1.quoteCount })
        terms.reserveCapacity(extractions.reduce(0) { $0 + $1.terms.count })
        agendas.reserveCapacity(extractions.reduce(0) { $0 + $1.agendas.count })
        eventCandidates.reserveCapacity(extractions.reduce(0) { $0 + ($1.eventCandidates.isEmpty ? 0 : 1) })
        // Quotes set from outside name their speakers by id: every speaker's position by id (the last of an id).
        var ids: [String: Int32]?
        if extractions.contains(where: \.quotesNameSpeakersByID) {
            var table: [String: Int32] = [:]
            var k: Int32 = 0
            for x in extractions {
                for id in x.speakerIDs {
                    table[id] = k
                    k += 1
                }
            }
            ids = table
        }
        for i in extractions.indices { append(&extractions[i], ids: ids) }
        extractions = []
        finishAppending()
    }

    /// Lays out one more extraction, leaving it empty. `ids` maps speaker ids to positions for quotes that name
    /// their speakers by id (`quotesNameSpeakersByID`: every speaker of the corpus, so only when all extractions
    /// are known); the extractor's own quotes name them by position and need none.
    mutating func append(_ x: inout ArticleExtraction, ids: [String: Int32]? = nil) {
        x.move(speakers: &speakers, quotes: &quotes, ids: ids)
        terms.append(contentsOf: x.terms)
        x.terms = []
        agendas.append(contentsOf: x.agendas)
        x.agendas = []
        if !x.eventCandidates.isEmpty {
            eventCandidates.append(x.eventCandidates)
            x.eventCandidates = []
        }
    }

    /// Lets go of what only appending needs and of the arrays' spare room.
    mutating func finishAppending() {
        quotes.finishAppending()
        speakers.compact()
        terms = terms.compacted
        agendas = agendas.compacted
        eventCandidates = eventCandidates.compacted
        HeapTrim.release()
    }
}

/// The value of `x`, leaving `empty` in its place (so the caller holds the only reference to what it held).
private func moveOut<T>(_ x: inout T, leaving empty: T) -> T {
    let value = x
    x = empty
    return value
}

private func moveOut<T>(_ x: inout [T]) -> [T] { moveOut(&x, leaving: []) }
