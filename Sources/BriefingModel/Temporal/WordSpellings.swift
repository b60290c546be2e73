import Synchronization

/// The spellings of the word tokens that cannot be packed (not ASCII, or longer than 16 bytes), each kept once
/// for the process so that a `WordToken` holds a number instead of a String.
///
/// Spellings are told apart by their UTF-8 bytes, not by String equality: two canonically equivalent spellings
/// ("café" precomposed and decomposed) stay two entries, and a token reads back exactly the scalars it was
/// written with. Entries are never removed; there are as many as distinct such words read (a vocabulary, not a
/// corpus).
final class WordSpellings: Sendable {
    /// The one table of the process.
    static let shared = WordSpellings()

    private struct Table {
        var index: [Key: Int32] = [:]
        var spellings: [String] = []
    }

    /// A spelling compared and hashed by its UTF-8 bytes (String's own equality is canonical equivalence).
    private struct Key: Hashable {
        let spelling: String

        static func == (a: Key, b: Key) -> Bool { a.spelling.utf8.elementsEqual(b.spelling.utf8) }

        func hash(into hasher: inout Hasher) {
            for b in spelling.utf8 { hasher.combine(b) }
        }
    }

    private let table = Mutex(Table())

    /// The index of `spelling`, added if it is new (past `Int32.max` spellings, -1: never reached in practice).
    func intern(_ spelling: String) -> Int32 {
        let key = Key(spelling: spelling)
        return table.withLock { t in
            if let k = t.index[key] { return k }
            guard t.spellings.count < Int(Int32.max) else { return -1 }
            let k = Int32(t.spellings.count)
            t.spellings.append(spelling)
            t.index[key] = k
            return k
        }
    }

    /// The spelling of index `k` (an index `intern` returned).
    subscript(k: Int32) -> String {
        table.withLock { t in Int(k) < t.spellings.count ? t.spellings[Int(k)] : "" }
    }
}
