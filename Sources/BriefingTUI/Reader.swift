import BriefingModel
import CNcursesw

/// Runs the interactive reader on a corpus until the user quits; returns the exit status.
public enum Reader {
    public static func run(corpus: Corpus) -> Int32 {
        // Filled by the reader (issue 7).
        print("\(corpus.articles.count) articles, \(corpus.quotes.count) quotes")
        return 0
    }
}
