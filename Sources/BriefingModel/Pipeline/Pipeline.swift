import Foundation

/// Runs every stage over loaded articles and assembles the `Corpus`.
///
/// Per-article stages (speakers and quotes, event mentions) are independent and run in parallel;
/// corpus-wide stages (speaker merging, agendas, event linking) run after, in order.
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

    /// The per-article stages for one article.
    public func extract(_ article: Article) -> ArticleExtraction {
        var x = articleExtractor.extract(article)
        x.eventCandidates = eventStage.extract(article, extraction: x)
        return x
    }

    /// Runs the whole pipeline on one thread.
    public func run(_ load: LoadResult) -> Corpus {
        assemble(load, extractions: load.articles.map(extract))
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
        return assemble(load, extractions: extractions)
    }

    /// The corpus-wide stages.
    public func assemble(_ load: LoadResult, extractions: [ArticleExtraction]) -> Corpus {
        var merged = SpeakerMerger.merge(extractions)
        let agendas = AgendaBuilder.build(
            found: extractions.flatMap(\.agendas), declared: resources.declaredAgendas, articles: load.articles,
            quotes: &merged.quotes)
        var terms = extractions.flatMap(\.terms)
        TermReconciler.reconcile(quotes: &merged.quotes, terms: &terms, agendas: agendas)
        let events = EventLinker.link(
            extractions.flatMap(\.eventCandidates), articles: load.articles, speakers: merged.speakers,
            quotes: &merged.quotes, events: eventStage.lexicon)
        return Corpus(
            articles: load.articles, speakers: merged.speakers, quotes: merged.quotes,
            terms: terms, agendas: agendas, events: events,
            warnings: load.warnings + resources.warnings)
    }
}
