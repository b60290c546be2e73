import Foundation

/// Reads files and folders into articles. Bad input never stops a load: it becomes a warning.
public struct CorpusLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// Loads every article file under `paths` (files or folders, recursively), in a stable order.
    public func load(paths: [String]) -> LoadResult {
        var walker = FolderWalker(extensions: options.extensions)
        for path in paths { walker.add(path: path) }
        var result = LoadResult(warnings: walker.warnings, skipped: walker.skipped)
        var ids = IDAllocator()
        for file in walker.files {
            load(file: file.path, root: file.root, ids: &ids, into: &result)
        }
        return result
    }

    /// Loads one article from text already in memory (used by tests and tools).
    public func load(text: String, path: String) -> LoadResult {
        var result = LoadResult()
        var ids = IDAllocator()
        let id = ids.allocate(base: Self.idBase(path: path, root: nil))
        parseText(TextDecoding.normalizeLineEnds(text), path: path, id: id, into: &result)
        return result
    }

    /// Loads articles from bytes already in memory, as if read from a file at `path` (used by the fuzzer).
    public func load(bytes: [UInt8], path: String) -> LoadResult {
        var result = LoadResult()
        var ids = IDAllocator()
        decodeAndParse(bytes, path: path, base: Self.idBase(path: path, root: nil), ids: &ids, into: &result)
        return result
    }

    // MARK: - Reading files

    private func load(file path: String, root: String?, ids: inout IDAllocator, into result: inout LoadResult) {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.readAll(path: path, limit: options.maxFileBytes)
        } catch {
            result.warnings.append(LoadWarning(path: path, line: 1, message: error.description))
            return
        }
        decodeAndParse(bytes, path: path, base: Self.idBase(path: path, root: root), ids: &ids, into: &result)
    }

    private func decodeAndParse(
        _ bytes: [UInt8], path: String, base: String, ids: inout IDAllocator, into result: inout LoadResult
    ) {
        switch TextDecoding.decode(bytes) {
        case .binary(let message):
            result.warnings.append(LoadWarning(path: path, line: 1, message: message))
        case .text(let text, let warnings):
            for w in warnings { result.warnings.append(LoadWarning(path: path, line: w.line, message: w.message)) }
            if FolderWalker.pathExtension(path) == "jsonl" {
                JSONLReader.read(text: text, path: path, idBase: base, options: options, ids: &ids, into: &result)
            } else {
                parseText(text, path: path, id: ids.allocate(base: base), into: &result)
            }
        }
    }

    /// Parses front matter and body of one text article.
    func parseText(_ text: String, path: String, id: String, into result: inout LoadResult) {
        if text.allSatisfy({ $0.isWhitespace }) {
            result.warnings.append(
                LoadWarning(path: path, line: 1, message: text.isEmpty ? "empty file" : "file holds only white space"))
            return
        }
        let (front, body, bodyLine, fmWarnings) = FrontMatter.split(text)
        for w in fmWarnings { result.warnings.append(LoadWarning(path: path, line: w.0, message: w.1)) }
        var paragraphs = ParagraphSplitter.split(body, firstLine: bodyLine)
        var title = front?.title
        if let first = paragraphs.first, first.text.hasPrefix("# ") {
            // A top-level heading opening the body is the title unless front matter gave one.
            let heading = ParagraphSplitter.headingText(first.text)
            if title == nil, !heading.isEmpty { title = TitleGuesser.cut(heading, to: 200) }
            paragraphs.removeFirst()
        }
        if paragraphs.isEmpty {
            result.warnings.append(LoadWarning(path: path, line: bodyLine, message: "article has no body text"))
        }
        let article = Article(
            id: id, path: path, title: title ?? TitleGuesser.title(paragraphs: paragraphs, path: path),
            date: front?.date ?? options.defaultDate, source: front?.source, url: front?.url, author: front?.author,
            tags: front?.tags ?? [], paragraphs: paragraphs)
        result.articles.append(article)
    }

    /// The id base for a file: its path below the folder it was found in, without extension.
    static func idBase(path: String, root: String?) -> String {
        var rel = path
        if let root {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if path.hasPrefix(prefix) { rel = String(path.dropFirst(prefix.count)) }
        } else {
            rel = (path as NSString).lastPathComponent
        }
        return slug(FolderWalker.removingExtension(rel), keepSlashes: true)
    }

    /// Letters, digits, `-`, `_` and `.` kept; anything else becomes `-`; never empty.
    static func slug(_ text: String, keepSlashes: Bool) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "/" && keepSlashes {
                out.append(s)
            } else if CharacterSet.alphanumerics.contains(s) || s == "-" || s == "_" || s == "." {
                out.append(s)
            } else {
                out.append("-")
            }
        }
        let id = String(out)
        return id.isEmpty ? "article" : id
    }
}

/// Hands out unique article ids: a repeated base gets `-2`, `-3`, ….
struct IDAllocator {
    private var used: [String: Int] = [:]

    mutating func allocate(base: String) -> String {
        if let n = used[base] {
            var k = n + 1
            while used["\(base)-\(k)"] != nil { k += 1 }
            used[base] = k
            let id = "\(base)-\(k)"
            used[id] = 1
            return id
        }
        used[base] = 1
        return base
    }
}
