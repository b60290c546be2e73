import Foundation

/// The one-call entry point: load paths, run every stage, return the corpus.
public enum Briefing {
    /// Errors that stop a whole run (bad input files never do: they become warnings).
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case noDataDirectory

        public var description: String {
            switch self {
            case .noDataDirectory:
                return
                    "cannot find the Data/ folder with the lexicons; run from the Briefing checkout or set BRIEFING_DATA=/path/to/Data"
            }
        }
    }

    /// Loads `paths` and runs the pipeline (reading, parsing and per-article stages on all cores) with the
    /// located resources (loaded, and the pipeline built from them, while the folders are walked).
    public static func open(paths: [String], options: LoadOptions = LoadOptions(), resources: Resources? = nil)
        throws(Failure) -> (corpus: Corpus, skipped: [String])
    {
        let loader = CorpusLoader(options: options)
        let (pipeline, listing) = Concurrently.both(
            true, { (resources ?? Resources.locate()).map(Pipeline.init) }, { loader.list(paths: paths) })
        guard let pipeline else { throw .noDataDirectory }
        return pipeline.open(listing: listing, loader: loader)
    }

    /// The same from synchronous code, reading the model from `cache` when the articles, lexicons and
    /// program are unchanged since it was written, and writing it there after a parse; `willParse` runs first
    /// when the articles are to be parsed (the cache missed). With `reread`, a model just parsed is read back
    /// from the cache file in its compact form (`CorpusCache.open`): for callers that keep the model (the reader).
    /// `elsewhere` may build and cache the model first (in another process: `CorpusCache.open`).
    public static func openCached(
        paths: [String], options: LoadOptions = LoadOptions(), resources: Resources? = nil, cache: CorpusCache,
        reread: Bool = false, elsewhere: (() -> Bool)? = nil, willParse: () -> Void = {}
    ) throws(Failure) -> CorpusCache.Opened {
        guard let resources = resources ?? Resources.locate() else { throw .noDataDirectory }
        return cache.open(paths: paths, options: options, resources: resources, reread: reread, elsewhere: elsewhere) {
            willParse()
            return Pipeline(resources: resources).open(paths: paths, loader: CorpusLoader(options: options))
        }
    }
}
