import Testing

@testable import BriefingModel

/// The merger as it was before its working data became numbers (strings, arrays of strings, nested arrays), kept as
/// the reference the merger must agree with on any input.
enum ReferenceSpeakerMerger {
    /// The same from every article's speakers and quotes, in article order.
    static func merge(speakers all: [Speaker], quotes: consuming [Quote]) -> (
        speakers: [Speaker], quotes: [Quote]
    ) {
        // Names repeat across articles: each distinct name is folded once.
        var keyOfName: [String: [String]] = [:]
        let keys = all.map { s in
            if let k = keyOfName[s.name] { return k }
            let k = SpeakerMerger.nameKey(s.name)
            keyOfName[s.name] = k
            return k
        }
        var roleWordsOfRole: [String: Set<String>] = [:]
        func roleWordsOf(_ role: String) -> Set<String> {
            if let w = roleWordsOfRole[role] { return w }
            let w = SpeakerMerger.roleWords(role)
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
            if let d = SpeakerMerger.onlyLonger(short, in: sameEnds, keys: { keys[clusters[$0][0]] }),
                !absorbed.contains(d)
            {
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
                    let words = SpeakerMerger.headRoleWords(r)
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
            let words = Set(keys[k].map(SpeakerMerger.unpossessive))
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
}

/// Random corpora of speakers (full names, shorter and one-word forms, stand-ins, roles, several kinds, shared
/// surnames) merged by `SpeakerMerger` and by the reference must give the same speakers and quotes.
@Suite struct SpeakerMergerReferenceTests {
    static let firsts = ["Ann", "Bo", "Cy", "Dee", "Kim", "Lee"]
    static let middles = ["Lee", "Park", "J.", "Min", "Jae-in"]
    static let lasts = ["Kim", "Moon", "Walker", "Lee", "O’Brien", "Song-ho"]
    static let roles = [
        "President", "envoy", "North Korean leader", "Chairman of the party", "former chief negotiator who heads talks",
        "the North's leader", "State Department spokeswoman", "Chairman", "aide to the President", "Müller’s deputy",
    ]
    static let standIns = ["the president", "the North's leader", "the envoy", "the chairman", "the spokeswoman"]

    /// A name of some form: full, with a middle word, one word, a stand-in, or with letters changed in case.
    static func name(_ g: inout SplitMix64, wordsFrom count: Int) -> String {
        let first = firsts[Int.random(in: 0..<min(count, firsts.count), using: &g)]
        let middle = middles[Int.random(in: 0..<middles.count, using: &g)]
        let last = lasts[Int.random(in: 0..<min(count, lasts.count), using: &g)]
        switch Int.random(in: 0..<10, using: &g) {
        case 0, 1: return "\(first) \(last)"
        case 2, 3: return "\(first) \(middle) \(last)"
        case 4: return last
        case 5: return first
        case 6: return standIns[Int.random(in: 0..<standIns.count, using: &g)]
        case 7: return "\(first.uppercased()) \(last)"
        case 8: return "\(first)-\(last)"
        default: return "\(first) \(middle) \(middle) \(last)"
        }
    }

    /// Speakers in article order (ids local to their article) and quotes of some of them, of an unknown id or of none.
    static func corpus(seed: UInt64, speakers count: Int, articles: Int) -> (speakers: [Speaker], quotes: [Quote]) {
        var g = SplitMix64(seed: seed)
        let kinds: [SpeakerKind] = [.person, .person, .person, .person, .group, .organization, .country]
        var speakers: [Speaker] = []
        var quotes: [Quote] = []
        var article = 0
        var local = 0
        for n in 0..<count {
            if Int.random(in: 0..<4, using: &g) == 0 && article < articles - 1 {
                article += 1
                local = 0
            }
            local += 1
            let a = "a\(article)"
            // Many distinct names in the larger corpora (a numbered surname), so the full-name table grows.
            var name = Self.name(&g, wordsFrom: 2 + Int.random(in: 0..<5, using: &g))
            if count > 500 && n % 3 == 0 && !name.hasPrefix("the ") { name += " Zed\(n)" }
            let role = Int.random(in: 0..<3, using: &g) == 0 ? nil : roles[Int.random(in: 0..<roles.count, using: &g)]
            let mentions = (0..<Int.random(in: 0..<4, using: &g)).map { _ in
                // Mostly the speaker's own article, sometimes another.
                let other = Int.random(in: 0..<5, using: &g) == 0
                return Mention(
                    article: other ? "a\(Int.random(in: 0..<articles, using: &g))" : a,
                    paragraph: Int.random(in: 0..<3, using: &g))
            }
            let aliases = Int.random(in: 0..<5, using: &g) == 0 ? [name.lowercased(), "Mr. X"] : []
            speakers.append(
                Speaker(
                    id: "\(a)#s\(local)", name: name, kind: kinds[Int.random(in: 0..<kinds.count, using: &g)],
                    role: role, aliases: aliases, mentions: mentions))
            if Int.random(in: 0..<2, using: &g) == 0 {
                let speaker = Int.random(in: 0..<10, using: &g) == 0 ? "\(a)#s999" : "\(a)#s\(local)"
                quotes.append(
                    Quote(
                        id: "\(a)#q\(quotes.count)", article: a, paragraph: 0, start: 0, end: 1, text: "x",
                        speaker: Int.random(in: 0..<8, using: &g) == 0 ? nil : speaker))
            }
        }
        return (speakers, quotes)
    }

    @Test(arguments: 0..<60)
    func mergingAgreesWithTheReference(seed: Int) {
        // Sizes from a handful of speakers to enough distinct names to make the full-name table grow.
        let count = [5, 20, 80, 300, 3000][seed % 5]
        let articles = [2, 5, 20, 60][seed % 4]
        let input = Self.corpus(seed: UInt64(seed), speakers: count, articles: articles)
        let expected = ReferenceSpeakerMerger.merge(speakers: input.speakers, quotes: input.quotes)
        let merged = SpeakerMerger.merge(speakers: input.speakers, quotes: input.quotes)
        #expect(merged.speakers.count == expected.speakers.count)
        #expect(merged.speakers == expected.speakers)
        #expect(merged.quotes == expected.quotes)
    }

    /// Two input speakers with the same id: the quote takes the corpus id of the one met last in output order, as
    /// the reference does.
    @Test func aRepeatedSpeakerIdTakesTheLastCorpusSpeaker() {
        let a = Speaker(id: "x#s1", name: "Ann Walker", kind: .person, mentions: [Mention(article: "x", paragraph: 0)])
        let b = Speaker(id: "x#s1", name: "Bo Moon", kind: .person, mentions: [Mention(article: "x", paragraph: 1)])
        let q = Quote(id: "x#q1", article: "x", paragraph: 0, start: 0, end: 1, text: "x", speaker: "x#s1")
        let expected = ReferenceSpeakerMerger.merge(speakers: [a, b], quotes: [q])
        let merged = SpeakerMerger.merge(speakers: [a, b], quotes: [q])
        #expect(merged.quotes.first?.speaker == "bo-moon")
        #expect(merged.quotes == expected.quotes)
        #expect(merged.speakers == expected.speakers)
    }
}
