/// Settings for reading a corpus from disk.
public struct LoadOptions: Sendable, Hashable {
    /// Date given to articles that carry none (`--date`).
    public var defaultDate: Day?
    /// File name endings read as articles.
    public var extensions: Set<String>
    /// Files larger than this many bytes are reported and not read.
    public var maxFileBytes: Int

    public static let articleExtensions: Set<String> = ["txt", "md", "markdown", "jsonl"]
    /// The default size limit: 256 MiB.
    public static let defaultMaxFileBytes = 256 << 20

    public init(
        defaultDate: Day? = nil, extensions: Set<String> = LoadOptions.articleExtensions,
        maxFileBytes: Int = LoadOptions.defaultMaxFileBytes
    ) {
        self.defaultDate = defaultDate
        self.extensions = extensions
        self.maxFileBytes = maxFileBytes
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
