import Foundation

/// A word of a text as search sees it: its folded form and where it stands in Unicode scalar offsets.
public struct SearchToken: Sendable, Hashable {
    /// The word folded (lowercase, no diacritics, no apostrophes, possessive `'s` dropped), not stemmed.
    public var word: String
    /// Offset of the first scalar of the word in the text.
    public var start: Int
    /// Offset just past the last scalar of the word (exclusive).
    public var end: Int

    public init(word: String, start: Int, end: Int) {
        self.word = word
        self.start = start
        self.end = end
    }
}

/// Splits text into folded words: the one tokenizer shared by the index and the query parser.
///
/// A word is a run of letters and digits (with combining marks); an apostrophe (straight, curly or modifier)
/// between two letters stays inside the word and is then dropped ("don’t" → "dont"), and a trailing
/// possessive "’s" is removed ("Kim’s" → "kim"). Everything else (spaces, hyphens, dots, quotation marks)
/// separates words. Folding lowercases and strips diacritics ("Pyeongyang", "Pyéongyang" → "pyeongyang").
public enum SearchText {
    /// The folded words of `text`, in order, with their scalar offsets.
    public static func tokenize(_ text: String) -> [SearchToken] {
        var tokens: [SearchToken] = []
        var current: [Unicode.Scalar] = []
        var start = 0
        var offset = 0
        var pendingApostrophe: Unicode.Scalar?

        func flush(at end: Int) {
            if !current.isEmpty, let word = fold(current) {
                tokens.append(SearchToken(word: word, start: start, end: end))
            }
            current.removeAll(keepingCapacity: true)
        }

        for s in text.unicodeScalars {
            if isWordScalar(s) {
                if current.isEmpty { start = offset }
                if let a = pendingApostrophe {
                    current.append(a)
                    pendingApostrophe = nil
                }
                current.append(s)
            } else if !current.isEmpty && isMark(s) {
                current.append(s)
            } else if !current.isEmpty && pendingApostrophe == nil && isApostrophe(s) {
                pendingApostrophe = s
            } else {
                // The word ended before any dangling apostrophe.
                flush(at: pendingApostrophe == nil ? offset : offset - 1)
                pendingApostrophe = nil
            }
            offset += 1
        }
        flush(at: pendingApostrophe == nil ? offset : offset - 1)
        return tokens
    }

    /// The folded words of `text`, without offsets.
    public static func words(_ text: String) -> [String] { tokenize(text).map(\.word) }

    /// True for the scalars that may stand inside a word as an apostrophe.
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27, 0x2019, 0x2018, 0x02BC, 0x2032, 0x60, 0xB4: return true
        default: return false
        }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    static func isMark(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x300 { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Folds the scalars of one word; nil when nothing is left.
    static func fold(_ scalars: [Unicode.Scalar]) -> String? {
        var ascii = true
        for s in scalars where s.value >= 0x80 {
            ascii = false
            break
        }
        var folded: String
        if ascii {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(scalars.count)
            for s in scalars {
                var v = UInt8(truncatingIfNeeded: s.value)
                if v == 0x27 || v == 0x60 { continue }
                if v >= 0x41 && v <= 0x5A { v += 0x20 }
                bytes.append(v)
            }
            folded = String(decoding: bytes, as: UTF8.self)
        } else {
            var raw = String.UnicodeScalarView()
            raw.append(contentsOf: scalars)
            let f = String(raw).folding(
                options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            var kept = String.UnicodeScalarView()
            for s in f.unicodeScalars where !isApostrophe(s) && !isMark(s) {
                kept.append(s)
            }
            folded = String(kept)
        }
        // Possessive: the scalars ended in apostrophe + "s" ("Kim’s"), the fold dropped the apostrophe.
        if scalars.count >= 3, isApostrophe(scalars[scalars.count - 2]),
            scalars[scalars.count - 1] == "s" || scalars[scalars.count - 1] == "S"
        {
            folded.removeLast()
        }
        return folded.isEmpty ? nil : folded
    }

    /// The form a folded word is matched by: its light stem (see `LightStemmer`).
    public static func key(_ word: String) -> String { LightStemmer.stem(word) }
}
