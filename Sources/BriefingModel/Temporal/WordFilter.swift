/// A bitmap over the fingerprints of a word list's keys: one bit test tells that a token is none of them.
///
/// Only a pre-check before the dictionary look-up, never an answer: a set bit may be another word's. Keys and
/// tokens are fingerprinted from their lowercased UTF-8 bytes when those are ASCII; a token that is not ASCII
/// always passes, and a list with a key that is not ASCII lets every token pass (canonical equivalence could
/// make such a key equal to an ASCII word).
public struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)
    private var passAll = false

    public init() {}

    /// A filter holding `words` (lowercased keys, as tokens' `lower`).
    public init(_ words: some Sequence<String>) {
        for w in words { insert(w) }
    }

    public mutating func insert(_ word: String) {
        guard let f = Self.fingerprint(word) else {
            passAll = true
            return
        }
        bits[Int(f >> 6) & 63] |= 1 << (UInt64(f) & 63)
    }

    /// `insert(t.lower)`, without building `lower` when the token is ASCII (its `fingerprint` is that of `lower`).
    public mutating func insert(_ t: WordToken) {
        guard let f = t.fingerprint else { return insert(t.lower) }
        bits[Int(f >> 6) & 63] |= 1 << (UInt64(f) & 63)
    }

    /// False only when the token's `lower` is certainly none of the keys.
    @inline(__always) public func mayContain(_ t: WordToken) -> Bool {
        guard !passAll, let f = t.fingerprint else { return true }
        return bits[Int(f >> 6) & 63] & (1 << (UInt64(f) & 63)) != 0
    }

    /// The 64-bit FNV-1a hash of an ASCII string's bytes (`WordToken.hash`) folded to 12 bits; nil when the
    /// string is not ASCII. A token's `fingerprint` is the same fold of its `lowerHash`.
    public static func fingerprint(_ s: String) -> UInt32? {
        guard s.utf8.allSatisfy({ $0 < 128 }) else { return nil }
        return fold(WordToken.hash(s))
    }

    /// A 64-bit word hash folded to 12 bits: its top 12 (FNV-1a's multiply carries every byte up into them), one
    /// shift on each look-up instead of storing the fold in every token.
    @inline(__always) static func fold(_ h: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: h >> 52)
    }
}
