/// Merges per-article speakers into corpus speakers (one person, one speaker) and rewrites quote speaker ids.
///
/// Speakers merge when their kind and folded full name agree (case, hyphens, initials and apostrophes aside). A
/// person known in some article by one word only ("Kim") joins the one full name it fits — by first or last word,
/// and by role when several fit; when it stays ambiguous it stays apart. Two people who share a surname never merge.
/// Ids are slugs of the canonical (longest) name, made unique with a number.
public enum SpeakerMerger {
    public static func merge(_ extractions: [ArticleExtraction]) -> (speakers: [Speaker], quotes: [Quote]) {
        merge(speakers: extractions.flatMap(\.speakers), quotes: extractions.flatMap(\.quotes))
    }

    /// The same from every article's speakers and quotes, in article order.
    public static func merge(speakers all: [Speaker], quotes: consuming [Quote]) -> (
        speakers: [Speaker], quotes: [Quote]
    ) {
        // Names repeat across articles: each distinct name is folded once.
        var keyOfName: [String: [String]] = [:]
        let keys = all.map { s in
            if let k = keyOfName[s.name] { return k }
            let k = nameKey(s.name)
            keyOfName[s.name] = k
            return k
        }
        var roleWordsOfRole: [String: Set<String>] = [:]
        func roleWordsOf(_ role: String) -> Set<String> {
            if let w = roleWordsOfRole[role] { return w }
            let w = Self.roleWords(role)
            roleWordsOfRole[role] = w
            return w
        }
        var clusters: [[Int]] = []
        var clusterOf: [String: Int] = [:]
        var single: [Int] = []
        var standIns: [Int] = []
        for (k, s) in all.enumerated() {
            if s.kind == .person, s.name.hasPrefix("the ") {
                standIns.append(k)
                continue
            }
            let words = keys[k]
            if s.kind == .person && words.count == 1 {
                single.append(k)
                continue
            }
            let key = "\(s.kind.rawValue):" + words.joined(separator: " ")
            if let c = clusterOf[key] {
                clusters[c].append(k)
            } else {
                clusterOf[key] = clusters.count
                clusters.append([k])
            }
        }
        // "Sarah Sanders" is "Sarah Huckabee Sanders": a full name whose words stand in order in exactly one longer
        // full name with the same first and last word joins it.
        let personClusters = clusters.indices.filter { all[clusters[$0][0]].kind == .person }
        // Only names with the same first and last word can contain each other: compare within those groups, and
        // there only with the names of more words (each group is kept ordered by word count).
        var byEnds: [WordPair: [Int]] = [:]
        for c in personClusters {
            let k = keys[clusters[c][0]]
            byEnds[WordPair(k.first ?? "", k.last ?? ""), default: []].append(c)
        }
        for (ends, group) in byEnds where group.count > 1 {
            byEnds[ends] = group.sorted { keys[clusters[$0][0]].count < keys[clusters[$1][0]].count }
        }
        var absorbed = Set<Int>()
        for c in personClusters {
            let short = keys[clusters[c][0]]
            guard let sameEnds = byEnds[WordPair(short.first ?? "", short.last ?? "")], sameEnds.count > 1 else {
                continue
            }
            if let d = Self.onlyLonger(short, in: sameEnds, keys: { keys[clusters[$0][0]] }), !absorbed.contains(d) {
                clusters[d].append(contentsOf: clusters[c])
                absorbed.insert(c)
            }
        }
        if !absorbed.isEmpty {
            clusters = clusters.indices.filter { !absorbed.contains($0) }.map { clusters[$0] }
        }
        // Full names by article and last word: a bare surname joins the one person of its article with that surname.
        // The one cluster of each (article, last word), or `several`.
        let several = -1
        var fullByArticleWord: [WordPair: Int] = [:]
        for (c, members) in clusters.enumerated() where all[members[0]].kind == .person {
            for m in members {
                guard let a = all[m].mentions.first?.article, let last = keys[m].last else { continue }
                let key = WordPair(a, last)
                if let known = fullByArticleWord[key], known != c {
                    fullByArticleWord[key] = several
                } else {
                    fullByArticleWord[key] = c
                }
            }
        }
        // One-word people: attach to the one full name that fits, else group by the word.
        // The role words of each cluster's members, kept as members join (a role alone is compared with these).
        var roleWordCache: [Int: Set<String>] = [:]
        func roleWords(ofCluster c: Int) -> Set<String> {
            if let cached = roleWordCache[c] { return cached }
            var words = Set<String>()
            for m in clusters[c] { if let r = all[m].role { words.formUnion(roleWordsOf(r)) } }
            roleWordCache[c] = words
            return words
        }
        /// The clusters that fit a word (`personClustersByWord`) by each role word they have, built for a word when
        /// a one-word name with a role first asks for it, and kept up to date as members join.
        var byRoleWord: [String: [String: [Int]]] = [:]
        /// Adds member `k` to cluster `c`, its role words to the cluster's cached ones (a union: the same as
        /// computing them again) and to the role-word index of the cluster's first and last word.
        func join(_ k: Int, _ c: Int) {
            clusters[c].append(k)
            guard let r = all[k].role, roleWordCache[c] != nil else { return }
            for rw in roleWordsOf(r) where roleWordCache[c]?.insert(rw).inserted == true {
                let ws = keys[clusters[c][0]]
                for w in Set([ws.first, ws.last].compactMap { $0 }) where byRoleWord[w] != nil {
                    byRoleWord[w]?[rw, default: []].append(c)
                }
            }
        }
        var singleClusters: [String: Int] = [:]
        var personClustersByWord: [String: [Int]] = [:]
        for (c, members) in clusters.enumerated() where all[members[0]].kind == .person {
            let ws = keys[members[0]]
            for w in Set([ws.first, ws.last].compactMap { $0 }) { personClustersByWord[w, default: []].append(c) }
        }
        /// The one cluster of `fits` (those of word `w`) that has a word of `wanted` among its role words; nil when
        /// none or several do.
        func onlyByRole(_ w: String, _ fits: [Int], _ wanted: Set<String>) -> Int? {
            if byRoleWord[w] == nil {
                var table: [String: [Int]] = [:]
                for c in fits { for rw in roleWords(ofCluster: c) { table[rw, default: []].append(c) } }
                byRoleWord[w] = table
            }
            var found: Int?
            for rw in wanted {
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
        for k in single {
            let s = all[k]
            let w = keys[k].first ?? ""
            let fits = personClustersByWord[w] ?? []
            var chosen: Int? = fits.count == 1 ? fits[0] : nil
            if let a = s.mentions.first?.article, let here = fullByArticleWord[WordPair(a, w)], here != several {
                chosen = here
            }
            if chosen == nil, fits.count > 1, let role = s.role {
                chosen = onlyByRole(w, fits, roleWordsOf(role))
            }
            if let c = chosen {
                join(k, c)
            } else if let c = singleClusters[w] {
                join(k, c)
            } else {
                singleClusters[w] = clusters.count
                clusters.append([k])
            }
        }

        // "the president" in an article: the one person of that article whose role, anywhere in the corpus, has
        // that title; else it stays a speaker of its own.
        // The cluster of each speaker so far (-1: a stand-in, not yet placed).
        var clusterOfMember = [Int](repeating: -1, count: all.count)
        for (c, members) in clusters.enumerated() { for m in members { clusterOfMember[m] = c } }
        var standInClusters: [String: Int] = [:]
        var peopleByArticle: [String: [Int]] = [:]
        for j in all.indices where all[j].kind == .person {
            if let a = all[j].mentions.first?.article, clusterOfMember[j] >= 0 {
                peopleByArticle[a, default: []].append(j)
            }
        }
        // Kept as first computed (stand-ins that join later add nothing), each role's head words folded once.
        var roleWordsOfCluster: [Int: Set<String>] = [:]
        var headWordsOfRole: [String: [String]] = [:]
        func roleWords(_ c: Int) -> Set<String> {
            if let w = roleWordsOfCluster[c] { return w }
            var w = Set<String>()
            for m in clusters[c] {
                guard let r = all[m].role else { continue }
                if let known = headWordsOfRole[r] {
                    w.formUnion(known)
                } else {
                    let words = headRoleWords(r)
                    headWordsOfRole[r] = words
                    w.formUnion(words)
                }
            }
            roleWordsOfCluster[c] = w
            return w
        }
        for k in standIns {
            let s = all[k]
            // Every word of the stand-in ("the North's leader": north, leader) must be in what the person is called
            // ("North Korean leader"), not in a complement ("… who deals with the United States").
            let words = Set(keys[k].map(unpossessive))
            var fits = Set<Int>()
            for j in peopleByArticle[s.mentions.first?.article ?? ""] ?? [] {
                let c = clusterOfMember[j]
                guard c >= 0 else { continue }
                if !words.isEmpty, words.isSubset(of: roleWords(c)) { fits.insert(c) }
            }
            if fits.count == 1, let c = fits.first {
                clusters[c].append(k)
            } else if let c = standInClusters[s.name.lowercased()] {
                clusters[c].append(k)
            } else {
                standInClusters[s.name.lowercased()] = clusters.count
                clusters.append([k])
            }
        }

        var speakers: [Speaker] = []
        var idMap: [String: String] = [:]
        idMap.reserveCapacity(all.count)
        var usedIDs = Set<String>()
        // Mentions as (article number, paragraph): articles numbered once per run of mentions of one article.
        var articleNumbers: [String: Int] = [:]
        var lastArticle: (name: String, number: Int)?
        var seenMentions = Set<MentionKey>()
        for c in clusters.sorted(by: { $0[0] < $1[0] }) {
            // The canonical name is a proper name when one is known: stand-ins ("the president") lose to names.
            guard
                let top = c.max(by: {
                    (all[$0].name.hasPrefix("the ") ? 0 : 1, keys[$0].count) < (
                        all[$1].name.hasPrefix("the ") ? 0 : 1, keys[$1].count
                    )
                })
            else { continue }
            let canonical = all[top]
            var roleCounts: [String: Int] = [:]
            var roleOrder: [String] = []
            var aliases: [String] = []
            var mentions: [Mention] = []
            seenMentions.removeAll(keepingCapacity: true)
            for k in c {
                let m = all[k]
                if let r = m.role {
                    if roleCounts[r] == nil { roleOrder.append(r) }
                    roleCounts[r, default: 0] += 1
                }
                if m.name != canonical.name && !aliases.contains(m.name) { aliases.append(m.name) }
                for a in m.aliases where a != canonical.name && !aliases.contains(a) { aliases.append(a) }
                for mention in m.mentions {
                    let number: Int
                    if let last = lastArticle, last.name == mention.article {
                        number = last.number
                    } else if let known = articleNumbers[mention.article] {
                        number = known
                        lastArticle = (mention.article, known)
                    } else {
                        number = articleNumbers.count
                        articleNumbers[mention.article] = number
                        lastArticle = (mention.article, number)
                    }
                    if seenMentions.insert(MentionKey(article: number, paragraph: mention.paragraph)).inserted {
                        mentions.append(mention)
                    }
                }
            }
            let role = roleOrder.max {
                (roleCounts[$0] ?? 0) < (roleCounts[$1] ?? 0)
                    || ((roleCounts[$0] ?? 0) == (roleCounts[$1] ?? 0) && false)
            }
            let role0 = roleOrder.first { (roleCounts[$0] ?? 0) == (role.flatMap { roleCounts[$0] } ?? 0) }
            let base = AgendaText.slug(canonical.name)
            var id = base
            var n = 2
            while usedIDs.contains(id) {
                id = "\(base)-\(n)"
                n += 1
            }
            id = id.compacted
            usedIDs.insert(id)
            for k in c { idMap[all[k].id] = id }
            speakers.append(
                Speaker(
                    id: id, name: canonical.name, kind: canonical.kind, role: role0, aliases: aliases,
                    mentions: mentions))
        }
        for k in quotes.indices {
            if let s = quotes[k].speaker { quotes[k].speaker = idMap[s] }
        }
        return (speakers, quotes)
    }

    /// A mention as numbers: the article's number (in the order first met) and the paragraph.
    struct MentionKey: Hashable {
        var article: Int
        var paragraph: Int
    }

    /// Two words as one dictionary key, without joining them into a new string.
    struct WordPair: Hashable {
        var first: String
        var second: String
        init(_ first: String, _ second: String) {
            self.first = first
            self.second = second
        }
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
    static func asciiNameKey(_ name: String) -> [String]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for c in name.unicodeScalars {
            switch c.value {
            case 65...90: bytes.append(UInt8(c.value + 32))
            case 45: bytes.append(32)  // hyphen: a word break
            case 0..<128: bytes.append(UInt8(c.value))
            case 0x2019: bytes.append(39)  // ’ → '
            default: return nil
            }
        }
        let words = bytes.split(separator: 32).map { String(decoding: $0, as: UTF8.self) }
        let kept = words.filter { w in !(w.utf8.count == 2 && w.utf8.last == 46) && w != "the" }
        return kept.isEmpty ? words : kept
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
    static func onlyLonger(_ short: [String], in group: [Int], keys: (Int) -> [String]) -> Int? {
        // The first member with more words (the group is ordered by word count).
        var lower = 0
        var upper = group.count
        while lower < upper {
            let mid = (lower + upper) / 2
            if keys(group[mid]).count > short.count { upper = mid } else { lower = mid + 1 }
        }
        var found: Int?
        for d in group[lower...] where isSubsequence(short, of: keys(d)) {
            if found != nil { return nil }
            found = d
        }
        return found
    }

    /// True when the words of `a` stand in `b` in the same order.
    static func isSubsequence(_ a: [String], of b: [String]) -> Bool {
        var i = 0
        for w in b where i < a.count && a[i] == w { i += 1 }
        return i == a.count
    }

    /// Two roles agree when they share a word of four letters or more ("Chairman" and "North Korean Chairman").
    /// The words of a role that can tie two mentions together (four letters or more).
    static func roleWords(_ role: String) -> Set<String> {
        Set(AgendaText.words(role).filter { $0.count >= 4 })
    }
}
