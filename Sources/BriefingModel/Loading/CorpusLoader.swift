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
        for (path, root) in files {
            load(file: path, root: root, ids: &ids, into: &result)
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
        for file in parsed {
            switch file {
            case .jsonl(let bytes, let path, let base):
                JSONLReader.read(bytes: bytes, path: path, idBase: base, options: options, ids: &ids, into: &result)
            case .done(var part, let base):
                if let base {
                    let id = ids.allocate(base: base)
                    for i in part.articles.indices { part.articles[i].id = id }
                }
                result.articles += part.articles
                result.warnings += part.warnings
            }
        }
        return result
    }

    /// The article files `load(paths:)` reads, in its order.
    public func articleFiles(paths: [String]) -> [String] {
        list(paths: paths).files.map(\.path)
    }

    /// Walks `paths`: the article files with the folder each was found in, and the warnings and skipped files.
    private func list(paths: [String]) -> (files: [(path: String, root: String?)], result: LoadResult) {
        var result = LoadResult()
        var files: [(path: String, root: String?)] = []
        var visitedDirs = Set<String>()
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                result.warnings.append(LoadWarning(path: path, line: 0, message: "no such file or folder"))
                continue
            }
            if isDir.boolValue {
                collect(folder: path, root: path, into: &files, result: &result, visited: &visitedDirs)
            } else {
                files.append((path, nil))
            }
        }
        return (files, result)
    }

    /// Loads one article from text already in memory (used by tests and tools).
    public func load(text: String, path: String) -> LoadResult {
        var result = LoadResult()
        var ids = IDAllocator()
        let id = ids.allocate(base: Self.idBase(path: path, root: nil))
        parseText(text, path: path, id: id, into: &result)
        return result
    }

    // MARK: - Walking folders

    private func collect(
        folder: String, root: String, into files: inout [(path: String, root: String?)], result: inout LoadResult,
        visited: inout Set<String>
    ) {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            result.warnings.append(
                LoadWarning(path: folder, line: 0, message: "folder already read (symbolic link loop?); skipped"))
            return
        }
        let fm = FileManager.default
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            result.warnings.append(
                LoadWarning(path: folder, line: 0, message: "cannot read folder: \(Self.reason(error))"))
            return
        }
        for name in names {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if name.hasPrefix(".") {
                result.skipped.append(path)
                continue
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                result.warnings.append(LoadWarning(path: path, line: 0, message: "broken symbolic link; skipped"))
                continue
            }
            if isDir.boolValue {
                collect(folder: path, root: root, into: &files, result: &result, visited: &visited)
            } else if options.extensions.contains((name as NSString).pathExtension.lowercased()) {
                files.append((path, root))
            } else {
                result.skipped.append(path)
            }
        }
    }

    // MARK: - Reading files

    private func load(file path: String, root: String?, ids: inout IDAllocator, into result: inout LoadResult) {
        switch parse(file: path, root: root) {
        case .jsonl(let bytes, let path, let base):
            JSONLReader.read(bytes: bytes, path: path, idBase: base, options: options, ids: &ids, into: &result)
        case .done(var part, let base):
            if let base {
                let id = ids.allocate(base: base)
                for i in part.articles.indices { part.articles[i].id = id }
            }
            result.articles += part.articles
            result.warnings += part.warnings
        }
    }

    /// One file read (and, unless it is `.jsonl`, parsed) before ids are handed out.
    enum ParsedFile: Sendable {
        /// A `.jsonl` file's bytes: its lines are read in order later, since each takes an id.
        case jsonl([UInt8], path: String, base: String)
        /// The article and warnings of a text file; `base` is the id base when the file decoded as text
        /// (and so takes an id, even when it holds no article), nil when it could not be read.
        case done(LoadResult, base: String?)
    }

    /// Reads one file; safe to call from any task.
    func parse(file path: String, root: String?) -> ParsedFile {
        var part = LoadResult()
        let bytes: [UInt8]
        do {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CocoaError(.fileReadNoPermission)
            }
            defer { try? handle.close() }
            bytes = Array(try handle.readToEnd() ?? Data())
        } catch {
            part.warnings.append(LoadWarning(path: path, line: 0, message: "cannot read file: \(Self.reason(error))"))
            return .done(part, base: nil)
        }
        let base = Self.idBase(path: path, root: root)
        if (path as NSString).pathExtension.lowercased() == "jsonl" {
            return .jsonl(bytes, path: path, base: base)
        }
        switch TextDecoding.decode(bytes) {
        case .binary(let message):
            part.warnings.append(LoadWarning(path: path, line: 0, message: message))
            return .done(part, base: nil)
        case .text(let text, let warnings):
            for w in warnings { part.warnings.append(LoadWarning(path: path, line: w.line, message: w.message)) }
            parseText(text, path: path, id: base, into: &part)
            return .done(part, base: base)
        }
    }

    /// Parses front matter and body of one text article.
    func parseText(_ text: String, path: String, id: String, into result: inout LoadResult) {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            result.warnings.append(
                LoadWarning(path: path, line: 0, message: text.isEmpty ? "empty file" : "file holds only white space"))
            return
        }
        let (front, body, bodyLine, fmWarnings) = FrontMatter.split(text)
        for w in fmWarnings { result.warnings.append(LoadWarning(path: path, line: w.0, message: w.1)) }
        var paragraphs = ParagraphSplitter.split(body, firstLine: bodyLine)
        var title = front?.title
        if title == nil, let first = paragraphs.first, first.text.hasPrefix("# ") {
            title = String(first.text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            paragraphs.removeFirst()
        }
        if paragraphs.isEmpty {
            result.warnings.append(
                LoadWarning(path: path, line: bodyLine, message: "article has no text after its front matter"))
        }
        let article = Article(
            id: id, path: path, title: title ?? Self.fallbackTitle(paragraphs, path: path),
            date: front?.date ?? options.defaultDate, source: front?.source, url: front?.url, author: front?.author,
            tags: front?.tags ?? [], paragraphs: paragraphs)
        result.articles.append(article)
    }

    /// The first sentence of the text, cut at a word boundary; the file name when there is no text.
    static func fallbackTitle(_ paragraphs: [Paragraph], path: String) -> String {
        guard let first = paragraphs.first?.text else {
            return ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        var sentence = Substring(first)
        // End at the first ". " that is not an initial or abbreviation.
        var i = first.startIndex
        while let dot = first[i...].firstIndex(where: { $0 == "." || $0 == "?" || $0 == "!" }) {
            let next = first.index(after: dot)
            if next == first.endIndex { break }
            let wordStart = first[..<dot].lastIndex(of: " ").map { first.index(after: $0) } ?? first.startIndex
            let word = first[wordStart..<dot]
            if first[next] == " " && word.count > 3 {
                sentence = first[..<next]
                break
            }
            i = next
        }
        return cut(String(sentence), to: 80)
    }

    /// Cuts at a word boundary and adds an ellipsis when the text is longer than `limit` characters.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit - 1)
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) > limit / 2 {
            return String(head[..<space]).trimmingCharacters(in: .punctuationCharacters) + "…"
        }
        return String(head) + "…"
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
        let noExt = (rel as NSString).deletingPathExtension
        let slug = noExt.unicodeScalars.map { s -> Character in
            if s == "/" { return "/" }
            if CharacterSet.alphanumerics.contains(s) || s == "-" || s == "_" || s == "." { return Character(s) }
            return "-"
        }
        let id = String(slug)
        return id.isEmpty ? "article" : id
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        if ns.domain == NSCocoaErrorDomain && ns.code == CocoaError.fileReadNoPermission.rawValue {
            return "permission denied"
        }
        return ns.localizedDescription
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
