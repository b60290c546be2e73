/// A word, number or punctuation mark of a paragraph, with its Unicode-scalar offsets.
public struct WordToken: Sendable, Hashable {
    /// What kind of token this is.
    public enum Kind: Sendable, Hashable {
        case word, number, punctuation
    }

    /// The text as written, without a trailing possessive ('s) or trailing period.
    public var text: String
    /// `text` lowercased.
    public var lower: String
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// True when the word carried a possessive 's ("Saturday's", "Korea’s").
    public var possessive: Bool
    /// True when the first character is an uppercase letter.
    public var capitalized: Bool

    /// True when the token is one of the given punctuation marks.
    public func isPunctuation(_ marks: String) -> Bool {
        kind == .punctuation && marks.contains(text)
    }

    /// The integer value of a number token without a sign ("2018", "5th" → 5).
    public var integer: Int? {
        guard kind == .number else { return nil }
        var v = 0
        var digits = 0
        for u in text.utf8 {
            guard u >= 48, u <= 57 else { break }
            v = v * 10 + Int(u - 48)
            digits += 1
            if digits > 9 { return nil }
        }
        return digits > 0 ? v : nil
    }
}

/// Splits paragraph text into `WordToken`s without regular expressions.
///
/// Letters and digits form words; an apostrophe, a period or a hyphen between two letters or digits stays inside
/// the word ("U.S.", "eight-and-a-half", "2019-10-05"); a trailing period stays with a dotted word ("U.S.") and
/// is dropped from `text`. Everything else that is not white space is a one-character punctuation token.
public enum WordTokenizer {
    public static func tokenize(_ text: String) -> [WordToken] {
        tokenize(Array(text.unicodeScalars))
    }

    public static func tokenize(_ s: [Unicode.Scalar]) -> [WordToken] {
        var tokens: [WordToken] = []
        tokens.reserveCapacity(s.count / 5)
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            if isSpace(c) {
                i += 1
                continue
            }
            guard isAlnum(c) else {
                tokens.append(
                    WordToken(
                        text: String(Character(c)), lower: String(Character(c)), start: i, end: i + 1,
                        kind: .punctuation, possessive: false, capitalized: false))
                i += 1
                continue
            }
            let start = i
            var hasDot = false
            i += 1
            while i < n {
                let d = s[i]
                if isAlnum(d) {
                    i += 1
                    continue
                }
                if d == "." || d == "-" || d == "'" || d == "’", i + 1 < n, isAlnum(s[i + 1]) {
                    if d == "." { hasDot = true }
                    i += 2
                    continue
                }
                break
            }
            var end = i
            // "U.S." keeps its final period in the source span.
            if hasDot, i < n, s[i] == "." { end = i + 1 }
            var wordEnd = i
            var possessive = false
            if wordEnd - start > 2, s[wordEnd - 1] == "s" || s[wordEnd - 1] == "S",
                s[wordEnd - 2] == "'" || s[wordEnd - 2] == "’"
            {
                possessive = true
                wordEnd -= 2
            } else if wordEnd - start > 1, s[wordEnd - 1] == "'" || s[wordEnd - 1] == "’" {
                wordEnd -= 1
            }
            var view = String.UnicodeScalarView()
            var lowerView = String.UnicodeScalarView()
            var ascii = true
            for k in start..<wordEnd {
                let u = s[k]
                view.append(u)
                if u.value < 128 {
                    if u.value >= 65, u.value <= 90 {
                        lowerView.append(Unicode.Scalar(u.value + 32) ?? u)
                    } else {
                        lowerView.append(u)
                    }
                } else {
                    ascii = false
                }
            }
            let text = String(view)
            let lower = ascii ? String(lowerView) : text.lowercased()
            let first = s[start]
            let isNumber = first.value >= 48 && first.value <= 57
            tokens.append(
                WordToken(
                    text: text, lower: lower, start: start, end: end, kind: isNumber ? .number : .word,
                    possessive: possessive, capitalized: first.properties.isUppercase))
            i = end
        }
        return tokens
    }

    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{00A0}"
    }

    @inline(__always) static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 {
            let v = c.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }
}
