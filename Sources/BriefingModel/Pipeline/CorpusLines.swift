import Foundation

/// The corpus-wide stages of `Pipeline.assemble` as two lines of work that can run side by side.
///
/// Line A groups the events (it needs only where each quote stands), takes the merged speakers and quotes,
/// finishes the events (participants under the speakers' names, the quotes' events) and works out the term
/// candidates. Line B merges the speakers (handing the result to line A) and tags the agendas. Whichever line
/// wants the merge first runs it, so one thread running A then B (or B then A) never waits for itself.
///
/// Each flat array is handed to the one stage that needs it last and let go when that stage is done: speaker
/// merging takes the only reference to the quotes and rewrites them in place, then line A tags them in place.
final class CorpusLines: @unchecked Sendable {
    // Unchecked: each stored array below is taken by exactly one line (the merged pair by way of `merged`'s lock).

    /// What both lines leave: the corpus before pillars and terms are applied to the quotes.
    struct Outcome {
        var quotes: [Quote]
        var speakers: [Speaker]
        var events: [Event]
        var agendas: [Agenda]
        /// The pillars of each quote, in quote order.
        var pillars: [[String]]
        /// Which quotes are terms, in quote order.
        var termCandidates: [TermReconciler.Candidate]
    }

    /// The merged speakers and the quotes with their speakers' corpus ids.
    typealias Merged = (speakers: [Speaker], quotes: [Quote])

    let articles: [Article]
    /// The agendas the articles enumerate, in article order.
    let found: [Agenda]
    /// The terms the articles hold (`takeTerms` hands them over once the lines are done).
    private(set) var terms: [Term]
    /// Found agendas unified with the declared ones: the labels term candidates need, before tagging.
    private let unified: [Agenda]
    private let lexicon: EventLexicon
    private var speakers: [Speaker]
    private var quotes: [Quote]
    private var places: [QuotePlace]
    private var quoteTexts: [Substring]
    /// Each article's event candidates, in article order (read in place: `CandidateChunks`).
    private var eventCandidates: [[EventCandidate]]
    private let merged = Claim<Merged>()

    /// Lays every extraction's parts end to end, leaving `extractions` empty.
    init(
        draining extractions: inout [ArticleExtraction], articles: [Article], declared: [Agenda],
        events lexicon: EventLexicon
    ) {
        var parts = Parts(draining: &extractions)
        self.articles = articles
        found = parts.agendas
        terms = parts.terms
        unified = AgendaBuilder.unify(found: parts.agendas, declared: declared)
        self.lexicon = lexicon
        speakers = moveOut(&parts.speakers)
        quotes = moveOut(&parts.quotes)
        places = moveOut(&parts.places)
        quoteTexts = moveOut(&parts.quoteTexts)
        eventCandidates = moveOut(&parts.eventCandidates)
        HeapTrim.release()
    }

    /// Runs line A and line B, on two threads when `concurrent` and the machine has them.
    func run(concurrent: Bool) -> Outcome {
        // Line B first: when the two run one after the other (one thread, or one core), speaker merging lets go
        // of its working data before grouping builds its own, and the tokens of tagging are let go before either.
        let (b, a) = Concurrently.both(concurrent, { self.lineB() }, { self.lineA() })
        return Outcome(
            quotes: a.quotes, speakers: a.speakers, events: a.events, agendas: b.agendas, pillars: b.pillars,
            termCandidates: a.termCandidates)
    }

    /// The terms, moved out (after `run`).
    func takeTerms() -> [Term] { moveOut(&terms) }

    /// Group the events, take the merged speakers and quotes, finish the events, work out the term candidates.
    private func lineA() -> (
        quotes: [Quote], speakers: [Speaker], events: [Event], termCandidates: [TermReconciler.Candidate]
    ) {
        let linked = EventLinker.group(
            CandidateChunks(moveOut(&eventCandidates)), articles: articles, places: moveOut(&places), events: lexicon)
        HeapTrim.release()
        var people = merged.take { self.merge() }
        let events = linked.finish(speakers: people.speakers, quotes: &people.quotes)
        // Term candidates read only the quotes' spans and texts (which merging and linking leave as they were)
        // and the agendas' labels (which tagging leaves as they were).
        let candidates = TermReconciler.candidates(quotes: people.quotes, terms: terms, agendas: unified)
        return (people.quotes, people.speakers, events, candidates)
    }

    /// Merge the speakers (unless line A has begun to), then tag the agendas.
    private func lineB() -> (agendas: [Agenda], pillars: [[String]]) {
        merged.start { self.merge() }
        var agendas = unified
        let pillars = AgendaBuilder.tag(&agendas, articles: articles, quoteTexts: moveOut(&quoteTexts))
        return (agendas, pillars)
    }

    /// Called once, by whichever line claims the merge.
    private func merge() -> Merged {
        let merged = SpeakerMerger.merge(speakers: moveOut(&speakers), quotes: moveOut(&quotes))
        HeapTrim.release()
        return merged
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

/// The per-article results laid end to end, in article order.
///
/// One kind of part at a time (speakers, then quotes, …), each article's array let go as soon as it is copied:
/// the flat array of one kind stands beside the articles' arrays of that kind only, never beside those of every
/// kind (which made a spike of all the flat arrays on top of everything the articles held).
private struct Parts {
    var speakers: [Speaker] = []
    var quotes: [Quote] = []
    /// Where each quote stands and what it says, in the same order (all that grouping and tagging read of it).
    var places: [QuotePlace] = []
    var quoteTexts: [Substring] = []
    var terms: [Term] = []
    var agendas: [Agenda] = []
    /// Each article's candidates, its array as the article's extraction left it (not copied).
    var eventCandidates: [[EventCandidate]] = []

    /// Moves every extraction's parts out, leaving `extractions` empty.
    init(draining extractions: inout [ArticleExtraction]) {
        // Quotes before speakers: a quote as the extractor left it names its speaker by position.
        quotes.reserveCapacity(extractions.reduce(0) { $0 + $1.quoteCount })
        for i in extractions.indices { extractions[i].moveQuotes(to: &quotes) }
        HeapTrim.release()
        speakers.reserveCapacity(extractions.reduce(0) { $0 + $1.speakerCount })
        for i in extractions.indices { extractions[i].moveSpeakers(to: &speakers) }
        HeapTrim.release()
        terms = Self.drain(&extractions, \.terms)
        agendas = Self.drain(&extractions, \.agendas)
        eventCandidates.reserveCapacity(extractions.reduce(0) { $0 + ($1.eventCandidates.isEmpty ? 0 : 1) })
        for i in extractions.indices where !extractions[i].eventCandidates.isEmpty {
            eventCandidates.append(extractions[i].eventCandidates)
            extractions[i].eventCandidates = []
        }
        extractions = []
        places.reserveCapacity(quotes.count)
        quoteTexts.reserveCapacity(quotes.count)
        for q in quotes {
            places.append(QuotePlace(q))
            quoteTexts.append(q.textSlice)
        }
    }

    /// Every extraction's `part` end to end, in storage of its exact size; each article's array is let go as soon
    /// as it is copied.
    private static func drain<T>(
        _ extractions: inout [ArticleExtraction], _ part: WritableKeyPath<ArticleExtraction, [T]>
    ) -> [T] {
        var out: [T] = []
        out.reserveCapacity(extractions.reduce(0) { $0 + $1[keyPath: part].count })
        for i in extractions.indices {
            out.append(contentsOf: extractions[i][keyPath: part])
            extractions[i][keyPath: part] = []
        }
        return out
    }
}

/// The value of `x`, leaving `empty` in its place (so the caller holds the only reference to what it held).
private func moveOut<T>(_ x: inout T, leaving empty: T) -> T {
    let value = x
    x = empty
    return value
}

private func moveOut<T>(_ x: inout [T]) -> [T] { moveOut(&x, leaving: []) }
