/// Finds the persons an article names: after a title ("President Donald Trump", "leader Kim Jong Un"), or as the
/// speakers the extraction found; a two-word name is also found by its last word ("Trump").
struct PersonFinder {
    /// Name or alias (case-sensitive) → canonical name.
    var names = PhraseIndex<String>(caseSensitive: true)
    /// Canonical names of persons named with a leader's title.
    var leaders: Set<String> = []

    init(paragraphs: [[WordToken]], speakers: [Speaker], lexicon: EventLexicon) {
        var found: [(name: String, leader: Bool)] = []
        for tokens in paragraphs {
            var i = 0
            while i < tokens.count {
                guard let t = lexicon.titles.match(tokens, at: i) else {
                    i += 1
                    continue
                }
                var j = t.end
                if j < tokens.count, tokens[j].textIs(",") { j += 1 }
                var parts: [String] = []
                while j < tokens.count, parts.count < 4, tokens[j].kind == .word, tokens[j].capitalized,
                    lexicon.countries.match(tokens, at: j) == nil, lexicon.titles.match(tokens, at: j) == nil
                {
                    parts.append(tokens[j].text)
                    j += 1
                    if tokens[j - 1].possessive { break }
                    // An initial keeps its period: "Donald J. Trump".
                    // (An ASCII word is one character when it is one byte: no grapheme count needed.)
                    let single =
                        tokens[j - 1].isASCII ? tokens[j - 1].textByteCount == 1 : tokens[j - 1].text.count == 1
                    if single, j < tokens.count, tokens[j].textIs(".") {
                        parts[parts.count - 1] += "."
                        j += 1
                    }
                }
                if !parts.isEmpty, Self.isPersonName(parts, lexicon: lexicon) {
                    found.append((parts.joined(separator: " "), t.value))
                }
                i = max(j, i + 1)
            }
        }
        // A speaker known only by a role ("the North's envoy") stands for someone the text names elsewhere.
        // (Speakers read in place, by index: a copy of each retained its strings and arrays.)
        for k in speakers.indices where speakers[k].kind == .person && Self.isProperName(speakers[k].name) {
            let s = (name: speakers[k].name, role: speakers[k].role)
            let leader =
                s.role.map { role in
                    let toks = WordTokenizer.tokenize(role)
                    return toks.indices.contains { lexicon.titles.match(toks, at: $0)?.value == true }
                } ?? false
            found.append((s.name, leader))
        }
        // Full names first, so "Trump" maps to "Donald Trump".
        let full = found.filter { Self.hasSpace($0.name) }
        var lastWords: [String: Set<String>] = [:]
        for f in full {
            if let last = Self.lastOfTwoWords(f.name) { lastWords[String(last), default: []].insert(f.name) }
        }
        // `names.add` ignores a phrase added before: a string added before is not tokenized again.
        var added = AddedStrings()
        for f in found {
            var canonical = f.name
            if !Self.hasSpace(f.name), let owners = lastWords[f.name], owners.count == 1, let owner = owners.first {
                canonical = owner
            }
            if added.insert(f.name) { names.add(f.name, canonical) }
            if f.leader { leaders.insert(canonical) }
        }
        for (last, owners) in lastWords where owners.count == 1 {
            if let owner = owners.first, added.insert(last) { names.add(last, owner) }
        }
        for k in speakers.indices where speakers[k].kind == .person && Self.isProperName(speakers[k].name) {
            for a in speakers[k].aliases where Self.hasSpace(a) || lastWords[a] == nil {
                if added.insert(a) { names.add(a, speakers[k].name) }
            }
        }
    }

    /// The second word of a name that `split(separator: " ")` cuts into exactly two words; else nil. An ASCII name
    /// is cut on its bytes, read in place (a space there is a whole character; a step of a `String.UTF8View` index
    /// costs far more than one over a buffer); any other goes through `split`.
    static func lastOfTwoWords(_ name: String) -> Substring? {
        var bytes = name
        let cut = bytes.withUTF8 { secondOfTwoRuns($0) }
        guard cut.ascii else {
            let words = name.split(separator: " ")
            return words.count == 2 ? words.last : nil
        }
        guard let second = cut.second else { return nil }
        let utf8 = name.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: second.lowerBound)
        return name[start..<utf8.index(start, offsetBy: second.count)]
    }

    /// `name.utf8.contains(32)` over the bytes in place (an iteration of the `String.UTF8View` costs far more).
    static func hasSpace(_ name: String) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { $0.contains(32) } ?? name.utf8.contains(32)
    }

    /// Whether the bytes are all ASCII, and if so the offsets of their second run of bytes other than a space when
    /// they hold exactly two such runs.
    static func secondOfTwoRuns(_ bytes: UnsafeBufferPointer<UInt8>) -> (ascii: Bool, second: Range<Int>?) {
        var runs = 0
        var second: Range<Int>?
        var i = 0
        while i < bytes.count {
            guard bytes[i] < 128 else { return (false, nil) }
            if bytes[i] == 32 {
                i += 1
                continue
            }
            let start = i
            while i < bytes.count, bytes[i] != 32 {
                guard bytes[i] < 128 else { return (false, nil) }
                i += 1
            }
            runs += 1
            if runs == 2 { second = start..<i }
        }
        return (true, runs == 2 ? second : nil)
    }

    /// A name that begins with a capital letter and has no digits ("Kim Jong Un", not "the North's envoy").
    static func isProperName(_ name: String) -> Bool {
        // ASCII without the Unicode property tables: only A–Z are uppercase and only 0–9 have a numeric type.
        guard let first = name.unicodeScalars.first,
            first.value < 128 ? first.value >= 65 && first.value <= 90 : first.properties.isUppercase
        else { return false }
        return !name.unicodeScalars.contains { u in
            u.value < 128 ? u.value >= 48 && u.value <= 57 : u.properties.numericType != nil
        }
    }

    /// Words after a title that name a person: proper words without digits ("F-35") that do not end in an
    /// organization's head word ("General Assembly").
    static func isPersonName(_ parts: [String], lexicon: EventLexicon) -> Bool {
        guard let last = parts.last, !lexicon.organizationHeads.contains(last) else { return false }
        return isProperName(parts.joined(separator: " "))
    }
}

/// Strings passed to an idempotent add, to skip adding one again: keyed on `WordToken.hash` instead of `Hasher`.
struct AddedStrings {
    /// Hash → index in `strings` of the first string added with it.
    private var table = WordHashMap()
    private var strings: [String] = []

    /// False when `s` was inserted before; true otherwise, and also for a string whose hash an earlier, different
    /// string holds (a collision: the add is then merely repeated).
    mutating func insert(_ s: String) -> Bool {
        let h = WordToken.hash(s)
        guard let k = table[h] else {
            table.set(h, strings.count)
            strings.append(s)
            return true
        }
        return strings[k] != s
    }
}
