import Foundation

/// Text helpers for agendas: slugs, content words and a light stemmer that folds inflections
/// (denuclearization/denuclearize, repatriation/repatriate, remains/remain).
enum AgendaText {
    /// Lowercase ASCII letters and digits joined by single hyphens.
    static func slug(_ s: String) -> String {
        asciiSlug(s) ?? unicodeSlug(s)
    }

    /// `slug` for any text, with Foundation's folding.
    static func unicodeSlug(_ s: String) -> String {
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

    /// `slug` for ASCII text (folding changes nothing there but case), without Foundation; nil for other text.
    static func asciiSlug(_ s: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var dash = false
        for b in s.utf8 {
            guard b < 128 else { return nil }
            let c = b >= 65 && b <= 90 ? b + 32 : b
            if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) {
                if dash && !out.isEmpty { out.append(45) }
                out.append(c)
                dash = false
            } else if c != 39 {
                dash = true
            }
        }
        return out.isEmpty ? "x" : String(decoding: out, as: UTF8.self)
    }

    /// Lowercased words of `s` (letters, digits, inner hyphens and slashes kept).
    static func words(_ s: String) -> [String] {
        asciiWords(s) ?? unicodeWords(s)
    }

    /// `words` for any text, with Foundation's lowercasing. A word starts with a letter or digit, so only its end
    /// can hold hyphens and slashes to trim (trimmed by hand: Foundation's trimming with a `CharacterSet`
    /// built for each word was 1.5% of the instructions of a whole `extract`).
    static func unicodeWords(_ s: String) -> [String] {
        var out: [String] = []
        var cur = String.UnicodeScalarView()
        /// Ends the current word, without its trailing hyphens and slashes.
        func endWord() {
            while let last = cur.last, last == "-" || last == "/" { cur.removeLast() }
            if !cur.isEmpty { out.append(String(cur)) }
            cur = String.UnicodeScalarView()
        }
        for c in s.lowercased().unicodeScalars {
            if Tokenizer.isLetterOrDigit(c) || ((c == "-" || c == "/") && !cur.isEmpty) {
                cur.append(c)
            } else {
                endWord()
            }
        }
        endWord()
        return out
    }

    /// `words` for ASCII text, and for text whose other scalars are all General Punctuation (curly quotes and
    /// apostrophes, dashes: separators), without Foundation's lowercasing and trimming; nil for other text.
    static func asciiWords(_ s: String) -> [String]? {
        var s = s
        return s.withUTF8 { bytes -> [String]? in
            // Kept in the closure (with `endWord`): captured from outside it, they were boxed, and every access
            // checked for exclusivity.
            var out: [String] = []
            var cur: [UInt8] = []
            /// Ends the current word (it starts with a letter or digit), without its trailing hyphens and slashes.
            func endWord() {
                guard !cur.isEmpty else { return }
                while cur.last == 45 || cur.last == 47 { cur.removeLast() }
                out.append(String(decoding: cur, as: UTF8.self))
                cur.removeAll(keepingCapacity: true)
            }
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                guard b < 128 else {
                    guard isGeneralPunctuation(bytes, i) else { return nil }
                    endWord()
                    i += 3
                    continue
                }
                let c = b >= 65 && b <= 90 ? b + 32 : b
                if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || ((c == 45 || c == 47) && !cur.isEmpty) {
                    cur.append(c)
                } else {
                    endWord()
                }
                i += 1
            }
            endWord()
            return out
        }
    }

    /// The scalars of the General Punctuation block (spaces, dashes, curly quotes and apostrophes, ellipsis):
    /// none is a letter or a digit (`isLetterOrDigit`), and none has a lowercase of its own, so the ASCII paths
    /// read them as the general ones do, as separators (a test checks every scalar of the block).
    static var generalPunctuation: Range<UInt32> { 0x2000..<0x2070 }

    /// Whether the scalar whose UTF-8 starts at `bytes[i]` is General Punctuation (three bytes, E2 80 80 to
    /// E2 81 AF).
    @inline(__always) static func isGeneralPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80
        else { return false }
        let v = 0x2000 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        return generalPunctuation.contains(v)
    }

    /// `words(s).joined(separator: " ")` and the number of words, without a string per word when `s` is ASCII
    /// (General Punctuation aside, as `asciiWords` reads it).
    static func wordKey(_ s: String) -> (key: String, words: Int) {
        var s = s
        let ascii = s.withUTF8 { utf8 -> (key: String, words: Int)? in
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            var words = 0
            var wordStart = -1
            /// Ends the current word: drops its trailing hyphens and slashes, and the word when nothing is left.
            func endWord() {
                guard wordStart >= 0 else { return }
                while out.count > wordStart, out[out.count - 1] == 45 || out[out.count - 1] == 47 { out.removeLast() }
                if out.count > wordStart {
                    words += 1
                } else if wordStart > 0 {
                    out.removeLast()  // the separating space
                }
                wordStart = -1
            }
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                guard b < 128 else {
                    guard isGeneralPunctuation(utf8, i) else { return nil }
                    endWord()
                    i += 3
                    continue
                }
                let letter = (b >= 97 && b <= 122) || (b >= 48 && b <= 57)
                if letter || (b >= 65 && b <= 90) {
                    if wordStart < 0 {
                        if !out.isEmpty { out.append(32) }
                        wordStart = out.count
                    }
                    out.append(letter ? b : b + 32)
                } else if (b == 45 || b == 47) && wordStart >= 0 {
                    out.append(b)
                } else {
                    endWord()
                }
                i += 1
            }
            endWord()
            return (String(decoding: out, as: UTF8.self), words)
        }
        if let ascii { return ascii }
        let list = words(s)
        return (list.joined(separator: " "), list.count)
    }

    /// A stem that folds common derivational and inflectional endings.
    static func stem(_ w: String) -> String {
        if let stemmed = asciiStem(w) { return stemmed }
        var s = w
        for (suffix, repl) in stemRules where s.hasSuffix(suffix) && s.count - suffix.count >= 4 {
            s = String(s.dropLast(suffix.count)) + repl
            break
        }
        return s
    }

    /// The suffixes `stem` takes off (the first that fits), each with what replaces it.
    static let stemRules: [(String, String)] = [
        ("izations", ""), ("ization", ""), ("isations", ""), ("isation", ""), ("izing", ""), ("ized", ""), ("izes", ""),
        ("ize", ""), ("ations", ""), ("ation", ""), ("ating", ""), ("ated", ""), ("ates", ""), ("ate", ""),
        ("ies", "y"),
        ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
    ]

    /// `stemRules` as bytes.
    static let asciiStemRules: [([UInt8], [UInt8])] = stemRules.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// `stem` for ASCII without a carriage return (a character is then a byte), on the bytes; nil for other text.
    static func asciiStem(_ w: String) -> String? {
        var w = w
        return w.withUTF8 { b -> String? in
            guard !b.contains(where: { $0 >= 128 || $0 == 13 }) else { return nil }
            for (suffix, repl) in asciiStemRules
            where b.count - suffix.count >= 4 && b.suffix(suffix.count).elementsEqual(suffix) {
                return String(decoding: b[..<(b.count - suffix.count)], as: UTF8.self)
                    + String(decoding: repl, as: UTF8.self)
            }
            return String(decoding: b, as: UTF8.self)
        }
    }

    /// `stemRules` as scalars.
    static let suffixRules: [([Unicode.Scalar], [Unicode.Scalar])] = stemRules.map {
        (Array($0.0.unicodeScalars), Array($0.1.unicodeScalars))
    }

    /// `words(text).map(stem)` hashed with `TokenHash`, without building strings (the tagging hot path).
    static func stemHashes(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        stemHashes(text, into: &out)
        return out
    }

    /// The same into `out` (emptied first), reusing its storage (`forEachStemHash` tells how words are read).
    static func stemHashes(_ text: String, into out: inout [UInt64]) {
        stemHashes(text, bytes: nil, into: &out)
    }

    /// The same for the words of the UTF-8 byte range `range` of `text` (all of it when nil). A range that
    /// starts and ends at a space (or at the text's ends) holds the same words as the whole text holds there.
    ///
    /// With `prefixes`, an ASCII word whose first letters start none of the stems it holds is not stemmed: its
    /// place holds `skipped` (a vocabulary look-up needs only the stems it knows, at their word positions).
    static func stemHashes(
        _ text: String, bytes range: Range<Int>?, into out: inout [UInt64], prefixes: StemPrefixes? = nil
    ) {
        out.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { whole in
            let bytes = range.map { UnsafeBufferPointer(rebasing: whole[$0]) } ?? whole
            forEachStemHash(in: bytes, prefixes: prefixes) { out.append($0) }
        }
    }

    /// Calls `body` with the stem hash of each word of `bytes`, in order: the list `stemHashes` makes, for a
    /// caller that keeps only some of them (`StemIDs.appendTokens(ofWordsIn:prefixes:to:)`).
    ///
    /// A word of ASCII letters and digits (nearly every word) is stemmed and hashed where it lies, lowercased on
    /// the fly, or, when `prefixes` rules it out, not stemmed (`skipped`); a word with other letters goes
    /// through `stemHash` like any other text.
    @inline(__always) static func forEachStemHash(
        in bytes: UnsafeBufferPointer<UInt8>, prefixes: StemPrefixes?, _ body: (UInt64) -> Void
    ) {
        var scalars: [UInt32] = []
        // Read once here, not once per word (each read of a static checks that it is initialized).
        let rules = suffixesByLastLetter
        forEachWord(in: bytes) { start, end, ascii in
            guard ascii else {
                if let h = unicodeWordHash(bytes, start, end, scratch: &scalars) { body(h) }
                return
            }
            // An ASCII word starts with a letter or digit: something is left once its trailing hyphens and
            // slashes are dropped.
            var e = end
            while bytes[e - 1] == 45 || bytes[e - 1] == 47 { e -= 1 }
            if let prefixes, !prefixes.mayStart(StemPrefixes.key(trimmed: bytes, start, e)) {
                body(skipped)
            } else {
                body(asciiWordHash(bytes, start, e, rules: rules))
            }
        }
    }

    /// The stem hashes of the content words of an all-ASCII `text`: its words (`words`) that are longer than two
    /// letters and no stopword, stemmed and hashed with `TokenHash`, read on the bytes without building a string
    /// per word; nil when a word holds other letters (the caller then takes the String path).
    static func asciiContentStemHashes(_ text: String) -> Set<UInt64>? {
        var out = Set<UInt64>()
        var text = text
        let read: Bool = text.withUTF8 { bytes in
            let rules = suffixesByLastLetter
            let stops = stopwordHashes
            var allASCII = true
            forEachWord(in: bytes) { start, end, ascii in
                guard ascii, allASCII else {
                    allASCII = false
                    return
                }
                var e = end
                while bytes[e - 1] == 45 || bytes[e - 1] == 47 { e -= 1 }
                guard e - start > 2 else { return }
                // Letters, digits, hyphens and slashes: `| 0x20` lowercases, as `TokenHash` folds.
                var h = TokenHash.seed
                for k in start..<e { h = (h ^ UInt64(bytes[k] | 0x20)) &* TokenHash.prime }
                guard !stops.contains(h) else { return }
                out.insert(asciiWordHash(bytes, start, e, rules: rules))
            }
            return allASCII
        }
        return read ? out : nil
    }

    /// `stopwords` hashed with `TokenHash`.
    static let stopwordHashes = Set(stopwords.map { TokenHash.hash($0) })

    /// What `stemHashes` holds in the place of a word it did not stem (no stem hashes to it but by a 2⁻⁶⁴ chance,
    /// and a vocabulary look-up passes over it).
    static let skipped: UInt64 = 0

    /// Calls `body` with the byte range of each word of `bytes` (letters and digits, with the hyphens and slashes
    /// between and after them) and whether it is all ASCII, in order: the words `stemHashes` reads.
    @inline(__always) static func forEachWord(
        in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int, _ ascii: Bool) -> Void
    ) {
        byteKinds.withUnsafeBufferPointer { kinds in
            // The current word's first byte (-1: none) and whether all its scalars are ASCII.
            var start = -1
            var ascii = true
            var i = 0
            let n = bytes.count
            while i < n {
                let kind = kinds[Int(bytes[i])]
                if kind & startsWord != 0 {
                    if start < 0 {
                        start = i
                        ascii = true
                    }
                    // The rest of the run of ASCII letters, digits, hyphens and slashes in a tight loop: none of
                    // them starts or ends a word.
                    i += 1
                    while i < n, kinds[Int(bytes[i])] & inWord != 0 { i += 1 }
                    continue
                }
                if kind & notASCII == 0 {
                    // Inner hyphens and slashes stay in the word (trailing ones are dropped when it ends); out of
                    // a word they are nothing. Any other ASCII byte ends a word.
                    if kind & inWord == 0, start >= 0 {
                        body(start, i, ascii)
                        start = -1
                    }
                    i += 1
                } else {
                    let (c, length) = decode(bytes, i)
                    if isLetterOrDigit(c) {
                        if start < 0 { start = i }
                        ascii = false
                    } else if start >= 0 {
                        body(start, i, ascii)
                        start = -1
                    }
                    i += length
                }
            }
            if start >= 0 { body(start, n, ascii) }
        }
    }

    /// Bits of `byteKinds`: the byte starts a word (an ASCII letter or digit), goes on with one (those, hyphens
    /// and slashes), or is not ASCII (a scalar to decode).
    private static let startsWord: UInt8 = 1
    private static let inWord: UInt8 = 2
    private static let notASCII: UInt8 = 4

    /// What each byte value is to a word, for `forEachWord`: one table look-up per byte instead of a test for each
    /// range of letters, digits, hyphens and slashes.
    private static let byteKinds: [UInt8] = (0..<256).map { (v: Int) -> UInt8 in
        guard v < 128 else { return notASCII }
        let b = UInt8(v)
        if (b | 0x20) &- 97 < 26 || b &- 48 < 10 { return startsWord | inWord }
        return b == 45 || b == 47 ? inWord : 0
    }

    /// `Tokenizer.isLetterOrDigit` for a scalar that is not ASCII, without a Unicode property look-up for the
    /// General Punctuation block (`generalPunctuation`), which holds no letter or digit and most of the other
    /// scalars of English news text.
    @inline(__always) static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        generalPunctuation.contains(c.value) ? false : Tokenizer.isLetterOrDigit(c)
    }

    /// About `count` consecutive UTF-8 byte ranges covering `text`, each cut at a space, so that reading them one
    /// by one (`StemIDs.appendTokens(ofWordsIn:prefixes:to:)` in `AgendaBuilder.vocabularyTokens`, or
    /// `stemHashes(_:bytes:into:)`) gives the words of the whole text in order.
    static func pieces(_ text: String, count: Int) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count
            let size = max(1, n / max(1, count))
            var out: [Range<Int>] = []
            var start = 0
            while start < n {
                var end = min(n, start + size)
                while end < n, bytes[end] != 0x20 { end += 1 }
                out.append(start..<end)
                start = end
            }
            return out
        }
    }

    /// The scalar that starts at `bytes[i]` (a lead byte of valid UTF-8) and its length in bytes.
    @inline(__always) private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (
        Unicode.Scalar, Int
    ) {
        let b = UInt32(bytes[i])
        var v: UInt32
        var length: Int
        if b < 0xE0 {
            v = b & 0x1F
            length = 2
        } else if b < 0xF0 {
            v = b & 0x0F
            length = 3
        } else {
            v = b & 0x07
            length = 4
        }
        var k = 1
        while k < length, i + k < bytes.count {
            v = v << 6 | (UInt32(bytes[i + k]) & 0x3F)
            k += 1
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
    }

    /// The stem hash of the word `bytes[start..<end]` that is not all ASCII (letters, digits, inner hyphens and
    /// slashes), through its lowercased scalars; nil when nothing is left of it. Kept out of line: the ASCII
    /// path (nearly every word) then sets up nothing of what scalars need.
    @inline(never) private static func unicodeWordHash(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, scratch: inout [UInt32]
    ) -> UInt64? {
        // Lowercased scalars, as `stemHashesScalar` collects them.
        scratch.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            let b = bytes[i]
            if b < 128 {
                scratch.append(UInt32(b >= 65 && b <= 90 ? b + 32 : b))
                i += 1
            } else {
                let (c, length) = decode(bytes, i)
                scratch.append((c.properties.lowercaseMapping.unicodeScalars.first ?? c).value)
                i += length
            }
        }
        return stemHash(&scratch)
    }

    /// The stem hash of the ASCII word `bytes[start..<end]` (letters, digits, inner hyphens and slashes; its last
    /// byte a letter or digit), with `rules` = `suffixesByLastLetter`.
    ///
    /// A word's bytes are letters, digits, hyphens and slashes, which setting bit 5 (`| 0x20`) lowercases or
    /// leaves as they are: no test per byte.
    @inline(__always) private static func asciiWordHash(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, rules byLast: [[PackedSuffix]]
    ) -> UInt64 {
        let length = end - start
        var stemEnd = end
        var replacementY = false
        // A suffix needs four letters before it; only the rules whose suffix ends in the word's last letter are
        // tried, in their order.
        if length >= 5 {
            let rules = byLast[Int(bytes[end - 1] | 0x20)]
            if !rules.isEmpty {
                // The last eight bytes lowercased, the last one in the lowest byte. Those before the word (when it
                // is shorter) are never compared: a rule is tried only when four of the word's letters precede it.
                var tail: UInt64 = 0
                if end >= 8, let base = bytes.baseAddress {
                    tail = UInt64(bigEndian: UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self))
                } else {
                    for k in start..<end { tail = tail << 8 | UInt64(bytes[k]) }
                }
                tail |= 0x2020_2020_2020_2020
                for rule in rules where length - rule.length >= 4 && tail & rule.mask == rule.packed {
                    stemEnd = end - rule.length
                    replacementY = rule.y
                    break
                }
            }
        }
        var h = TokenHash.seed
        var k = start
        while k < stemEnd {
            h = (h ^ UInt64(bytes[k] | 0x20)) &* TokenHash.prime
            k += 1
        }
        if replacementY { h = (h ^ 121) &* TokenHash.prime }
        return h
    }

    /// `suffixRules` for ASCII words: each suffix's letters packed last letter lowest (as `asciiWordHash` packs
    /// a word's tail), the mask of its length, its length, and whether it is replaced by "y".
    private typealias PackedSuffix = (packed: UInt64, mask: UInt64, length: Int, y: Bool)
    private static let packedSuffixes: [PackedSuffix] = suffixRules.map { rule in
        var packed: UInt64 = 0
        for u in rule.0 { packed = packed << 8 | UInt64(u.value) }
        let mask: UInt64 = rule.0.count >= 8 ? .max : (1 << UInt64(8 * rule.0.count)) - 1
        return (packed, mask, rule.0.count, !rule.1.isEmpty)
    }

    /// `packedSuffixes` by the ASCII letter they end in, each list in their order (a word is tried only against
    /// the rules that end in its last letter; most letters end none).
    private static let suffixesByLastLetter: [[PackedSuffix]] = (0..<128).map { letter in
        packedSuffixes.filter { $0.packed & 0xFF == UInt64(letter) }
    }

    /// `stemHashes` scalar by scalar: the reference the byte path is tested against.
    static func stemHashesScalar(_ text: String, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        // The current word's scalars, lowercased.
        var buf: [UInt32] = []
        buf.reserveCapacity(32)
        for c in text.unicodeScalars {
            let v = c.value
            if v < 128 {
                if v >= 65 && v <= 90 {
                    buf.append(v + 32)
                } else if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) {
                    buf.append(v)
                } else if (v == 45 || v == 47) && !buf.isEmpty {
                    buf.append(v)
                } else if !buf.isEmpty, let h = stemHash(&buf) {
                    out.append(h)
                }
            } else if Tokenizer.isLetterOrDigit(c) {
                buf.append((c.properties.lowercaseMapping.unicodeScalars.first ?? c).value)
            } else if !buf.isEmpty, let h = stemHash(&buf) {
                out.append(h)
            }
        }
        if !buf.isEmpty, let h = stemHash(&buf) { out.append(h) }
    }

    /// The hash of the stem of the word in `buf` (which is emptied): trailing `-`/`/` dropped, then the first
    /// matching suffix rule applied when at least four scalars remain before it; nil when nothing remains.
    @inline(__always) private static func stemHash(_ buf: inout [UInt32]) -> UInt64? {
        defer { buf.removeAll(keepingCapacity: true) }
        var end = buf.count
        while end > 0, buf[end - 1] == 45 || buf[end - 1] == 47 { end -= 1 }
        guard end > 0 else { return nil }
        var replacementY = false
        // Every suffix ends in s, n, g, d or e, and needs four scalars before it.
        let last = buf[end - 1]
        if end >= 5, last == 115 || last == 110 || last == 103 || last == 100 || last == 101 {
            for (suffix, repl) in suffixValues where end - suffix.count >= 4 {
                var match = true
                var k = 0
                let from = end - suffix.count
                while k < suffix.count {
                    if buf[from + k] != suffix[k] {
                        match = false
                        break
                    }
                    k += 1
                }
                if match {
                    end = from
                    replacementY = repl
                    break
                }
            }
        }
        var h = TokenHash.seed
        for i in 0..<end { h = combine(h, buf[i]) }
        if replacementY { h = combine(h, 121) }
        return h
    }

    /// `TokenHash.combine` for an already lowercased scalar value (an ASCII letter or a `lowercaseMapping`).
    @inline(__always) private static func combine(_ h: UInt64, _ v: UInt32) -> UInt64 {
        guard let c = Unicode.Scalar(v) else { return h }
        return TokenHash.combine(h, c)
    }

    /// `suffixRules` as scalar values; the replacement is either nothing or "y".
    private static let suffixValues: [([UInt32], Bool)] = suffixRules.map { rule in
        (rule.0.map(\.value), !rule.1.isEmpty)
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
