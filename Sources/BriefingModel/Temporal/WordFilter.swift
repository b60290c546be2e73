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

    /// False only when the token's `lower` is certainly none of the keys.
    @inline(__always) public func mayContain(_ t: WordToken) -> Bool {
        guard !passAll, let f = t.fingerprint else { return true }
        return bits[Int(f >> 6) & 63] & (1 << (UInt64(f) & 63)) != 0
    }

    /// FNV-1a over the bytes of an ASCII string, folded to 12 bits; nil when the string is not ASCII.
    public static func fingerprint(_ s: String) -> UInt32? {
        var h = Hash()
        for b in s.utf8 {
            guard b < 128 else { return nil }
            h.add(b)
        }
        return h.value
    }

    /// The running FNV-1a hash the tokenizer feeds while it writes a word.
    struct Hash {
        var state: UInt32 = 2_166_136_261

        @inline(__always) mutating func add(_ b: UInt8) {
            state = (state ^ UInt32(b)) &* 16_777_619
        }

        var value: UInt32 { (state ^ (state >> 12) ^ (state >> 24)) & 4095 }
    }
}
