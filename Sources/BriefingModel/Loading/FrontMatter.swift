import Foundation
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
        // Lines are found on the UTF-8 view: the text's line ends are already "\n", which is always a Character
        // of its own, so this splits where the Character view would, without grapheme breaking.
        let u = text.utf8
        var lines: [Substring] = []
        var idx = u.startIndex
        // Only look at the first line to confirm the opening fence.
        let firstEnd = u[idx...].firstIndex(of: 0x0A) ?? u.endIndex
        let opening = TextScan.trimmingSpaces(text[idx..<firstEnd])
        guard opening == "---" else { return (nil, text[...], 1, []) }
        idx = firstEnd < u.endIndex ? u.index(after: firstEnd) : firstEnd
        var lineNo = 2
        while idx < u.endIndex {
            let end = u[idx...].firstIndex(of: 0x0A) ?? u.endIndex
            let line = text[idx..<end]
            if Self.isFence(line) {
                let bodyStart = end < u.endIndex ? u.index(after: end) : end
                let (fm, warnings) = parse(lines: lines, firstLine: 2)
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
            idx = end < u.endIndex ? u.index(after: end) : end
        }
        return (nil, text[...], 1, [(1, "front matter opened with '---' is never closed; read as body text")])
    }

    /// A closing fence: `---` or `...` with white space around it.
    private static func isFence(_ line: Substring) -> Bool {
        // Most lines start with a key: skip the trim unless the line could be a fence.
        guard let b = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), b == 0x2D || b == 0x2E || b >= 0x80
        else { return false }
        let trimmed = TextScan.trimmingSpaces(line)
        return trimmed == "---" || trimmed == "..."
    }

    /// Parses the lines between the fences: simple `key: value` lines without the YAML library (see
    /// `FrontMatterFastPath`), anything else through it. Both give the same metadata and warnings.
    static func parse(lines: [Substring], firstLine: Int) -> (FrontMatter?, [(Int, String)]) {
        if let fast = FrontMatterFastPath.parse(lines: lines, firstLine: firstLine) { return fast }
        return parse(yaml: lines.joined(separator: "\n"), firstLine: firstLine)
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
            if key.lowercased() == "tags", value.scalar == nil {
                if let seq = value.sequence {
                    fm.tags = seq.compactMap { $0.scalar?.string }
                } else {
                    warnings.append((line, "front matter 'tags' should be a list"))
                }
                continue
            }
            fm.set(key: key, text: value.scalar?.string, kind: kindName(value), line: line, warnings: &warnings)
        }
        return (fm, warnings)
    }

    /// Sets the field `key` names from the text of a scalar value `s` (nil: the value is a `kind`, not a scalar)
    /// written on file line `line`; unknown keys are ignored.
    mutating func set(key: String, text s: String?, kind: String, line: Int, warnings: inout [(Int, String)]) {
        func scalarText() -> String? {
            if let s {
                return TextScan.trimmingSpaces(s).isEmpty ? nil : s
            }
            warnings.append((line, "front matter '\(key)' should be text, not a \(kind)"))
            return nil
        }
        switch key.lowercased() {
        case "title": title = scalarText()
        case "source": source = scalarText()
        case "url": url = scalarText()
        case "author": author = scalarText()
        case "date":
            if let s = scalarText() {
                if let d = Day(iso: s) {
                    date = d
                } else {
                    warnings.append((line, "front matter date '\(s)' is not a date (YYYY-MM-DD or ISO 8601)"))
                }
            }
        case "tags":
            if let s {
                tags = s.split(separator: ",").map { String(TextScan.trimmingSpaces($0)) }.filter { !$0.isEmpty }
            }
        default: break
        }
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
