/// A word list keyed on lowercased words, looked up with a token's `lowerHash` instead of hashing a String.
///
/// The answer is that of a `[String: Value]` look-up of the token's `lower`: a hash hit is confirmed on the key
/// string (keys of one hash are chained, so a collision never answers for another word). When a key is not
/// ASCII every look-up goes through a plain dictionary (canonical equivalence may make it equal to words with
/// other bytes); so does a word that is not ASCII but may equal an ASCII key (`mayEqualASCII`).
struct WordMap<Value: Sendable>: Sendable {
    /// Key hash (`WordToken.hash`) → the first entry of that hash.
    private var first = WordHashMap()
    private var keys: [String] = []
    private var values: [Value] = []
    /// Each key packed, and the next entry of the same hash, or -1.
    private var chain: [Link] = []
    /// Every key, for the look-ups the hash does not answer.
    private var exact: [String: Value] = [:]
    /// A key is not ASCII: every look-up goes through `exact`.
    private var exactOnly = false

    init() {}

    /// The words of `table` with their values.
    init(_ table: [String: Value]) {
        self.init(table, hashing: WordToken.hash)
    }

    /// The same with another hash of the keys (tests give colliding hashes); look-ups by token or word need
    /// `WordToken.hash`.
    init(_ table: [String: Value], hashing hash: (String) -> UInt64) {
        exact = table
        exactOnly = table.keys.contains { key in key.utf8.contains { $0 >= 128 } }
        guard !exactOnly else { return }
        // Sorted keys: the same table whatever the dictionary's order.
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let h = hash(key)
            keys.append(key)
            values.append(value)
            chain.append(Link(short: ShortWord(key) ?? .none, next: Int32(first[h] ?? -1)))
            first.set(h, keys.count - 1)
        }
    }

    /// The value of the token's `lower`.
    @inline(__always) subscript(_ t: WordToken) -> Value? {
        guard !exactOnly, t.isPacked else { return slowLookUp(t) }
        // Keys are ASCII: a packed `lower` equals a key exactly when their packed forms do.
        guard var k = first[t.lowerHash] else { return nil }
        while k >= 0 {
            if t.hasLower(chain[k].short) { return values[k] }
            k = Int(chain[k].next)
        }
        return nil
    }

    /// The look-up of a token whose `lower` is not packed (not ASCII, or long), or of a table with a key that is
    /// not ASCII.
    private func slowLookUp(_ t: WordToken) -> Value? {
        // A `lower` that cannot equal an ASCII key is not built.
        guard exactOnly || t.lowerMayBeASCII else { return nil }
        let lower = t.lower
        guard !exactOnly else { return exact[lower] }
        guard t.isASCII else { return Self.mayEqualASCII(lower) ? exact[lower] : nil }
        return self[t.lowerHash, lower]
    }

    /// The value of `word`, a lowercased word.
    subscript(_ word: String) -> Value? {
        guard !exactOnly else { return exact[word] }
        guard !word.utf8.contains(where: { $0 >= 128 }) else { return Self.mayEqualASCII(word) ? exact[word] : nil }
        return self[WordToken.hash(word), word]
    }

    /// False when `word` cannot be canonically equivalent to an ASCII string: it holds a scalar that is neither
    /// ASCII nor one of the three whose canonical decomposition is ASCII (U+037E → ";", U+1FEF → "`",
    /// U+212A → "K"; no other scalar is equal to an ASCII string, checked over every scalar).
    static func mayEqualASCII(_ word: String) -> Bool { word.unicodeScalars.allSatisfy(mayEqualASCII) }

    /// The same for one scalar: ASCII, or one of the three equal to an ASCII string.
    @inline(__always) static func mayEqualASCII(_ u: Unicode.Scalar) -> Bool {
        u.value < 128 || u.value == 0x37E || u.value == 0x1FEF || u.value == 0x212A
    }

    /// The value of the ASCII word `word` whose hash is `h`, among the keys of that hash.
    @inline(__always) subscript(_ h: UInt64, _ word: String) -> Value? {
        guard var k = first[h] else { return nil }
        while k >= 0 {
            if keys[k] == word { return values[k] }
            k = Int(chain[k].next)
        }
        return nil
    }

    @inline(__always) func contains(_ t: WordToken) -> Bool { self[t] != nil }

    /// An entry's key packed (`ShortWord.none` when it is longer than 16 bytes) and the next entry of its hash.
    private struct Link: Sendable {
        var short: ShortWord
        var next: Int32
    }

    func contains(_ word: String) -> Bool { self[word] != nil }
}

/// A set of lowercased words on `WordMap`.
struct WordSet: Sendable {
    private var map: WordMap<Bool>

    init(_ words: some Sequence<String>) {
        map = WordMap(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { a, _ in a }))
    }

    /// True when the token's `lower` is one of the words.
    @inline(__always) func contains(_ t: WordToken) -> Bool { map.contains(t) }

    /// True when `word` (lowercased) is one of the words.
    func contains(_ word: String) -> Bool { map.contains(word) }
}
