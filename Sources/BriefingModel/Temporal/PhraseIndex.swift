/// Finds the longest phrase of a word list that starts at a token, in one integer-keyed look-up per start.
///
/// Phrases are matched on token keys: `lower` when case-insensitive, else `text`. Phrases are grouped by the
/// hash of their first token's `lower` (`WordToken.lowerHash`) and compared hash by hash; a phrase whose hashes
/// all match is then confirmed on the key strings, so the answer is exactly that of comparing strings.
public struct PhraseIndex<Value: Sendable>: Sendable {
    /// A phrase as token keys, with the value it maps to.
    struct Entry: Sendable {
        var keys: [String]
        /// Each of the phrase's tokens as compared first.
        var words: [Word]
        var value: Value
    }

    /// A token of a phrase: its `lowerHash`, and its key packed (`ShortWord.none` when it is not ASCII or longer
    /// than 16 bytes).
    struct Word: Sendable {
        var hash: UInt64
        var short: ShortWord
    }

    /// First token's `lowerHash` → index into `groups`.
    private var byFirst = WordHashMap()
    /// Per first-token hash, the phrases longest first (phrases of one length in the order they were added).
    private var groups: [[Entry]] = []
    /// The first tokens' lowercased forms: most tokens start no phrase and skip the look-up.
    private var firstFilter = WordFilter()
    public let caseSensitive: Bool

    public init(caseSensitive: Bool = false) {
        self.caseSensitive = caseSensitive
    }

    /// The first token key of every phrase, each once (in no particular order).
    public var firstKeys: [String] { Array(Set(groups.lazy.flatMap { $0.lazy.map { $0.keys[0] } })) }

    /// True when no phrase was added.
    public var isEmpty: Bool { groups.isEmpty }

    /// Adds `phrase` (tokenized like the text); later additions of the same phrase are ignored.
    public mutating func add(_ phrase: String, _ value: Value) {
        let tokens = WordTokenizer.tokenize(phrase)
        let keys = tokens.map { caseSensitive ? $0.text : $0.lower }
        guard !keys.isEmpty, let firstToken = tokens.first else { return }
        firstFilter.insert(firstToken)
        let words = zip(tokens, keys).map { Word(hash: $0.lowerHash, short: ShortWord($1) ?? .none) }
        let entry = Entry(keys: keys, words: words, value: value)
        guard let g = byFirst[firstToken.lowerHash] else {
            byFirst.set(firstToken.lowerHash, groups.count)
            groups.append([entry])
            return
        }
        guard !groups[g].contains(where: { $0.keys == keys }) else { return }
        // Longest first, and phrases of one length in the order they were added: the new phrase goes after every
        // phrase at least as long (the group is kept in that order, so no re-sort).
        let n = keys.count
        let at = groups[g].firstIndex { $0.keys.count < n } ?? groups[g].count
        groups[g].insert(entry, at: at)
    }

    /// The longest phrase starting at token `i`: its value and the index just past it.
    @inline(__always)
    public func match(_ tokens: [WordToken], at i: Int, limit: Int? = nil) -> (value: Value, end: Int)? {
        guard i < tokens.count else { return nil }
        guard firstFilter.mayContain(tokens[i]) else { return nil }
        guard let g = byFirst[tokens[i].lowerHash] else { return nil }
        return Self.match(
            groups[g], caseSensitive: caseSensitive, tokens, at: i, stop: min(limit ?? tokens.count, tokens.count))
    }

    /// The longest phrase of `group` (the phrases of the first token's hash) starting at token `i` and ending by
    /// `stop`. Out of line: most tokens start no phrase and end on the filter or the hash above, inlined where they
    /// are read. Static, given the one group it reads: a method takes the whole index, which a caller reading it
    /// from a class's stored property copies for the call (retaining each of its arrays), at every match.
    @inline(never)
    private static func match(
        _ group: [Entry], caseSensitive: Bool, _ tokens: [WordToken], at i: Int, stop: Int
    ) -> (value: Value, end: Int)? {
        group.withUnsafeBufferPointer { list in
            // Entries read in place (`list[e]`): a copy of each would retain its arrays and value.
            for e in list.indices {
                let n = list[e].words.count
                let end = i + n
                guard end <= stop else { continue }
                var ok = true
                var k = 1
                while k < n {
                    if tokens[i + k].lowerHash != list[e].words[k].hash {
                        ok = false
                        break
                    }
                    k += 1
                }
                guard ok else { continue }
                // Confirm on the packed words, else on the strings (case, and the rare hash collision).
                k = 0
                while k < n {
                    let t = tokens[i + k]
                    let short = list[e].words[k].short
                    let same =
                        caseSensitive
                        ? t.textMatches(short) ?? (t.text == list[e].keys[k])
                        : t.lowerMatches(short) ?? (t.lower == list[e].keys[k])
                    if !same {
                        ok = false
                        break
                    }
                    k += 1
                }
                if ok { return (list[e].value, end) }
            }
            return nil
        }
    }

    /// The same phrases, each with the value `transform` makes of its own (so that a match answers as here).
    func mapValues<T: Sendable>(_ transform: (Value) throws -> T) rethrows -> PhraseIndex<T> {
        var out = PhraseIndex<T>(caseSensitive: caseSensitive)
        out.byFirst = byFirst
        out.firstFilter = firstFilter
        out.groups = try groups.map { group in
            try group.map { e in
                PhraseIndex<T>.Entry(
                    keys: e.keys, words: e.words.map { PhraseIndex<T>.Word(hash: $0.hash, short: $0.short) },
                    value: try transform(e.value))
            }
        }
        return out
    }

    /// Every value whose phrase is exactly `keys`.
    public func value(forKeys keys: [String]) -> Value? {
        guard let first = keys.first, let g = byFirst[WordToken.hash(first.lowercased())] else { return nil }
        return groups[g].first(where: { $0.keys == keys })?.value
    }

}
