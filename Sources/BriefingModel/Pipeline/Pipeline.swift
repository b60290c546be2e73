import Foundation

/// Runs every stage over loaded articles and assembles the `Corpus`.
///
/// Per-article stages (speakers and quotes, event mentions) are independent and run in parallel;
/// corpus-wide stages run after: speaker merging then event linking, beside agendas and term candidates.
public struct Pipeline: Sendable {
    public var resources: Resources {
        didSet {
            articleExtractor = ArticleExtractor(lexicon: resources.lexicon)
            eventStage = EventExtractor(lexicon: resources.lexicon)
        }
    }
    /// Built once per lexicon: compiling the lexicons is too costly to repeat for every article.
    private var articleExtractor: ArticleExtractor
    /// The event stage, built once from the lexicon (its word lists are indexed up front).
    private var eventStage: EventExtractor

    public init(resources: Resources) {
        self.resources = resources
        articleExtractor = ArticleExtractor(lexicon: resources.lexicon)
        eventStage = EventExtractor(lexicon: resources.lexicon)
    }

    /// Bytes of text from which an article is read on two threads: corpus runs already keep the cores busy with
    /// one article per task, so only a long article is worth splitting.
    static let concurrentStagesBytes = 256 * 1024
    /// The share of a long article's sentences tagged ahead for the event scan (which takes longer than the
    /// article extractor) on the article extractor's thread.
    static let taggedAhead = 0.4

    /// The per-article stages for one article.
    ///
    /// Both stages read the same decoded paragraphs and sentence ranges (`SharedText`). The event stage needs the
    /// speakers only for its participants, so it reads the events beside the speakers and quotes (on two threads
    /// for a long article) and fills the participants in once the speakers are known.
    public func extract(_ article: Article) -> ArticleExtraction {
        let long = article.paragraphs.reduce(0) { $0 + $1.text.utf8.count } >= Self.concurrentStagesBytes
        let (articleStage, eventStage) = (articleExtractor, eventStage)
        let found: ArticleExtraction
        let pending: PendingEvents
        if long {
            // Tokens and sentences side by side, then the two stages; the article extractor's thread first tags
            // the last sentences for the event scan, the longer of the two.
            let scalars = article.paragraphs.map { ArticleExtractor.scalars(of: $0.text) }
            let splitter = articleStage.compiled.splitter
            let tokenizer = articleStage.compiled.tokenizer
            let (words, split) = Concurrently.both(
                true, { scalars.map { WordTokenizer.tokenize($0) } },
                {
                    // Quote flags set here, so the article extractor finds them set and does not copy the tokens.
                    let quotes = QuoteScanner.scan(scalars)
                    return (
                        scalars.map { splitter.split($0) },
                        scalars.indices.map {
                            ParagraphText.marking(tokenizer.tokenize(scalars[$0]), quotes: quotes[$0])
                        }
                    )
                })
            let text = SharedText(scalars: scalars, sentences: split.0, tokens: split.1)
            let events = EventText(text, tokens: words)
            let ahead = TagAhead(events, share: Self.taggedAhead)
            (found, pending) = Concurrently.both(
                true,
                {
                    ahead.fill(events, tagger: eventStage.tagger, reference: article.date)
                    return articleStage.extract(article, text: text)
                },
                { eventStage.read(article, text: events, persons: nil, ahead: ahead) })
        } else {
            let text = SharedText(article: article, splitter: articleStage.compiled.splitter)
            found = articleStage.extract(article, text: text)
            pending = eventStage.read(article, text: EventText(text), persons: nil)
        }
        var x = found
        x.eventCandidates = pending.finish(speakers: x.speakers, extractor: eventStage)
        return x
    }

    /// Runs the whole pipeline on one thread.
    public func run(_ load: LoadResult) -> Corpus {
        assemble(load, extractions: load.articles.map(extract), concurrent: false)
    }

    /// Runs the per-article stages on all cores with structured concurrency, then the corpus-wide ones.
    public func runParallel(_ load: LoadResult, tasks: Int = ProcessInfo.processInfo.activeProcessorCount) async
        -> Corpus
    {
        let articles = load.articles
        let chunk = max(1, (articles.count + tasks * 4 - 1) / max(1, tasks * 4))
        let extractions = await withTaskGroup(of: (Int, [ArticleExtraction]).self) { group in
            var start = 0
            while start < articles.count {
                let range = start..<min(articles.count, start + chunk)
                group.addTask { (range.lowerBound, articles[range].map(self.extract)) }
                start = range.upperBound
            }
            var parts: [(Int, [ArticleExtraction])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        return assemble(load, extractions: consume extractions)
    }

    /// The corpus-wide stages, the two independent lines of them side by side (`concurrent`) or one after the other.
    ///
    /// What depends on what: events need the merged speakers and give every quote its events; agendas (passages,
    /// quote pillars) need only the texts, which merging does not change; term candidates need the agendas and the
    /// quotes' spans and texts (also unchanged), and are worked out once both lines are done; terms leave the
    /// quotes last. Linking events on quotes that then become terms changes no other quote (each quote's events
    /// come from its own paragraph), so the result equals the serial order merge, agendas, terms, events.
    public func assemble(
        _ load: LoadResult, extractions: consuming [ArticleExtraction], concurrent: Bool = true
    ) -> Corpus {
        let declared = resources.declaredAgendas
        let lexicon = eventStage.lexicon
        // One flat copy of each part, each article's arrays let go as they are laid end to end. Each flat array
        // is then handed to the one stage that needs it last, so it is let go as soon as that stage is done:
        // speaker merging takes the only reference to the quotes and rewrites them in place (no second copy);
        // the agenda branch needs only their texts.
        var parts = Parts(draining: &extractions)
        let quoteTexts = parts.quotes.map(\.textSlice)
        let handover = Handover(speakers: parts.speakers, quotes: parts.quotes, candidates: parts.eventCandidates)
        parts.speakers = []
        parts.quotes = []
        parts.eventCandidates = []
        let found = parts.agendas
        var speakers: [Speaker]
        var quotes: [Quote]
        var events: [Event]
        var agendas: [Agenda]
        var pillars: [[String]]
        do {
            // In a scope of its own, so that the quotes below are held once only and tagged in place.
            let (people, texts) = Concurrently.both(
                concurrent,
                {
                    var merged = SpeakerMerger.merge(
                        speakers: handover.takeSpeakers(), quotes: handover.takeQuotes())
                    let events = EventLinker.link(
                        handover.takeCandidates(), articles: load.articles, speakers: merged.speakers,
                        quotes: &merged.quotes, events: lexicon)
                    return (merged.speakers, merged.quotes, events)
                },
                {
                    AgendaBuilder.build(
                        found: found, declared: declared, articles: load.articles, quoteTexts: quoteTexts)
                })
            (speakers, quotes, events) = people
            (agendas, pillars) = texts
        }
        var terms = parts.terms
        if quotes.count == pillars.count {
            for q in quotes.indices { quotes[q].pillars = pillars[q] }
        } else {
            // Only if a stage ever adds or drops quotes: tag the quotes as they now are.
            agendas = AgendaBuilder.build(found: found, declared: declared, articles: load.articles, quotes: &quotes)
        }
        pillars = []
        // Term candidates read only the quotes' spans and texts, which merging and linking leave as they were.
        let candidates = TermReconciler.candidates(quotes: quotes, terms: terms, agendas: agendas)
        TermReconciler.apply(candidates, quotes: &quotes, terms: &terms)
        return Corpus(
            articles: load.articles, speakers: speakers, quotes: quotes, terms: terms, agendas: agendas,
            events: events, warnings: load.warnings + resources.warnings)
    }
}

/// The flat arrays the speakers-and-events branch of `Pipeline.assemble` takes over: each can be taken once, so the
/// branch holds the only reference and the array is let go when the stage that reads it returns.
private final class Handover: @unchecked Sendable {
    private var speakers: [Speaker]
    private var quotes: [Quote]
    private var candidates: [EventCandidate]

    init(speakers: consuming [Speaker], quotes: consuming [Quote], candidates: consuming [EventCandidate]) {
        self.speakers = speakers
        self.quotes = quotes
        self.candidates = candidates
    }

    // Called from one thread only (the branch), after `init` and before the branch returns.
    func takeSpeakers() -> [Speaker] { moveOut(&speakers) }
    func takeQuotes() -> [Quote] { moveOut(&quotes) }
    func takeCandidates() -> [EventCandidate] { moveOut(&candidates) }
}

/// The per-article results laid end to end, in article order.
private struct Parts: Sendable {
    var speakers: [Speaker] = []
    var quotes: [Quote] = []
    var terms: [Term] = []
    var agendas: [Agenda] = []
    var eventCandidates: [EventCandidate] = []

    /// Moves every extraction's parts out, leaving `extractions` empty; each article's arrays are let go once copied.
    init(draining extractions: inout [ArticleExtraction]) {
        speakers.reserveCapacity(extractions.reduce(0) { $0 + $1.speakers.count })
        quotes.reserveCapacity(extractions.reduce(0) { $0 + $1.quotes.count })
        terms.reserveCapacity(extractions.reduce(0) { $0 + $1.terms.count })
        eventCandidates.reserveCapacity(extractions.reduce(0) { $0 + $1.eventCandidates.count })
        for i in extractions.indices {
            let x = moveOut(&extractions[i], leaving: ArticleExtraction(article: ""))
            speakers += x.speakers
            quotes += x.quotes
            terms += x.terms
            agendas += x.agendas
            eventCandidates += x.eventCandidates
        }
        extractions = []
    }
}

/// The value of `x`, leaving `empty` in its place (so the caller holds the only reference to what it held).
private func moveOut<T>(_ x: inout T, leaving empty: T) -> T {
    let value = x
    x = empty
    return value
}

private func moveOut<T>(_ x: inout [T]) -> [T] { moveOut(&x, leaving: []) }
