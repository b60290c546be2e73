/// Merges per-article speakers into corpus speakers (one person, one speaker) and rewrites quote speaker ids.
///
/// Speakers merge when their kind and folded full name agree (case, hyphens, initials and apostrophes aside). A
/// person known in some article by one word only ("Kim") joins the one full name it fits — by first or last word,
/// and by role when several fit; when it stays ambiguous it stays apart. Two people who share a surname never merge.
/// Ids are slugs of the canonical (longest) name, made unique with a number.
///
/// The input is a `SpeakerTable` (every article's speakers as columns, speakers by position); the working data is
/// numbers: speakers, clusters, words, roles and articles are indices (32-bit), each distinct word, name, role and
/// article is looked up once, and a cluster is a chain of speaker indices.
public enum SpeakerMerger {
    public static func merge(_ extractions: [ArticleExtraction]) -> (speakers: [Speaker], quotes: [Quote]) {
        merge(speakers: extractions.flatMap(\.speakers), quotes: extractions.flatMap(\.quotes))
    }

    /// The same from every article's speakers and quotes, in article order. The speakers are laid out in a
    /// `SpeakerTable` (and let go); a quote's speaker id becomes the id of the corpus speaker of the input speaker
    /// of that id (of several with that id, the one whose corpus speaker comes last), nil when no speaker has it.
    public static func merge(speakers all: consuming [Speaker], quotes: consuming [Quote]) -> (
        speakers: [Speaker], quotes: [Quote]
    ) {
        var table = SpeakerTable()
        table.reserveCapacity(speakers: all.count, mentions: all.reduce(0) { $0 + $1.mentions.count })
        var ids: [String] = []
        ids.reserveCapacity(all.count)
        for s in all {
            table.append(s)
            ids.append(s.id)
        }
        all = []
        let (speakers, slots) = merge(table)
        // The corpus speaker of each input speaker id.
        var slotOfID: [String: Int32] = [:]
        slotOfID.reserveCapacity(ids.count)
        for k in ids.indices where slots[k] >= 0 {
            let slot = slots[k]
            raise(&slotOfID[ids[k], default: slot], to: slot)
        }
        ids = []
        for q in quotes.indices {
            if let s = quotes[q].speaker { quotes[q].speaker = slotOfID[s].map { speakers[Int($0)].id } }
        }
        return (speakers, quotes)
    }

    /// The corpus speakers and, for each input speaker (by its position in the table), the index of its corpus
    /// speaker (-1 for none; every speaker has one). The table is let go once the corpus speakers are built.
    static func merge(_ table: consuming SpeakerTable) -> (speakers: [Speaker], slots: [Int32]) {
        var clustering = Clustering(table)
        table.dropArticleLookup()
        clustering.cluster(table)
        return clustering.output(consume table)
    }

    /// Sets `x` to `y` when `y` is larger.
    private static func raise(_ x: inout Int32, to y: Int32) {
        if x < y { x = y }
    }

    /// The words of a name folded for comparison: lowercase, straight apostrophes, hyphens as spaces, no initials.
    static func nameKey(_ name: String) -> [String] {
        asciiNameKey(name) ?? unicodeNameKey(name)
    }

    /// `nameKey` for any name, with Foundation's case folding and replacing.
    static func unicodeNameKey(_ name: String) -> [String] {
        let folded = name.lowercased().replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "-", with: " ")
        let words = folded.split(separator: " ").map(String.init)
        let kept = words.filter { !($0.count == 2 && $0.hasSuffix(".")) && $0 != "the" }
        return kept.isEmpty ? words : kept
    }

    /// `nameKey` for a name of ASCII and curly apostrophes only (nearly all names), without Foundation's
    /// replacing; nil for any other name.
    ///
    /// Folds the name's bytes into a stack buffer and makes each word from it (a short word needs no
    /// allocation); the list is filtered only when it holds a word to drop.
    static func asciiNameKey(_ name: String) -> [String]? {
        var name = name
        return name.withUTF8 { u -> [String]? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: u.count) { folded -> [String]? in
                var n = 0
                var i = 0
                while i < u.count {
                    let b = u[i]
                    if b < 128 {
                        // A capital lowercased, a hyphen a word break.
                        folded[n] = b &- 65 < 26 ? b + 32 : (b == 45 ? 32 : b)
                        i += 1
                    } else if b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0x99 {
                        folded[n] = 39  // ’ → '
                        i += 3
                    } else {
                        return nil
                    }
                    n += 1
                }
                var words: [String] = []
                var dropped = 0
                var start = 0
                for j in 0...n where j == n || folded[j] == 32 {
                    defer { start = j + 1 }
                    guard j > start else { continue }
                    let word = String(decoding: UnsafeBufferPointer(rebasing: folded[start..<j]), as: UTF8.self)
                    if Self.dropsFromNameKey(word) { dropped += 1 }
                    words.append(word)
                }
                // With nothing to drop, or nothing left after dropping, the words are the key.
                guard dropped > 0, dropped < words.count else { return words }
                return words.filter { !Self.dropsFromNameKey($0) }
            }
        }
    }

    /// A word a name's key leaves out when others remain: an initial ("j.") or "the".
    private static func dropsFromNameKey(_ word: String) -> Bool {
        (word.utf8.count == 2 && word.utf8.last == 46) || word == "the"
    }

    /// The words of a role before its complement: "former chief negotiator who heads …" gives former, chief,
    /// negotiator; possessives folded ("North's" → north).
    static func headRoleWords(_ role: String) -> [String] {
        var out: [String] = []
        for w in nameKey(role) {
            if roleStops.contains(w) { break }
            out.append(unpossessive(w))
        }
        return out
    }

    /// The words that end the head of a role ("of", "who", …).
    static let roleStops: Set<String> = [
        "of", "who", "to", "for", "with", "that", "in", "at", "on", "and", "which", "whose",
    ]

    /// A word without a possessive ending ("north's" → "north", "states'" → "states").
    static func unpossessive(_ w: String) -> String {
        if w.hasSuffix("'s") { return String(w.dropLast(2)) }
        if w.hasSuffix("'") { return String(w.dropLast()) }
        return w
    }

    /// The one member of `group` (ordered by word count, all with the first and last word of `short`) whose words
    /// are more than those of `short` and contain them in order; nil when none or several do.
    static func onlyLonger<Member, Words: Collection>(
        _ short: Words, in group: some RandomAccessCollection<Member>, keys: (Member) -> Words
    ) -> Member? where Words.Element: Equatable {
        // The first member with more words (the group is ordered by word count).
        var lower = 0
        var upper = group.count
        while lower < upper {
            let mid = (lower + upper) / 2
            if keys(group[group.index(group.startIndex, offsetBy: mid)]).count > short.count {
                upper = mid
            } else {
                lower = mid + 1
            }
        }
        var found: Member?
        for d in group[group.index(group.startIndex, offsetBy: lower)...] where isSubsequence(short, of: keys(d)) {
            if found != nil { return nil }
            found = d
        }
        return found
    }

    /// True when the words of `a` stand in `b` in the same order.
    static func isSubsequence<A: Collection, B: Sequence>(_ a: A, of b: B) -> Bool
    where A.Element: Equatable, B.Element == A.Element {
        var i = a.startIndex
        for w in b where i != a.endIndex && a[i] == w { a.formIndex(after: &i) }
        return i == a.endIndex
    }

    /// Two roles agree when they share a word of four letters or more ("Chairman" and "North Korean Chairman").
    /// The words of a role that can tie two mentions together (four letters or more).
    static func roleWords(_ role: String) -> Set<String> {
        Set(AgendaText.words(role).filter { $0.count >= 4 })
    }
}

extension SpeakerMerger {
    /// Clusters of speakers, each a chain of speaker indices in the order its members joined.
    struct Chains {
        /// The first and last member of each cluster.
        private(set) var head: [Int32] = []
        private var tail: [Int32] = []
        /// The member after each speaker in its cluster; -1 at the end (or for a speaker in no cluster yet).
        private var next: [Int32]

        init(speakers: Int) { next = [Int32](repeating: -1, count: speakers) }

        var count: Int { head.count }

        /// A new cluster of speaker `k` alone; its number.
        mutating func start(_ k: Int32) -> Int32 {
            head.append(k)
            tail.append(k)
            return Int32(head.count - 1)
        }

        /// Adds speaker `k` (in no cluster yet) at the end of cluster `c`.
        mutating func append(_ k: Int32, to c: Int32) {
            next[Int(tail[Int(c)])] = k
            tail[Int(c)] = k
        }

        /// Adds the members of cluster `c` at the end of cluster `d`; `c` is to be dropped (`keep`).
        mutating func absorb(_ c: Int32, into d: Int32) {
            next[Int(tail[Int(d)])] = head[Int(c)]
            tail[Int(d)] = tail[Int(c)]
        }

        /// Drops the clusters not kept, numbering the others in order.
        mutating func keep(_ kept: [Bool]) {
            var n = 0
            for c in head.indices where kept[c] {
                head[n] = head[c]
                tail[n] = tail[c]
                n += 1
            }
            head.removeLast(head.count - n)
            tail.removeLast(tail.count - n)
        }

        /// The members of cluster `c`, in order.
        func members(_ c: Int32) -> Members { Members(links: next, k: head[Int(c)]) }

        /// The members of a cluster, following the chain.
        struct Members: Sequence, IteratorProtocol {
            let links: [Int32]
            var k: Int32
            mutating func next() -> Int32? {
                guard k >= 0 else { return nil }
                defer { k = links[Int(k)] }
                return k
            }
        }
    }

    /// Full-name clusters by kind and name words: an open-addressing table of cluster numbers (no key stored).
    struct KeyTable {
        private var slots = [Int32](repeating: -1, count: 1024)
        private var used = 0

        /// The cluster stored under `hash` that `matches`, else nil after storing `new` there (`hashOf` gives the
        /// hash of a stored cluster when the table grows).
        mutating func find(
            hash: Int, matches: (Int32) -> Bool, orInsert new: Int32, hashOf: (Int32) -> Int
        ) -> Int32? {
            // At most half full, also after storing `new` (the stored clusters are hashed again when it grows).
            if (used + 1) * 2 > slots.count {
                let old = slots
                slots = [Int32](repeating: -1, count: old.count * 2)
                for c in old where c >= 0 {
                    var j = hashOf(c) & (slots.count - 1)
                    while slots[j] >= 0 { j = (j + 1) & (slots.count - 1) }
                    slots[j] = c
                }
            }
            var i = hash & (slots.count - 1)
            while slots[i] >= 0 {
                if matches(slots[i]) { return slots[i] }
                i = (i + 1) & (slots.count - 1)
            }
            slots[i] = new
            used += 1
            return nil
        }
    }

    /// Numbers for distinct strings (equal strings, equal numbers), in the order first met.
    struct Numbering {
        private(set) var numbers: [String: Int32] = [:]
        var count: Int { numbers.count }

        mutating func number(_ s: String) -> Int32 {
            if let n = numbers[s] { return n }
            let n = Int32(numbers.count)
            numbers[s] = n
            return n
        }

        subscript(_ s: String) -> Int32? { numbers[s] }
    }

    /// A speaker kind as a small number (cheaper to hash than its name).
    static func kindCode(_ kind: SpeakerKind) -> UInt8 {
        switch kind {
        case .person: 0
        case .group: 1
        case .organization: 2
        case .country: 3
        }
    }

    /// Two 32-bit numbers as one dictionary key.
    static func pair(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    /// The speakers as numbers, and their clusters.
    struct Clustering {
        let count: Int
        /// Interned words (of names, roles and role heads).
        var words = Numbering()
        /// The words of each distinct name, end to end, and where each name's words start (one more at the end).
        var keyWords: [Int32] = []
        var keyStart: [Int32] = [0]
        /// Each speaker's distinct name and role (-1: none).
        var nameOf: [Int32]
        var roleOf: [Int32]
        /// The distinct roles, by number.
        var roleText: [String] = []
        /// How many articles the table numbers, and the number of the article "" (-1: none).
        let articleCount: Int
        let emptyArticle: Int32
        var chains: Chains
        /// Whether each speaker is a stand-in ("the president").
        var standIn: [Bool]

        init(_ t: borrowing SpeakerTable) {
            count = t.count
            articleCount = t.articleIDs.count
            emptyArticle = t.articleNumber("") ?? -1
            nameOf = []
            nameOf.reserveCapacity(count)
            roleOf = []
            roleOf.reserveCapacity(count)
            standIn = []
            standIn.reserveCapacity(count)
            chains = Chains(speakers: count)
            // Names and roles repeat across articles: each distinct one is folded once.
            var names = Numbering()
            var roles = Numbering()
            for k in 0..<count {
                let name = t.names[k]
                let n = names.number(name)
                if Int(n) == keyStart.count - 1 {
                    for w in nameKey(name) { keyWords.append(words.number(w)) }
                    keyStart.append(Int32(keyWords.count))
                }
                nameOf.append(n)
                if let r = t.roles[k] {
                    let n = roles.number(r)
                    if Int(n) == roleText.count { roleText.append(r) }
                    roleOf.append(n)
                } else {
                    roleOf.append(-1)
                }
                standIn.append(t.kinds[k] == .person && name.hasPrefix("the "))
            }
        }

        /// The words of speaker `k`'s name.
        func key(_ k: Int32) -> ArraySlice<Int32> {
            let n = Int(nameOf[Int(k)])
            return keyWords[Int(keyStart[n])..<Int(keyStart[n + 1])]
        }

        /// The number of words of speaker `k`'s name.
        func wordCount(_ k: Int32) -> Int {
            let n = Int(nameOf[Int(k)])
            return Int(keyStart[n + 1] - keyStart[n])
        }

        /// The first and last word of speaker `k`'s name (-1 for a name of no words).
        func ends(_ k: Int32) -> (first: Int32, last: Int32) {
            let key = key(k)
            return (key.first ?? -1, key.last ?? -1)
        }

        /// Builds the clusters: full names, shorter full names, one-word names, stand-ins.
        mutating func cluster(_ t: SpeakerTable) {
            var single: [Int32] = []
            var standIns: [Int32] = []
            fullNames(t, single: &single, standIns: &standIns)
            shortFullNames(t)
            oneWordNames(t, single)
            self.standIns(t, standIns)
        }

        /// Speakers of one kind and the same name words are one cluster; one-word people and stand-ins are set aside.
        mutating func fullNames(_ t: SpeakerTable, single: inout [Int32], standIns: inout [Int32]) {
            var table = KeyTable()
            func hash(_ kind: SpeakerKind, _ key: ArraySlice<Int32>) -> Int {
                var h = Hasher()
                h.combine(kindCode(kind))
                h.combine(key.count)
                for w in key { h.combine(w) }
                return h.finalize()
            }
            for k in 0..<Int32(count) {
                let kind = t.kinds[Int(k)]
                if standIn[Int(k)] {
                    standIns.append(k)
                    continue
                }
                let key = key(k)
                if kind == .person && key.count == 1 {
                    single.append(k)
                    continue
                }
                let found = table.find(
                    hash: hash(kind, key),
                    matches: { c in
                        let h = chains.head[Int(c)]
                        return t.kinds[Int(h)] == kind && self.key(h).elementsEqual(key)
                    }, orInsert: Int32(chains.count),
                    hashOf: { c in
                        let h = chains.head[Int(c)]
                        return hash(t.kinds[Int(h)], self.key(h))
                    })
                if let c = found {
                    chains.append(k, to: c)
                } else {
                    _ = chains.start(k)
                }
            }
        }

        /// "Sarah Sanders" is "Sarah Huckabee Sanders": a full name whose words stand in order in exactly one longer
        /// full name with the same first and last word joins it.
        mutating func shortFullNames(_ t: SpeakerTable) {
            let personClusters = (0..<Int32(chains.count)).filter { t.kinds[Int(chains.head[Int($0)])] == .person }
            // Only names with the same first and last word can contain each other: compare within those groups, and
            // there only with the names of more words (each group is kept ordered by word count).
            func order(_ c: Int32) -> (UInt64, Int, Int32) {
                let h = chains.head[Int(c)]
                let (first, last) = ends(h)
                return (pair(first, last), wordCount(h), c)
            }
            var byEnds = personClusters
            byEnds.sort { order($0) < order($1) }
            // Each person cluster's group: where it starts and ends in `byEnds`.
            var groupStart = [Int32](repeating: 0, count: chains.count)
            var groupEnd = [Int32](repeating: 0, count: chains.count)
            var lo = 0
            while lo < byEnds.count {
                let ends = order(byEnds[lo]).0
                var hi = lo + 1
                while hi < byEnds.count, order(byEnds[hi]).0 == ends { hi += 1 }
                for i in lo..<hi {
                    groupStart[Int(byEnds[i])] = Int32(lo)
                    groupEnd[Int(byEnds[i])] = Int32(hi)
                }
                lo = hi
            }
            var absorbed = [Bool](repeating: false, count: chains.count)
            var any = false
            for c in personClusters {
                let (lo, hi) = (Int(groupStart[Int(c)]), Int(groupEnd[Int(c)]))
                guard hi - lo > 1 else { continue }
                let short = key(chains.head[Int(c)])
                if let d = onlyLonger(short, in: byEnds[lo..<hi], keys: { key(chains.head[Int($0)]) }),
                    !absorbed[Int(d)]
                {
                    chains.absorb(c, into: d)
                    absorbed[Int(c)] = true
                    any = true
                }
            }
            if any { chains.keep(absorbed.map { !$0 }) }
        }

        /// One-word people: attach to the one full name that fits, else group by the word.
        mutating func oneWordNames(_ t: SpeakerTable, _ single: [Int32]) {
            // Full names by article and last word: a bare surname joins the one person of its article with that
            // surname. The one cluster of each (article, last word), or `several`.
            let several: Int32 = -1
            var fullByArticleWord: [UInt64: Int32] = [:]
            // The person clusters of each word (first or last of the cluster's name), end to end by word.
            var byWordStart = [Int32](repeating: 0, count: words.count + 1)
            var personClusters: [Int32] = []
            for c in 0..<Int32(chains.count) where t.kinds[Int(chains.head[Int(c)])] == .person {
                personClusters.append(c)
                for m in chains.members(c) {
                    let a = t.firstArticle(of: Int(m))
                    guard a >= 0, let last = key(m).last else { continue }
                    let key = pair(a, last)
                    if let known = fullByArticleWord[key], known != c {
                        fullByArticleWord[key] = several
                    } else {
                        fullByArticleWord[key] = c
                    }
                }
                let (first, last) = ends(chains.head[Int(c)])
                if first >= 0 { byWordStart[Int(first) + 1] += 1 }
                if last >= 0 && last != first { byWordStart[Int(last) + 1] += 1 }
            }
            for w in 0..<words.count { byWordStart[w + 1] += byWordStart[w] }
            var byWord = [Int32](repeating: 0, count: Int(byWordStart[words.count]))
            var filled = byWordStart
            for c in personClusters {
                let (first, last) = ends(chains.head[Int(c)])
                if first >= 0 {
                    byWord[Int(filled[Int(first)])] = c
                    filled[Int(first)] += 1
                }
                if last >= 0 && last != first {
                    byWord[Int(filled[Int(last)])] = c
                    filled[Int(last)] += 1
                }
            }
            filled = []
            personClusters = []
            let wordsBefore = words.count
            var roleWords = RoleWords(roles: roleText.count)
            var singleClusters: [Int32: Int32] = [:]
            for k in single {
                guard let w = key(k).first else { continue }
                let fits =
                    Int(w) < wordsBefore ? byWord[Int(byWordStart[Int(w)])..<Int(byWordStart[Int(w) + 1])] : []
                var chosen: Int32? = fits.count == 1 ? fits.first : nil
                let a = t.firstArticle(of: Int(k))
                if a >= 0, let here = fullByArticleWord[pair(a, w)], here != several {
                    chosen = here
                }
                let r = roleOf[Int(k)]
                if chosen == nil, fits.count > 1, r >= 0 {
                    chosen = roleWords.only(w, fits, r, of: &self)
                }
                if let c = chosen {
                    join(k, c, &roleWords)
                } else if let c = singleClusters[w] {
                    join(k, c, &roleWords)
                } else {
                    singleClusters[w] = chains.start(k)
                }
            }
        }

        /// Adds one-word speaker `k` to cluster `c`, its role words to the cluster's cached ones (a union: the same
        /// as computing them again) and to the role-word index of the cluster's first and last word.
        mutating func join(_ k: Int32, _ c: Int32, _ roleWords: inout RoleWords) {
            chains.append(k, to: c)
            let r = roleOf[Int(k)]
            guard r >= 0, roleWords.clusterWords[c] != nil else { return }
            let (first, last) = ends(chains.head[Int(c)])
            for rw in roleWords.of(r, &self) where roleWords.clusterWords[c]?.insert(rw).inserted == true {
                roleWords.index(c, rw, under: first)
                if last != first { roleWords.index(c, rw, under: last) }
            }
        }

        /// "the president" in an article: the one person of that article whose role, anywhere in the corpus, has
        /// that title; else it stays a speaker of its own.
        mutating func standIns(_ t: SpeakerTable, _ standIns: [Int32]) {
            guard !standIns.isEmpty else { return }
            // The cluster of each speaker so far (-1: a stand-in, not yet placed).
            var clusterOfMember = [Int32](repeating: -1, count: count)
            for c in 0..<Int32(chains.count) { for m in chains.members(c) { clusterOfMember[Int(m)] = c } }
            // The people of each article (by first mention), end to end by article.
            var byArticleStart = [Int32](repeating: 0, count: articleCount + 1)
            for j in 0..<count where t.kinds[j] == .person && clusterOfMember[j] >= 0 {
                let a = t.firstArticle(of: j)
                if a >= 0 { byArticleStart[Int(a) + 1] += 1 }
            }
            for a in 0..<articleCount { byArticleStart[a + 1] += byArticleStart[a] }
            var people = [Int32](repeating: 0, count: Int(byArticleStart[articleCount]))
            var filled = byArticleStart
            for j in 0..<count where t.kinds[j] == .person && clusterOfMember[j] >= 0 {
                let a = t.firstArticle(of: j)
                guard a >= 0 else { continue }
                people[Int(filled[Int(a)])] = Int32(j)
                filled[Int(a)] += 1
            }
            filled = []
            // Kept as first computed (stand-ins that join later add nothing), each role's head words folded once.
            var roleWordsOfCluster: [Int32: Set<Int32>] = [:]
            var headWordsOfRole: [Int32: [Int32]] = [:]
            func roleWords(_ c: Int32) -> Set<Int32> {
                if let w = roleWordsOfCluster[c] { return w }
                var w = Set<Int32>()
                for m in chains.members(c) {
                    let r = roleOf[Int(m)]
                    guard r >= 0 else { continue }
                    if let known = headWordsOfRole[r] {
                        w.formUnion(known)
                    } else {
                        let head = headRoleWords(roleText[Int(r)]).map { words.number($0) }
                        headWordsOfRole[r] = head
                        w.formUnion(head)
                    }
                }
                roleWordsOfCluster[c] = w
                return w
            }
            var standInClusters: [String: Int32] = [:]
            var fits: [Int32] = []
            for k in standIns {
                let name = t.names[Int(k)]
                // Every word of the stand-in ("the North's leader": north, leader) must be in what the person is
                // called ("North Korean leader"), not in a complement ("… who deals with the United States").
                let standInWords = Set(nameKey(name).map { words.number(unpossessive($0)) })
                fits.removeAll(keepingCapacity: true)
                let first = t.firstArticle(of: Int(k))
                let a = first >= 0 ? first : emptyArticle
                if a >= 0 {
                    for j in people[Int(byArticleStart[Int(a)])..<Int(byArticleStart[Int(a) + 1])] {
                        let c = clusterOfMember[Int(j)]
                        guard c >= 0 else { continue }
                        if !standInWords.isEmpty, standInWords.isSubset(of: roleWords(c)), !fits.contains(c) {
                            fits.append(c)
                        }
                    }
                }
                if fits.count == 1 {
                    chains.append(k, to: fits[0])
                } else if let c = standInClusters[name.lowercased()] {
                    chains.append(k, to: c)
                } else {
                    standInClusters[name.lowercased()] = chains.start(k)
                }
            }
        }
    }

    /// The role words of roles and clusters (words of four letters or more), for one-word names that fit several
    /// full names.
    struct RoleWords {
        /// Each role's words, once asked for.
        private var ofRole: [[Int32]?]
        /// The role words of each cluster's members, kept as members join (a role alone is compared with these).
        var clusterWords: [Int32: Set<Int32>] = [:]
        /// The clusters that fit a word (the person clusters of that word) by each role word they have, built for
        /// a word when a one-word name with a role first asks for it, and kept up to date as members join.
        private var byRoleWord: [Int32: [Int32: [Int32]]] = [:]

        init(roles: Int) { ofRole = [[Int32]?](repeating: nil, count: roles) }

        /// The words of role `r`.
        mutating func of(_ r: Int32, _ clustering: inout Clustering) -> [Int32] {
            if let w = ofRole[Int(r)] { return w }
            var w: [Int32] = []
            for word in SpeakerMerger.roleWords(clustering.roleText[Int(r)]) {
                w.append(clustering.words.number(word))
            }
            ofRole[Int(r)] = w
            return w
        }

        /// The role words of cluster `c`.
        mutating func ofCluster(_ c: Int32, _ clustering: inout Clustering) -> Set<Int32> {
            if let cached = clusterWords[c] { return cached }
            var words = Set<Int32>()
            for m in clustering.chains.members(c) {
                let r = clustering.roleOf[Int(m)]
                if r >= 0 { words.formUnion(of(r, &clustering)) }
            }
            clusterWords[c] = words
            return words
        }

        /// Files cluster `c` under role word `rw` in the index of word `w`, when that index is built.
        mutating func index(_ c: Int32, _ rw: Int32, under w: Int32) {
            guard w >= 0, byRoleWord[w] != nil else { return }
            byRoleWord[w]?[rw, default: []].append(c)
        }

        /// The one cluster of `fits` (those of word `w`) that has a word of role `r` among its role words; nil
        /// when none or several do.
        mutating func only(_ w: Int32, _ fits: ArraySlice<Int32>, _ r: Int32, of clustering: inout Clustering)
            -> Int32?
        {
            if byRoleWord[w] == nil {
                var table: [Int32: [Int32]] = [:]
                for c in fits { for rw in ofCluster(c, &clustering) { table[rw, default: []].append(c) } }
                byRoleWord[w] = table
            }
            var found: Int32?
            for rw in of(r, &clustering) {
                for c in byRoleWord[w]?[rw] ?? [] {
                    if let f = found {
                        if f != c { return nil }
                    } else {
                        found = c
                    }
                }
            }
            return found
        }
    }
}

extension SpeakerMerger.Clustering {
    /// The corpus speakers, one per cluster in the order of their first members, and the corpus speaker of each
    /// input speaker. Lets go of the table once the corpus speakers are built.
    mutating func output(_ t: consuming SpeakerTable) -> (speakers: [Speaker], slots: [Int32]) {
        words = SpeakerMerger.Numbering()
        // The cluster each speaker heads (-1: none).
        var headed = [Int32](repeating: -1, count: count)
        for c in 0..<Int32(chains.count) { headed[Int(chains.head[Int(c)])] = c }
        var speakers: [Speaker] = []
        speakers.reserveCapacity(chains.count)
        // The corpus speaker of each input speaker.
        var slots = [Int32](repeating: -1, count: count)
        var usedIDs = Set<String>()
        var roleCounts = [Int32](repeating: 0, count: roleText.count)
        var roleOrder: [Int32] = []
        var aliases: [String] = []
        var mentions: [Mention] = []
        // The corpus speaker's mentions so far as (article number, paragraph): looked up in `seen` once there are
        // more than a few (most speakers have a few mentions: no set to clear for each of them).
        var mentionKeys: [UInt64] = []
        var seen = Set<UInt64>()
        for h in 0..<count where headed[h] >= 0 {
            let c = headed[h]
            // The canonical name is a proper name when one is known: stand-ins ("the president") lose to names.
            var top: Int32 = -1
            var best = (0, 0)
            for m in chains.members(c) {
                let score = (t.names[Int(m)].hasPrefix("the ") ? 0 : 1, wordCount(m))
                if top < 0 || best < score {
                    top = m
                    best = score
                }
            }
            let name = t.names[Int(top)]
            let kind = t.kinds[Int(top)]
            let slot = Int32(speakers.count)
            for m in chains.members(c) {
                let k = Int(m)
                let r = roleOf[k]
                if r >= 0 {
                    if roleCounts[Int(r)] == 0 { roleOrder.append(r) }
                    roleCounts[Int(r)] += 1
                }
                let other = t.names[k]
                if other != name && !aliases.contains(other) { aliases.append(other) }
                for a in t.aliases(of: k) where a != name && !aliases.contains(a) { aliases.append(a) }
                for i in t.mentions(of: k) {
                    let (article, paragraph) = (t.mentionArticles[i], t.mentionParagraphs[i])
                    let key = SpeakerMerger.pair(article, paragraph)
                    if mentionKeys.count < Self.fewMentions {
                        guard !mentionKeys.contains(key) else { continue }
                        mentionKeys.append(key)
                        if mentionKeys.count == Self.fewMentions { seen.formUnion(mentionKeys) }
                    } else if !seen.insert(key).inserted {
                        continue
                    }
                    mentions.append(Mention(article: t.articleIDs[Int(article)], paragraph: Int(paragraph)))
                }
                slots[k] = slot
            }
            // The role most members have (the first of those met, on a tie).
            var role: String?
            var most: Int32 = 0
            for r in roleOrder where roleCounts[Int(r)] > most {
                most = roleCounts[Int(r)]
                role = roleText[Int(r)]
            }
            for r in roleOrder { roleCounts[Int(r)] = 0 }
            roleOrder.removeAll(keepingCapacity: true)
            let base = AgendaText.slug(name)
            var id = base
            var n = 2
            while usedIDs.contains(id) {
                id = "\(base)-\(n)"
                n += 1
            }
            id = id.compacted
            usedIDs.insert(id)
            speakers.append(
                Speaker(
                    id: id, name: name, kind: kind, role: role, aliases: Self.exactCopy(aliases),
                    mentions: Self.exactCopy(mentions)))
            aliases.removeAll(keepingCapacity: true)
            mentions.removeAll(keepingCapacity: true)
            if mentionKeys.count == Self.fewMentions { seen.removeAll(keepingCapacity: true) }
            mentionKeys.removeAll(keepingCapacity: true)
        }
        return (speakers, slots)
    }

    /// How many mentions of a corpus speaker are told apart by comparing with each before a set is used.
    static let fewMentions = 16

    /// A copy of `items` with room for them only (a scratch buffer keeps the room of its largest use).
    static func exactCopy<T>(_ items: [T]) -> [T] {
        guard !items.isEmpty else { return [] }
        var copy: [T] = []
        copy.reserveCapacity(items.count)
        copy.append(contentsOf: items)
        return copy
    }
}
