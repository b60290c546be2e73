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

    /// Loads `paths` and runs the pipeline with the located resources.
    public static func open(paths: [String], options: LoadOptions = LoadOptions(), resources: Resources? = nil)
        throws(Failure) -> (corpus: Corpus, skipped: [String])
    {
        guard let resources = resources ?? Resources.locate() else { throw .noDataDirectory }
        let load = CorpusLoader(options: options).load(paths: paths)
        return (Pipeline(resources: resources).run(load), load.skipped)
    }
}
