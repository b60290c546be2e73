import Foundation

/// Reads `.jsonl` text: one article per line with `title`, `date`, `source`, `url`, `author`, `tags`,
/// `id` and `text` or `body`. A bad line is reported and skipped; the other lines still load.
enum JSONLReader {
    static func read(
        text: String, path: String, idBase: String, options: LoadOptions, ids: inout IDAllocator,
        into result: inout LoadResult
    ) {
        var lineNo = 0
        var any = false
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNo += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            any = true
            var warnings: [String] = []
            if let article = article(
                line: Data(line), lineNo: lineNo, path: path, idBase: idBase, options: options, ids: &ids,
                warnings: &warnings)
            {
                result.articles.append(article)
            }
            for w in warnings { result.warnings.append(LoadWarning(path: path, line: lineNo, message: w)) }
        }
        if !any {
            result.warnings.append(
                LoadWarning(path: path, line: 1, message: text.isEmpty ? "empty file" : "file holds only white space"))
        }
    }

    private static func article(
        line: Data, lineNo: Int, path: String, idBase: String, options: LoadOptions, ids: inout IDAllocator,
        warnings: inout [String]
    ) -> Article? {
        if NestingGuard.jsonDepth(line) > NestingGuard.limit {
            warnings.append("line nests deeper than \(NestingGuard.limit) levels; skipped")
            return nil
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: line)
        } catch {
            warnings.append("line is not valid JSON; skipped")
            return nil
        }
        guard let object = parsed as? [String: Any] else {
            warnings.append("line is not a JSON object; skipped")
            return nil
        }
        func string(_ key: String) -> String? {
            guard let v = object[key], !(v is NSNull) else { return nil }
            if let s = v as? String {
                return s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : s
            }
            warnings.append("'\(key)' should be a string; ignored")
            return nil
        }
        guard let body = string("text") ?? string("body") else {
            warnings.append("article has no 'text' or 'body'; skipped")
            return nil
        }
        var date: Day?
        if let d = string("date") {
            date = Day(iso: d)
            if date == nil { warnings.append("date '\(d)' is not a date (YYYY-MM-DD or ISO 8601)") }
        }
        // Every paragraph of a JSON line stands on that line of the file.
        let paragraphs = ParagraphSplitter.split(Substring(TextDecoding.normalizeLineEnds(body)), firstLine: 1).map {
            var p = $0
            p.line = lineNo
            return p
        }
        let location = "\(path):\(lineNo)"
        let title = string("title") ?? TitleGuesser.title(paragraphs: paragraphs, path: location)
        var tags: [String] = []
        if let raw = object["tags"], !(raw is NSNull) {
            if let list = raw as? [Any] {
                tags = list.compactMap { $0 as? String }
            } else if let s = raw as? String {
                tags = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } else {
                warnings.append("'tags' should be a list of strings; ignored")
            }
        }
        let ownID: String?
        if let s = object["id"] as? String, !s.isEmpty {
            ownID = CorpusLoader.slug(s, keepSlashes: false)
        } else if let n = object["id"] as? Int {
            ownID = String(n)
        } else {
            ownID = nil
        }
        return Article(
            id: ids.allocate(base: "\(idBase)/\(ownID ?? String(lineNo))"), path: location, title: title,
            date: date ?? options.defaultDate, source: string("source"), url: string("url"), author: string("author"),
            tags: tags, paragraphs: paragraphs)
    }
}
