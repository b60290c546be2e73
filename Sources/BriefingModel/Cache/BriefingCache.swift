import Foundation

extension Briefing {
    /// Loads `paths` and runs the pipeline on all cores, or reads the model from `cache` when the articles,
    /// lexicons and program are unchanged since it was written. With a nil cache it always parses.
    public static func open(
        paths: [String], options: LoadOptions = LoadOptions(), resources: Resources? = nil, cache: CorpusCache?
    ) async throws(Failure) -> CorpusCache.Opened {
        guard let resources = resources ?? Resources.locate() else { throw .noDataDirectory }
        let build = { () async -> (corpus: Corpus, skipped: [String]) in
            await Pipeline(resources: resources).openDetached(paths: paths, loader: CorpusLoader(options: options))
        }
        guard let cache else {
            let (corpus, skipped) = await build()
            return CorpusCache.Opened(corpus: corpus, skipped: skipped, outcome: .uncached, note: "no cache")
        }
        return await cache.open(paths: paths, options: options, resources: resources, build: build)
    }
}
