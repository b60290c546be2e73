/// Finds the longest phrase of a word list that starts at a token, in one integer-keyed look-up per start.
///
/// Phrases are matched on token keys: `lower` when case-insensitive, else `text`. Phrases are grouped by the
/// hash of their first token's `lower` (`WordToken.lowerHash`) and compared hash by hash; a phrase whose hashes
/// all match is then confirmed on the key strings, so the answer is exactly that of comparing strings.
public struct PhraseIndex<Value: Sendable>: Sendable {
    /// A phrase as token keys, with the value it maps to.
    struct Entry: Sendable {
        var keys: [String]
        /// `lowerHash` of each of the phrase's tokens.
        var hashes: [UInt64]
        var value: Value
    }

    /// First token's `lowerHash` → index into `groups`.
    private var byFirst = WordHashMap()
    /// Per first-token hash, the phrases longest first (phrases of one length in the order they were added).
    private var groups: [[Entry]] = []
    private var firstKeySet: Set<String> = []
    /// The first tokens' lowercased forms: most tokens start no phrase and skip the look-up.
    private var firstFilter = WordFilter()
    public let caseSensitive: Bool

    public init(caseSensitive: Bool = false) {
        self.caseSensitive = caseSensitive
    }

    /// The first token key of every phrase.
    public var firstKeys: [String] { Array(firstKeySet) }

    /// True when no phrase was added.
    public var isEmpty: Bool { groups.isEmpty }

    /// Adds `phrase` (tokenized like the text); later additions of the same phrase are ignored.
    public mutating func add(_ phrase: String, _ value: Value) {
        let tokens = WordTokenizer.tokenize(phrase)
        let keys = tokens.map { caseSensitive ? $0.text : $0.lower }
        guard let first = keys.first, let firstToken = tokens.first else { return }
        firstFilter.insert(firstToken.lower)
        let entry = Entry(keys: keys, hashes: tokens.map(\.lowerHash), value: value)
        guard let g = byFirst[firstToken.lowerHash] else {
            byFirst.set(firstToken.lowerHash, groups.count)
            groups.append([entry])
            firstKeySet.insert(first)
            return
        }
        guard !groups[g].contains(where: { $0.keys == keys }) else { return }
        firstKeySet.insert(first)
        // Longest first, and phrases of one length in the order they were added: the new phrase goes after every
        // phrase at least as long (the group is kept in that order, so no re-sort).
        let n = keys.count
        let at = groups[g].firstIndex { $0.keys.count < n } ?? groups[g].count
        groups[g].insert(entry, at: at)
    }

    /// The longest phrase starting at token `i`: its value and the index just past it.
    public func match(_ tokens: [WordToken], at i: Int, limit: Int? = nil) -> (value: Value, end: Int)? {
        guard i < tokens.count else { return nil }
        guard firstFilter.mayContain(tokens[i]) else { return nil }
        let stop = min(limit ?? tokens.count, tokens.count)
        guard let g = byFirst[tokens[i].lowerHash] else { return nil }
        return groups[g].withUnsafeBufferPointer { list in
            for e in list {
                let n = e.hashes.count
                let end = i + n
                guard end <= stop else { continue }
                var ok = true
                var k = 1
                while k < n {
                    if tokens[i + k].lowerHash != e.hashes[k] {
                        ok = false
                        break
                    }
                    k += 1
                }
                guard ok else { continue }
                // Confirm on the strings (case, and the rare hash collision).
                k = 0
                while k < n {
                    if !sameKey(tokens[i + k], e.keys[k]) {
                        ok = false
                        break
                    }
                    k += 1
                }
                if ok { return (e.value, end) }
            }
            return nil
        }
    }

    /// Every value whose phrase is exactly `keys`.
    public func value(forKeys keys: [String]) -> Value? {
        guard let first = keys.first, let g = byFirst[WordToken.hash(first.lowercased())] else { return nil }
        return groups[g].first(where: { $0.keys == keys })?.value
    }

    @inline(__always) private func sameKey(_ t: WordToken, _ key: String) -> Bool {
        caseSensitive ? t.text == key : t.lower == key
    }
}
