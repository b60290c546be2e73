import Foundation

/// Splits an article body into paragraphs.
///
/// Blank lines separate paragraphs and hard-wrapped lines are joined with a space. A body with
/// no blank line at all (one paragraph per line, as scraped text often is) gets one paragraph per line.
enum ParagraphSplitter {
    static func split(_ body: Substring, firstLine: Int) -> [Paragraph] {
        var lines: [(text: Substring, line: Int)] = []
        var lineNo = firstLine
        var hasBlank = false
        var sawText = false
        var pendingBlank = false
        for raw in TextScan.lines(body) {
            var line = raw
            if line.last == "\r" { line = line.dropLast() }
            if TextScan.trimmingSpaces(line).isEmpty {
                if sawText { pendingBlank = true }
            } else {
                if pendingBlank { hasBlank = true }
                pendingBlank = false
                sawText = true
            }
            lines.append((line, lineNo))
            lineNo += 1
        }
        var paragraphs: [Paragraph] = []
        if !hasBlank {
            for (text, line) in lines {
                let t = clean(text)
                if !t.isEmpty { paragraphs.append(Paragraph(text: t, line: line)) }
            }
            return paragraphs
        }
        var current: [String] = []
        var start = 0
        func flush() {
            if !current.isEmpty {
                paragraphs.append(Paragraph(text: current.joined(separator: " "), line: start))
                current.removeAll(keepingCapacity: true)
            }
        }
        for (text, line) in lines {
            let t = clean(text)
            if t.isEmpty {
                flush()
                continue
            }
            // A Markdown heading stands alone.
            if isHeading(t) {
                flush()
                paragraphs.append(Paragraph(text: t, line: line))
                continue
            }
            if current.isEmpty { start = line }
            current.append(t)
        }
        flush()
        return paragraphs
    }

    /// A Markdown ATX heading: one to six `#` followed by a space or the end of the line.
    static func isHeading(_ text: String) -> Bool {
        let hashes = text.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return false }
        let rest = text.dropFirst(hashes)
        return rest.isEmpty || rest.first == " "
    }

    /// The text of a Markdown heading without its opening and closing `#` marks.
    static func headingText(_ text: String) -> String {
        var rest = Substring(text).drop(while: { $0 == "#" })
        rest = rest.drop(while: { $0 == " " })
        // A closing sequence of `#` counts only after a space ("# Title ##").
        let trimmedEnd = rest.reversed().drop(while: { $0 == "#" })
        if trimmedEnd.count < rest.count, trimmedEnd.first == " " || trimmedEnd.isEmpty {
            rest = rest.prefix(trimmedEnd.count)
        }
        return rest.trimmingCharacters(in: .whitespaces)
    }

    /// Trims surrounding white space and turns tabs and other control characters into spaces.
    static func clean(_ s: Substring) -> String {
        let trimmed = String(TextScan.trimmingSpaces(s))
        if !trimmed.utf8.contains(where: { $0 < 0x20 }) { return trimmed }
        return String(String.UnicodeScalarView(trimmed.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
    }
}
