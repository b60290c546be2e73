import Foundation

/// A short key, unique in one run, that the pipeline names an article's local speakers by ("f12#s3" rather than
/// "2019-10/2019-10-05-ortagus#s3"): such ids fit in a string's inline storage (15 UTF-8 bytes), so the tens of
/// thousands of them a large corpus has until speakers are merged take no heap memory.
struct LocalKey: Sendable {
    /// "f" + the file's index for an article extracted as its file is read, "a" + the article's index otherwise.
    let prefix: String

    static func file(_ i: Int) -> LocalKey { LocalKey(prefix: "f" + String(i)) }
    static func article(_ i: Int) -> LocalKey { LocalKey(prefix: "a" + String(i)) }
}

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
    /// The share of a long article's sentences read ahead for the event scan on the article extractor's thread.
    /// 0.3 balances the two threads since the event scan's word tables are keyed on hashes (perf samples on the 5 MB
    /// paragraph: extractor thread 1,735 against event thread 1,868; at 0.5 it was 1,951 against 1,164).
    static let readAhead = 0.3

    /// The per-article stages for one article.
    ///
    /// Both stages read the same decoded paragraphs and sentence ranges (`SharedText`). The event stage needs the
    /// speakers only for its participants, so it reads the events beside the speakers and quotes (on two threads
    /// for a long article) and fills the participants in once the speakers are known.
    public func extract(_ article: Article) -> ArticleExtraction { extract(article, key: nil) }

    /// The same, the article's local speaker ids made from `key` (`LocalKey`) instead of its id when given.
    func extract(_ article: Article, key: LocalKey?) -> ArticleExtraction {
        let prefix = key?.prefix
        let long = article.paragraphs.reduce(0) { $0 + $1.utf8Count } >= Self.concurrentStagesBytes
        let (articleStage, eventStage) = (articleExtractor, eventStage)
        let found: ArticleExtraction
        let pending: PendingEvents
        if long {
            // Tokens and sentences side by side, then the two stages; the article extractor's thread first reads
            // the last sentences ahead for the event scan, the longer of the two.
            let scalars = article.paragraphs.map { ArticleExtractor.scalars(of: $0.textSlice) }
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
            let ahead = ReadAhead(events, share: Self.readAhead)
            (found, pending) = Concurrently.both(
                true,
                {
                    ahead.fill(events, extractor: eventStage, reference: article.date)
                    return articleStage.extract(article, text: text, speakerPrefix: prefix)
                },
                { eventStage.read(article, text: events, persons: nil, ahead: ahead) })
        } else {
            let text = SharedText(article: article, splitter: articleStage.compiled.splitter)
            found = articleStage.extract(article, text: text, speakerPrefix: prefix)
            pending = eventStage.read(article, text: EventText(text), persons: nil)
        }
        var x = found
        // Kept until events are grouped; `ArticleEvents.finish` gives the array its exact capacity.
        x.eventCandidates = pending.finish(speakers: x.speakers, extractor: eventStage)
        return x
    }

    /// Runs the whole pipeline on one thread.
    public func run(_ load: LoadResult) -> Corpus { run(load, workers: 1) }

    /// The corpus-wide stages, on two threads (`concurrent`) or one.
    ///
    /// What depends on what: event grouping needs only where each quote stands, not its speaker; naming the
    /// events' participants and counting sets (`LinkedEvents.finish`) need the merged speakers and give every quote
    /// its events; agendas (passages, quote pillars) need only the quotes' texts, which merging does not change;
    /// term candidates need the agendas' labels (known before tagging) and the quotes' spans and texts; terms leave
    /// the quotes last. Linking events on quotes that then become terms changes no other quote (each quote's
    /// events come from its own paragraph), so the result equals the serial order merge, agendas, terms, events.
    ///
    /// The lines (`CorpusLines`): one thread groups the events, takes the merged speakers, finishes the events and
    /// works out the term candidates; the other merges the speakers, hands them over and tags the agendas. The
    /// quotes are built once both are done, with their speakers, events and pillars, the terms left out.
    public func assemble(
        _ load: LoadResult, extractions: consuming [ArticleExtraction], concurrent: Bool = true
    ) -> Corpus {
        assemble(load, parts: Parts(draining: &extractions), concurrent: concurrent)
    }

    /// The same for per-article results already laid end to end.
    func assemble(_ load: LoadResult, parts: consuming Parts, concurrent: Bool) -> Corpus {
        let lines = CorpusLines(
            parts: consume parts, articles: load.articles, declared: resources.declaredAgendas,
            events: eventStage.lexicon)
        let out = lines.run(concurrent: concurrent)
        HeapTrim.release()
        return Corpus(
            articles: load.articles, speakers: out.speakers, quotes: out.quotes, terms: out.terms, agendas: out.agendas,
            events: out.events, warnings: load.warnings + resources.warnings)
    }
}
