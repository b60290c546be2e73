import Foundation

/// Writes a synthetic corpus of any size by recombining the sentences of a source corpus, with names,
/// places and dates varied per article. Seeded: the same pool, seed and count give the same files.
public struct CorpusGenerator: Sendable {
    public var pool: SentencePool
    public var seed: UInt64
    /// Mean size of an article body in bytes (each article draws from half to one and a half of it).
    public var meanBytes: Int
    /// Share of sentences taken from the quoted ones.
    public var quoteShare: Double
    /// Share of capitalized words given another name in an article.
    public var renameShare: Double

    public init(
        pool: SentencePool, seed: UInt64, meanBytes: Int = 5_000, quoteShare: Double = 0.5, renameShare: Double = 0.6
    ) {
        self.pool = pool
        self.seed = seed
        self.meanBytes = meanBytes
        self.quoteShare = quoteShare
        self.renameShare = renameShare
    }

    /// Errors that stop a generation.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case emptySource
        case folderNotGenerated(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .emptySource:
                return "the source corpus has no sentences to recombine (pass --source with article files or folders)"
            case .folderNotGenerated(let path):
                return "\(path) exists and was not made by the generator; choose an empty or new folder"
            case .cannotWrite(let path, let reason):
                return "cannot write \(path): \(reason)"
            }
        }
    }

    /// The file name of the marker the generator leaves in a folder it wrote (hidden, so the loader skips it).
    public static let manifestName = ".synthetic-corpus.json"

    /// One article: where it goes below the output folder, and its text.
    public struct GeneratedArticle: Sendable, Hashable {
        public var relativePath: String
        public var text: String
        /// Sentences taken from the quoted pool.
        public var quotedSentences: Int
    }

    /// Builds article `index` (0-based); independent of every other article.
    public func article(_ index: Int) -> GeneratedArticle {
        var rng = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        _ = rng.next()
        var variation = Variation(renameShare: renameShare, names: pool.names, rng: &rng)
        let date = Day(ordinal: Self.firstDay.ordinal + rng.below(4 * 365))
        let target = meanBytes / 2 + rng.below(max(1, meanBytes))
        var paragraphs: [String] = []
        var size = 0
        var quoted = 0
        while size < target {
            var sentences: [String] = []
            for _ in 0..<(1 + rng.below(3)) {
                let fromQuoted = !pool.quoted.isEmpty && (pool.plain.isEmpty || rng.chance(quoteShare))
                guard let s = rng.pick(fromQuoted ? pool.quoted : pool.plain) else { continue }
                if fromQuoted { quoted += 1 }
                sentences.append(variation.apply(s, rng: &rng))
            }
            let paragraph = sentences.joined(separator: " ")
            size += paragraph.utf8.count + 2
            paragraphs.append(paragraph)
        }
        let titleSource = rng.pick(pool.plain).map { variation.apply($0, rng: &rng) } ?? paragraphs[0]
        let title = Self.title(from: titleSource)
        let wrap = rng.chance(0.2)
        var text =
            "---\ntitle: \(Self.yamlQuoted(title))\ndate: \(date)\nsource: Synthetic Wire \(1 + rng.below(12))\n---\n\n"
        for p in paragraphs {
            text += wrap ? Self.hardWrap(p, width: 72) : p
            text += "\n\n"
        }
        let month = String(String(describing: date).prefix(7))
        let name = "\(month)/\(date)-\(String(format: "%05d", index)).md"
        return GeneratedArticle(relativePath: name, text: text, quotedSentences: quoted)
    }

    /// What a generation wrote.
    public struct Summary: Sendable, Hashable, Codable {
        public var articles: Int
        public var seed: UInt64
        public var bytes: Int
        public var quotedSentences: Int
        public var sourceDigest: String
        public var sourceSentences: Int
    }

    /// Writes `count` articles under `folder` (in one subfolder per month) and a hidden manifest.
    /// A folder written earlier by the generator is replaced; any other non-empty folder is refused.
    @discardableResult
    public func write(count: Int, to folder: String) throws(Failure) -> Summary {
        guard !pool.isEmpty else { throw .emptySource }
        let fm = FileManager.default
        if let entries = try? fm.contentsOfDirectory(atPath: folder), !entries.isEmpty {
            guard entries.contains(Self.manifestName) else { throw .folderNotGenerated(folder) }
            do { try fm.removeItem(atPath: folder) } catch { throw .cannotWrite(folder, "\(error)") }
        }
        var summary = Summary(
            articles: count, seed: seed, bytes: 0, quotedSentences: 0, sourceDigest: Self.hex(pool.digest),
            sourceSentences: pool.quoted.count + pool.plain.count)
        var made = Set<String>()
        for index in 0..<count {
            let a = article(index)
            let path = folder + "/" + a.relativePath
            let dir = (path as NSString).deletingLastPathComponent
            if made.insert(dir).inserted {
                do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                    throw .cannotWrite(dir, "\(error)")
                }
            }
            let data = Data(a.text.utf8)
            guard fm.createFile(atPath: path, contents: data) else { throw .cannotWrite(path, "create failed") }
            summary.bytes += data.count
            summary.quotedSentences += a.quotedSentences
        }
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(summary).write(to: URL(fileURLWithPath: folder + "/" + Self.manifestName))
        } catch {
            throw .cannotWrite(folder + "/" + Self.manifestName, "\(error)")
        }
        return summary
    }

    /// The manifest of a folder the generator wrote, if any.
    public static func manifest(folder: String) -> Summary? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + manifestName) else { return nil }
        return try? JSONDecoder().decode(Summary.self, from: data)
    }

    // MARK: - Pieces

    static let firstDay = Day(year: 2017, month: 1, day: 1) ?? Day(ordinal: 0)

    /// A 64-bit value as 16 hex digits.
    public static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// The first words of a sentence, without closing punctuation or quotation marks.
    static func title(from sentence: String) -> String {
        let words = sentence.split(separator: " ").prefix(9)
        var t = words.joined(separator: " ")
        while let last = t.last, last.isPunctuation || last == "”" || last == "\"" { t.removeLast() }
        t = t.filter { $0 != "“" && $0 != "”" && $0 != "\"" }
        return t.isEmpty ? "Untitled" : t
    }

    static func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Breaks a paragraph into lines of at most `width` characters at spaces (long words stay whole).
    static func hardWrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}

/// How one article varies its sentences: a consistent renaming of capitalized words, a shift of years,
/// a permutation of month and weekday names, and fresh day numbers after month names.
struct Variation {
    var renameShare: Double
    var names: [String]
    var known: Set<Substring>
    var renamed: [Substring: String] = [:]
    var yearShift: Int
    var months: [Int]
    var weekdays: [Int]

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let consonants = Array("bdfghjklmnprstvz")
    static let vowels = Array("aeiou")

    init(renameShare: Double, names: [String], rng: inout SplitMix64) {
        self.renameShare = renameShare
        self.names = names
        known = Set(names.map { Substring($0) })
        yearShift = rng.int(in: -2...2)
        months = Self.permutation(12, rng: &rng)
        weekdays = Self.permutation(7, rng: &rng)
    }

    static func permutation(_ n: Int, rng: inout SplitMix64) -> [Int] {
        var p = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { p.swapAt(i, rng.below(i + 1)) }
        return p
    }

    /// A made-up proper name of two or three syllables.
    static func inventedName(rng: inout SplitMix64) -> String {
        var s = ""
        for _ in 0..<(2 + rng.below(2)) {
            s.append(consonants[rng.below(consonants.count)])
            s.append(vowels[rng.below(vowels.count)])
            if rng.chance(0.3) { s.append(consonants[rng.below(consonants.count)]) }
        }
        return s.prefix(1).uppercased() + s.dropFirst()
    }

    /// A capitalized word may be a name unless it opens the sentence or a quotation (where any word is capitalized).
    static func mayRename(after previous: SentenceTokens.Token?) -> Bool {
        guard let previous else { return false }
        guard case .other(let gap) = previous else { return true }
        return !gap.contains { "“\"(—–:".contains($0) }
    }

    mutating func apply(_ sentence: String, rng: inout SplitMix64) -> String {
        var out = ""
        out.reserveCapacity(sentence.utf8.count + 16)
        var afterMonth = false
        var previous: SentenceTokens.Token?
        for token in SentenceTokens(sentence) {
            defer { previous = token }
            switch token {
            case .word(let w):
                if let m = Self.monthNames.firstIndex(where: { $0 == w }) {
                    out += Self.monthNames[months[m]]
                    afterMonth = true
                    continue
                }
                if let d = Self.weekdayNames.firstIndex(where: { $0 == w }) {
                    out += Self.weekdayNames[weekdays[d]]
                } else if known.contains(w), Self.mayRename(after: previous) {
                    out += rename(w, rng: &rng)
                } else {
                    out += w
                }
                afterMonth = false
            case .number(let n):
                if n.count == 4, let year = Int(n), (1900...2099).contains(year) {
                    out += String(year + yearShift)
                } else if afterMonth, n.count <= 2 {
                    out += String(1 + rng.below(28))
                } else {
                    out += n
                }
                afterMonth = false
            case .other(let o):
                out += o
                if o != " " { afterMonth = false }
            }
        }
        return out
    }

    mutating func rename(_ word: Substring, rng: inout SplitMix64) -> String {
        if let r = renamed[word] { return r }
        let r: String
        if !rng.chance(renameShare) {
            r = String(word)
        } else if rng.chance(0.5), let other = rng.pick(names) {
            r = other
        } else {
            r = Self.inventedName(rng: &rng)
        }
        renamed[word] = r
        return r
    }
}
