/// The first letters of a vocabulary's stems: an ASCII word whose first letters start none of them cannot stem
/// to one, so `AgendaText.stemHashes` need not stem it.
///
/// A word's stem starts with the word's first four letters: a suffix is cut only where four letters stay before
/// it (`AgendaText.asciiWordHash`), and a shorter word is its own stem. So a word and its stem have the same key, the
/// first (up to) four bytes lowercased. Keys are kept as bits of a 64-Kbit table: a key that shares a bit with the
/// vocabulary's is stemmed for nothing, never skipped wrongly.
struct StemPrefixes: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)
    /// True once a stem that is not ASCII is added: a word with other letters may lowercase to ASCII, so every
    /// word is then stemmed.
    private(set) var acceptsAll = false

    /// The key of the ASCII word `bytes[start..<end]` (trailing hyphens and slashes dropped, as `stemHashes` does):
    /// its first (up to) four bytes lowercased, the first in the lowest byte.
    @inline(__always) static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt32 {
        var e = end
        while e > start, bytes[e - 1] == 45 || bytes[e - 1] == 47 { e -= 1 }
        return key(trimmed: bytes, start, e)
    }

    /// `key` of a word whose trailing hyphens and slashes are already dropped. A word's bytes are letters,
    /// digits, hyphens and slashes, which setting bit 5 lowercases or leaves as they are.
    @inline(__always) static func key(trimmed bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> UInt32
    {
        let length = min(end - start, 4)
        var key: UInt32 = 0
        if start + 4 <= bytes.count, let base = bytes.baseAddress {
            key = UInt32(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt32.self))
        } else {
            for k in 0..<length { key |= UInt32(bytes[start + k]) << UInt32(8 * k) }
        }
        // The low `length` bytes (wrapping shifts: no overflow test on a count that is at most 32).
        let mask: UInt32 = length >= 4 ? .max : ~(UInt32.max &<< UInt32(truncatingIfNeeded: length &* 8))
        return (key | 0x2020_2020) & mask
    }

    /// The table bit of `key`.
    @inline(__always) private static func bit(_ key: UInt32) -> Int { Int((key &* 0x9E37_79B1) >> 16) }

    /// False only when no stem added starts with the letters of `key`.
    @inline(__always) func mayStart(_ key: UInt32) -> Bool {
        if acceptsAll { return true }
        let b = Self.bit(key)
        return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    private mutating func insert(_ key: UInt32) {
        let b = Self.bit(key)
        bits[b >> 6] |= 1 << UInt64(b & 63)
    }

    /// Adds the keys of the words of `text` (the words `AgendaText.stemHashes` reads in it): their stems are the
    /// stems of `stemHashes(text)`.
    mutating func addWords(of text: String) {
        var text = text
        text.withUTF8 { bytes in
            AgendaText.forEachWord(in: bytes) { start, end, ascii in
                if ascii { insert(Self.key(bytes, start, end)) } else { acceptsAll = true }
            }
        }
    }

    /// Adds the key of the stem `stem` (a stem string, as `AgendaText.stem` gives). A stem's bytes are keyed as
    /// they are: one ending in a hyphen or slash was cut from inside a word ("abc-" of "abc-es"), whose key keeps it
    /// (only a word's own trailing hyphens and slashes are dropped, before it is stemmed).
    mutating func add(stem: String) {
        var stem = stem
        stem.withUTF8 { bytes in
            if bytes.contains(where: { $0 >= 128 }) {
                acceptsAll = true
            } else if !bytes.isEmpty {
                insert(Self.key(trimmed: bytes, 0, bytes.count))
            }
        }
    }
}
