import Foundation

/// Makes a title for an article without one: its first sentence, cut at a word boundary.
enum TitleGuesser {
    /// Longest title kept, in characters (an ellipsis marks a cut).
    static let limit = 80

    /// The first sentence of the first paragraph, cut to `limit`; the file name when there is no text.
    static func title(paragraphs: [Paragraph], path: String) -> String {
        guard let first = paragraphs.first?.text, !first.isEmpty else { return fileStem(path) }
        // Only the start matters: never scan a huge paragraph to its end.
        let head = String(first.prefix(limit * 4))
        return cut(firstSentence(head), to: limit)
    }

    /// The text up to the first sentence end that is not an initial or an abbreviation.
    static func firstSentence(_ text: String) -> String {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "." || c == "?" || c == "!" || c == "…" else {
                i += 1
                continue
            }
            // Closing quotes and brackets belong to the sentence.
            var end = i + 1
            while end < chars.count, closers.contains(chars[end]) { end += 1 }
            guard end < chars.count else { break }
            if chars[end].isWhitespace && (c != "." || !isAbbreviation(before: i, in: chars)) {
                return String(chars[..<end])
            }
            i = end
        }
        return text
    }

    private static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»"]

    /// "J." (an initial), "U.S." (dotted letters) and short capitalized words ("Mr.", "Gen.") do not end sentences.
    private static func isAbbreviation(before dot: Int, in chars: [Character]) -> Bool {
        var start = dot
        while start > 0, !chars[start - 1].isWhitespace { start -= 1 }
        let word = chars[start..<dot].filter { $0.isLetter || $0 == "." }
        guard let first = word.first else { return false }
        if word.contains(".") { return true }
        if word.count == 1 { return first.isUppercase }
        return first.isUppercase && word.count <= 3 && word.dropFirst().allSatisfy(\.isLowercase)
    }

    /// Cuts at a word boundary and adds an ellipsis when the text is longer than `limit` characters.
    static func cut(_ text: String, to limit: Int) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > limit else { return trimmed }
        let head = trimmed.prefix(max(1, limit - 1))
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) > limit / 2 {
            return String(head[..<space]).trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
        }
        return String(head) + "…"
    }

    /// The file name without folder and extension (for `.jsonl` articles, without the `:LINE` suffix).
    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
