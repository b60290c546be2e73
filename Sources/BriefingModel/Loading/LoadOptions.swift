/// Settings for reading a corpus from disk.
public struct LoadOptions: Sendable, Hashable {
    /// Date given to articles that carry none (`--date`).
    public var defaultDate: Day?
    /// File name endings read as articles.
    public var extensions: Set<String>

    public static let articleExtensions: Set<String> = ["txt", "md", "markdown", "jsonl"]

    public init(defaultDate: Day? = nil, extensions: Set<String> = LoadOptions.articleExtensions) {
        self.defaultDate = defaultDate
        self.extensions = extensions
    }
}

/// What loading found: the articles, the warnings, and the files passed over.
public struct LoadResult: Sendable, Hashable {
    public var articles: [Article]
    public var warnings: [LoadWarning]
    /// Files not read: hidden files and other extensions (shown with `--verbose`).
    public var skipped: [String]

    public init(articles: [Article] = [], warnings: [LoadWarning] = [], skipped: [String] = []) {
        self.articles = articles
        self.warnings = warnings
        self.skipped = skipped
    }
}
