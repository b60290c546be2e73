import Yams

/// The metadata block (`---` YAML `---`) that may open an article file.
struct FrontMatter: Sendable, Hashable {
    var title: String?
    var date: Day?
    var source: String?
    var url: String?
    var author: String?
    var tags: [String] = []

    /// Longest front matter looked for, in lines.
    static let maxLines = 200

    /// Splits `text` into front matter and body. Problems are reported with file lines (1-based).
    /// - Returns: the metadata (nil when the file has none or it cannot be read), the body,
    ///   the 1-based line on which the body starts, and the warnings.
    static func split(_ text: String) -> (FrontMatter?, body: Substring, bodyLine: Int, warnings: [(Int, String)]) {
        guard text.hasPrefix("---") else { return (nil, text[...], 1, []) }
        var lines: [Substring] = []
        var idx = text.startIndex
        // Only look at the first line to confirm the opening fence.
        let firstEnd = text[idx...].firstIndex(of: "\n") ?? text.endIndex
        let opening = TextScan.trimmingSpaces(text[idx..<firstEnd])
        guard opening == "---" else { return (nil, text[...], 1, []) }
        idx = firstEnd < text.endIndex ? text.index(after: firstEnd) : firstEnd
        var lineNo = 2
        while idx < text.endIndex {
            let end = text[idx...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[idx..<end]
            let trimmed = TextScan.trimmingSpaces(line)
            if trimmed == "---" || trimmed == "..." {
                let bodyStart = end < text.endIndex ? text.index(after: end) : end
                let yaml = lines.joined(separator: "\n")
                let (fm, warnings) = parse(yaml: yaml, firstLine: 2)
                return (fm, text[bodyStart...], lineNo + 1, warnings)
            }
            lines.append(line)
            lineNo += 1
            if lineNo > maxLines + 1 {
                return (
                    nil, text[...], 1,
                    [(1, "front matter opened with '---' is not closed within \(maxLines) lines; read as body text")]
                )
            }
            idx = end < text.endIndex ? text.index(after: end) : end
        }
        return (nil, text[...], 1, [(1, "front matter opened with '---' is never closed; read as body text")])
    }

    static func parse(yaml: String, firstLine: Int) -> (FrontMatter?, [(Int, String)]) {
        if NestingGuard.yamlDepth(yaml) > NestingGuard.limit {
            return (nil, [(firstLine, "front matter nests deeper than \(NestingGuard.limit) levels; not read")])
        }
        if let aliasLine = YAMLAliasScanner.firstAliasLine(yaml) {
            return (nil, [(firstLine + aliasLine - 1, "front matter uses a YAML alias (*name); not read")])
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return (nil, [(firstLine + yamlLine(error), "front matter is not valid YAML: \(yamlMessage(error))")])
        } catch {
            return (nil, [(firstLine, "front matter is not valid YAML: \(error)")])
        }
        guard let node else { return (FrontMatter(), []) }
        guard let mapping = node.mapping else {
            return (nil, [(firstLine, "front matter must be a mapping of keys to values")])
        }
        var fm = FrontMatter()
        var warnings: [(Int, String)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let line = firstLine + (keyNode.mark?.line ?? 1) - 1
            func scalarText() -> String? {
                if let s = value.scalar?.string {
                    return s.trimmingCharacters(in: .whitespaces).isEmpty ? nil : s
                }
                warnings.append((line, "front matter '\(key)' should be text, not a \(kindName(value))"))
                return nil
            }
            switch key.lowercased() {
            case "title": fm.title = scalarText()
            case "source": fm.source = scalarText()
            case "url": fm.url = scalarText()
            case "author": fm.author = scalarText()
            case "date":
                if let s = scalarText() {
                    if let d = Day(iso: s) {
                        fm.date = d
                    } else {
                        warnings.append((line, "front matter date '\(s)' is not a date (YYYY-MM-DD or ISO 8601)"))
                    }
                }
            case "tags":
                if let seq = value.sequence {
                    fm.tags = seq.compactMap { $0.scalar?.string }
                } else if let s = value.scalar?.string {
                    fm.tags = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                        !$0.isEmpty
                    }
                } else {
                    warnings.append((line, "front matter 'tags' should be a list"))
                }
            default: break
            }
        }
        return (fm, warnings)
    }

    private static func kindName(_ node: Node) -> String {
        switch node {
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .scalar: return "scalar"
        case .alias: return "alias"
        }
    }

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return max(0, mark.line - 1)
        default: return 0
        }
    }

    private static func yamlMessage(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return String(describing: error).split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}
