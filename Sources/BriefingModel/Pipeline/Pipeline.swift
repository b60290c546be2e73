import Foundation

/// Runs every stage over loaded articles and assembles the `Corpus`.
///
/// Per-article stages (speakers and quotes, event mentions) are independent and run in parallel;
/// corpus-wide stages (speaker merging, agendas, event linking) run after, in order.
public struct Pipeline: Sendable {
    public var resources: Resources

    public init(resources: Resources) {
        self.resources = resources
    }

    /// The per-article stages for one article.
    public func extract(_ article: Article) -> ArticleExtraction {
        var x = ArticleExtractor(lexicon: resources.lexicon).extract(article)
        x.eventCandidates = EventExtractor(lexicon: resources.lexicon).extract(article, extraction: x)
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
        let events = EventLinker.link(
            extractions.flatMap(\.eventCandidates), articles: load.articles, speakers: merged.speakers,
            quotes: &merged.quotes, lexicon: resources.lexicon)
        return Corpus(
            articles: load.articles, speakers: merged.speakers, quotes: merged.quotes,
            terms: extractions.flatMap(\.terms), agendas: agendas, events: events,
            warnings: load.warnings + resources.warnings)
    }
}
