import Foundation

/// Reads `.jsonl` files: one article per line with `title`, `date`, `source`, `url`, `text` or `body`.
enum JSONLReader {
    static func read(
        bytes: [UInt8], path: String, idBase: String, options: LoadOptions, ids: inout IDAllocator,
        into result: inout LoadResult
    ) {
        var lineNo = 0
        var start = 0
        var any = false
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lineNo += 1
            let lineBytes = bytes[start..<end]
            start = end + 1
            if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                if end == bytes.count { break }
                continue
            }
            any = true
            let where_ = "\(path):\(lineNo)"
            let object: [String: Any]
            do {
                guard let o = try JSONSerialization.jsonObject(with: Data(lineBytes)) as? [String: Any] else {
                    result.warnings.append(
                        LoadWarning(path: path, line: lineNo, message: "line is not a JSON object; skipped"))
                    continue
                }
                object = o
            } catch {
                result.warnings.append(
                    LoadWarning(path: path, line: lineNo, message: "line is not valid JSON; skipped"))
                continue
            }
            func string(_ key: String) -> String? {
                guard let v = object[key], !(v is NSNull) else { return nil }
                if let s = v as? String { return s.isEmpty ? nil : s }
                result.warnings.append(
                    LoadWarning(path: path, line: lineNo, message: "'\(key)' should be a string; ignored"))
                return nil
            }
            guard let text = string("text") ?? string("body") else {
                result.warnings.append(
                    LoadWarning(path: path, line: lineNo, message: "article has no 'text' or 'body'; skipped"))
                continue
            }
            var date: Day?
            if let d = string("date") {
                date = Day(iso: d)
                if date == nil {
                    result.warnings.append(
                        LoadWarning(
                            path: path, line: lineNo, message: "date '\(d)' is not a date (YYYY-MM-DD or ISO 8601)"))
                }
            }
            let paragraphs = ParagraphSplitter.split(Substring(text), firstLine: lineNo)
            let title = string("title") ?? CorpusLoader.fallbackTitle(paragraphs, path: path)
            let tags = (object["tags"] as? [Any])?.compactMap { $0 as? String } ?? []
            let base = (object["id"] as? String).map { idBase + "/" + $0 } ?? "\(idBase)/\(lineNo)"
            result.articles.append(
                Article(
                    id: ids.allocate(base: base), path: where_, title: title, date: date ?? options.defaultDate,
                    source: string("source"), url: string("url"), author: string("author"), tags: tags,
                    paragraphs: paragraphs))
            if end == bytes.count { break }
        }
        if !any {
            result.warnings.append(LoadWarning(path: path, line: 0, message: "empty file"))
        }
    }
}
