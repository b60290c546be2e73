import Foundation

/// Text helpers for agendas: slugs, content words and a light stemmer that folds inflections
/// (denuclearization/denuclearize, repatriation/repatriate, remains/remain).
enum AgendaText {
    /// Lowercase ASCII letters and digits joined by single hyphens.
    static func slug(_ s: String) -> String {
        var out = ""
        var dash = false
        for c in s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).unicodeScalars {
            if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                if dash && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(c)
                dash = false
            } else if c >= "A" && c <= "Z" {
                if dash && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(Unicode.Scalar(c.value + 32) ?? c)
                dash = false
            } else if c != "'" && c != "’" {
                dash = true
            }
        }
        return out.isEmpty ? "x" : out
    }

    /// Lowercased words of `s` (letters, digits, inner hyphens and slashes kept).
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for c in s.lowercased().unicodeScalars {
            if Tokenizer.isLetterOrDigit(c) || ((c == "-" || c == "/") && !cur.isEmpty) {
                cur.unicodeScalars.append(c)
            } else {
                if !cur.isEmpty { out.append(cur.trimmingCharacters(in: CharacterSet(charactersIn: "-/"))) }
                cur = ""
            }
        }
        if !cur.isEmpty { out.append(cur.trimmingCharacters(in: CharacterSet(charactersIn: "-/"))) }
        return out.filter { !$0.isEmpty }
    }

    /// A stem that folds common derivational and inflectional endings.
    static func stem(_ w: String) -> String {
        var s = w
        let rules: [(String, String)] = [
            ("izations", ""), ("ization", ""), ("isations", ""), ("isation", ""), ("izing", ""), ("ized", ""),
            ("izes", ""),
            ("ize", ""), ("ations", ""), ("ation", ""), ("ating", ""), ("ated", ""), ("ates", ""), ("ate", ""),
            ("ies", "y"),
            ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
        ]
        for (suffix, repl) in rules where s.hasSuffix(suffix) && s.count - suffix.count >= 4 {
            s = String(s.dropLast(suffix.count)) + repl
            break
        }
        return s
    }

    static let suffixRules: [([Unicode.Scalar], [Unicode.Scalar])] = [
        ("izations", ""), ("ization", ""), ("isations", ""), ("isation", ""), ("izing", ""), ("ized", ""), ("izes", ""),
        ("ize", ""), ("ations", ""), ("ation", ""), ("ating", ""), ("ated", ""), ("ates", ""), ("ate", ""),
        ("ies", "y"),
        ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
    ].map { (Array($0.0.unicodeScalars), Array($0.1.unicodeScalars)) }

    /// `words(text).map(stem)` hashed with `TokenHash`, without building strings (the tagging hot path).
    static func stemHashes(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        var buf: [Unicode.Scalar] = []
        buf.reserveCapacity(32)
        func flush() {
            while let last = buf.last, last == "-" || last == "/" { buf.removeLast() }
            guard !buf.isEmpty else { return }
            var end = buf.count
            var tail: [Unicode.Scalar] = []
            for (suffix, repl) in suffixRules
            where end - suffix.count >= 4 && buf[(end - suffix.count)...].elementsEqual(suffix) {
                end -= suffix.count
                tail = repl
                break
            }
            var h = TokenHash.seed
            for i in 0..<end { h = TokenHash.combine(h, buf[i]) }
            for c in tail { h = TokenHash.combine(h, c) }
            out.append(h)
            buf.removeAll(keepingCapacity: true)
        }
        for c in text.unicodeScalars {
            let v = c.value
            if v < 128 {
                if v >= 65 && v <= 90 {
                    buf.append(Unicode.Scalar(v + 32) ?? c)
                } else if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) {
                    buf.append(c)
                } else if (c == "-" || c == "/") && !buf.isEmpty {
                    buf.append(c)
                } else {
                    flush()
                }
            } else if Tokenizer.isLetterOrDigit(c) {
                buf.append(c.properties.lowercaseMapping.unicodeScalars.first ?? c)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// Function words and generic words that never tag a passage by themselves.
    static let stopwords: Set<String> = [
        "the", "a", "an", "of", "on", "in", "to", "and", "or", "for", "with", "between", "two", "both", "its", "their",
        "his", "her", "new", "all", "by", "from", "at", "as", "that", "this", "these", "those", "be", "is", "are",
        "was",
        "were", "including", "immediate", "already", "those", "toward", "work", "build", "establish", "accordance",
        "desire", "peoples", "countries", "country", "complete", "commitment", "initiation",
    ]
}
