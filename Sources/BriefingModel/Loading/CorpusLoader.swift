import Foundation

/// Reads files and folders into articles. Bad input never stops a load: it becomes a warning.
public struct CorpusLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// Loads every article file under `paths` (files or folders, recursively), in a stable order.
    public func load(paths: [String]) -> LoadResult {
        var (files, result) = list(paths: paths)
        var ids = IDAllocator()
        for file in files {
            finish(parse(file: file.path, root: file.root), ids: &ids, into: &result)
        }
        return result
    }

    /// Same result as `load(paths:)`, with files read and parsed by `tasks` concurrent tasks;
    /// ids are handed out afterwards in file order, so they match the serial load exactly.
    public func loadParallel(paths: [String], tasks: Int = ProcessInfo.processInfo.activeProcessorCount) async
        -> LoadResult
    {
        let (files, listed) = list(paths: paths)
        var result = listed
        let chunk = max(1, (files.count + tasks * 8 - 1) / max(1, tasks * 8))
        let parsed = await withTaskGroup(of: (Int, [ParsedFile]).self) { group in
            var start = 0
            while start < files.count {
                let range = start..<min(files.count, start + chunk)
                group.addTask { (range.lowerBound, files[range].map { self.parse(file: $0.path, root: $0.root) }) }
                start = range.upperBound
            }
            var parts: [(Int, [ParsedFile])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        var ids = IDAllocator()
        for file in parsed { finish(file, ids: &ids, into: &result) }
        return result
    }

    /// The article files `load(paths:)` reads, in its order.
    public func articleFiles(paths: [String]) -> [String] {
        list(paths: paths).files.map(\.path)
    }

    /// Walks `paths`: the article files with the folder each was found in, and the warnings and skipped files.
    func list(paths: [String]) -> (files: [FoundFile], result: LoadResult) {
        var walker = FolderWalker(extensions: options.extensions)
        for path in paths { walker.add(path: path) }
        return (walker.files, LoadResult(warnings: walker.warnings, skipped: walker.skipped))
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
        finish(parse(bytes: bytes, path: path, base: Self.idBase(path: path, root: nil)), ids: &ids, into: &result)
        return result
    }

    // MARK: - Reading files

    /// One file read (and, unless it is `.jsonl`, parsed) before ids are handed out.
    enum ParsedFile: Sendable {
        /// A `.jsonl` file's decoded text: its lines are read in order later, since each takes an id.
        case jsonl(String, decoding: LoadResult, path: String, base: String)
        /// The article and warnings of a text file; `base` is the id base when the file decoded as text
        /// (and so takes an id, even when it holds no article), nil when it could not be read.
        case done(LoadResult, base: String?)
    }

    /// Reads one file; safe to call from any task.
    func parse(file path: String, root: String?) -> ParsedFile {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.readAll(path: path, limit: options.maxFileBytes)
        } catch {
            var part = LoadResult()
            part.warnings.append(LoadWarning(path: path, line: 1, message: error.description))
            return .done(part, base: nil)
        }
        return parse(bytes: bytes, path: path, base: Self.idBase(path: path, root: root))
    }

    /// Decodes a file's bytes and parses a text article (a `.jsonl` file is left for `finish`).
    func parse(bytes: [UInt8], path: String, base: String) -> ParsedFile {
        var part = LoadResult()
        switch TextDecoding.decode(bytes) {
        case .binary(let message):
            part.warnings.append(LoadWarning(path: path, line: 1, message: message))
            return .done(part, base: nil)
        case .text(let text, let warnings):
            for w in warnings { part.warnings.append(LoadWarning(path: path, line: w.line, message: w.message)) }
            if FolderWalker.pathExtension(path) == "jsonl" {
                return .jsonl(text, decoding: part, path: path, base: base)
            }
            parseText(text, path: path, id: base, into: &part)
            return .done(part, base: base)
        }
    }

    /// Hands out ids in file order and adds a parsed file to the result.
    func finish(_ file: ParsedFile, ids: inout IDAllocator, into result: inout LoadResult) {
        switch file {
        case .jsonl(let text, let decoding, let path, let base):
            result.warnings += decoding.warnings
            JSONLReader.read(text: text, path: path, idBase: base, options: options, ids: &ids, into: &result)
        case .done(var part, let base):
            if let base {
                let id = ids.allocate(base: base)
                for i in part.articles.indices { part.articles[i].id = id }
            }
            result.articles += part.articles
            result.warnings += part.warnings
        }
    }

    /// Parses front matter and body of one text article.
    func parseText(_ text: String, path: String, id: String, into result: inout LoadResult) {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
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
        if let ascii = asciiSlug(text, keepSlashes: keepSlashes) { return ascii }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "/" && keepSlashes {
                out.append(s)
            } else if s.value < 0x80
                ? (s.value >= 48 && s.value <= 57) || (s.value >= 65 && s.value <= 90)
                    || (s.value >= 97 && s.value <= 122)
                    || s == "-" || s == "_" || s == "."
                : CharacterSet.alphanumerics.contains(s)
            {
                out.append(s)
            } else {
                out.append("-")
            }
        }
        let id = String(out)
        return id.isEmpty ? "article" : id
    }
}

extension CorpusLoader {
    /// `slug` of an all-ASCII text, byte by byte (the usual file path); nil when the text has other characters.
    static func asciiSlug(_ text: String, keepSlashes: Bool) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            guard b < 0x80 else { return nil }
            let kept =
                (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 0x2D || b == 0x5F
                || b == 0x2E || (b == 0x2F && keepSlashes)
            out.append(kept ? b : 0x2D)
        }
        return out.isEmpty ? "article" : String(decoding: out, as: UTF8.self)
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
