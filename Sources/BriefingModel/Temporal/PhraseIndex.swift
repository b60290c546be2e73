/// Finds the longest phrase of a word list that starts at a token, in one dictionary look-up per start.
///
/// Phrases are matched on token keys: `lower` when case-insensitive, else `text`.
public struct PhraseIndex<Value: Sendable>: Sendable {
    /// A phrase as token keys, with the value it maps to.
    struct Entry: Sendable {
        var keys: [String]
        var value: Value
    }

    private var byFirst: [String: [Entry]] = [:]
    public let caseSensitive: Bool

    public init(caseSensitive: Bool = false) {
        self.caseSensitive = caseSensitive
    }

    /// The first token key of every phrase.
    public var firstKeys: [String] { Array(byFirst.keys) }

    /// True when no phrase was added.
    public var isEmpty: Bool { byFirst.isEmpty }

    /// Adds `phrase` (tokenized like the text); later additions of the same phrase are ignored.
    public mutating func add(_ phrase: String, _ value: Value) {
        let keys = WordTokenizer.tokenize(phrase).map { caseSensitive ? $0.text : $0.lower }
        guard let first = keys.first else { return }
        var list = byFirst[first] ?? []
        guard !list.contains(where: { $0.keys == keys }) else { return }
        list.append(Entry(keys: keys, value: value))
        list.sort { $0.keys.count > $1.keys.count }
        byFirst[first] = list
    }

    /// The longest phrase starting at token `i`: its value and the index just past it.
    public func match(_ tokens: [WordToken], at i: Int, limit: Int? = nil) -> (value: Value, end: Int)? {
        guard i < tokens.count else { return nil }
        let stop = min(limit ?? tokens.count, tokens.count)
        guard let list = byFirst[key(tokens[i])] else { return nil }
        for e in list {
            let end = i + e.keys.count
            guard end <= stop else { continue }
            var ok = true
            var k = 1
            while k < e.keys.count {
                if key(tokens[i + k]) != e.keys[k] {
                    ok = false
                    break
                }
                k += 1
            }
            if ok { return (e.value, end) }
        }
        return nil
    }

    /// Every value whose phrase is exactly `keys`.
    public func value(forKeys keys: [String]) -> Value? {
        guard let first = keys.first else { return nil }
        return byFirst[first]?.first(where: { $0.keys == keys })?.value
    }

    @inline(__always) private func key(_ t: WordToken) -> String { caseSensitive ? t.text : t.lower }
}
