import Testing

@testable import BriefingModel

/// `SpeakerTable` keeps what it is given (names, kinds, roles, aliases, mentions, each article id once), and the
/// merger reading a table gives what the reference merger gives from plain speakers.
@Suite struct SpeakerTableTests {
    typealias Corpus = SpeakerMergerReferenceTests

    /// The table of `speakers`: those whose mentions are all in one article (or none) appended by article and
    /// paragraphs, every `plainEvery`-th of them and those with mentions in several articles as plain speakers.
    static func table(_ speakers: [Speaker], plainEvery: Int = 3) -> SpeakerTable {
        var table = SpeakerTable()
        table.reserveCapacity(speakers: speakers.count, mentions: speakers.reduce(0) { $0 + $1.mentions.count })
        for (k, s) in speakers.enumerated() {
            let article = s.mentions.first?.article ?? "unused"
            if k % plainEvery != 0, s.mentions.allSatisfy({ $0.article == article }) {
                table.append(
                    name: s.name, kind: s.kind, role: s.role, aliases: s.aliases, article: article,
                    paragraphs: s.mentions.map { Int32($0.paragraph) })
            } else {
                table.append(s)
            }
        }
        return table
    }

    /// Speaker `k`'s mentions as the table holds them.
    static func mentions(_ table: SpeakerTable, _ k: Int) -> [Mention] {
        table.mentions(of: k).map {
            Mention(
                article: table.articleIDs[Int(table.mentionArticles[$0])], paragraph: Int(table.mentionParagraphs[$0]))
        }
    }

    /// The address of a string's UTF-8 storage (nil for a string stored inline).
    static func storage(_ s: String) -> UnsafeRawPointer? {
        s.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func keepsWhatItIsGiven() {
        let long = "article-with-a-long-identifier-1"
        let other = "article-with-a-long-identifier-2"
        let plain = Speaker(
            id: "p", name: "Bo Moon", kind: .group, role: nil, aliases: ["Moon", "the group"],
            mentions: [
                Mention(article: other, paragraph: 4), Mention(article: long, paragraph: 0),
                Mention(article: other, paragraph: 1),
            ])
        var table = SpeakerTable()
        table.append(
            name: "Ann Walker", kind: .person, role: "envoy", aliases: [], article: long, paragraphs: [Int32(3), 1, 3])
        table.append(name: "Cy Lee", kind: .country, role: nil, aliases: ["Lee"], article: "never", paragraphs: [])
        table.append(plain)
        table.append(
            name: "Dee Song", kind: .organization, role: "aide", aliases: [], article: other, paragraphs: [Int32(2)])
        #expect(table.count == 4)
        #expect(table.mentionCount == 7)
        #expect(table.names == ["Ann Walker", "Cy Lee", "Bo Moon", "Dee Song"])
        #expect(table.kinds == [.person, .country, .group, .organization])
        #expect(table.roles == ["envoy", nil, nil, "aide"])
        #expect(table.aliases(of: 0).isEmpty)
        #expect(Array(table.aliases(of: 1)) == ["Lee"])
        #expect(Array(table.aliases(of: 2)) == ["Moon", "the group"])
        #expect(table.aliases(of: 3).isEmpty)
        #expect(
            Self.mentions(table, 0) == [
                Mention(article: long, paragraph: 3), Mention(article: long, paragraph: 1),
                Mention(article: long, paragraph: 3),
            ])
        // No mention, no article: "never" is not numbered.
        #expect(Self.mentions(table, 1).isEmpty)
        #expect(table.firstArticle(of: 1) == -1)
        #expect(Self.mentions(table, 2) == plain.mentions)
        #expect(Self.mentions(table, 3) == [Mention(article: other, paragraph: 2)])
        // Each article id once, in the order first met.
        #expect(table.articleIDs == [long, other])
        #expect(table.articleNumber(other) == 1)
        #expect(table.articleNumber("never") == nil)
        #expect(table.firstArticle(of: 2) == 1)
    }

    @Test(arguments: 0..<20)
    func roundTripsRandomSpeakers(seed: Int) {
        let input = Corpus.corpus(seed: UInt64(seed), speakers: [5, 80, 300, 3000][seed % 4], articles: 20)
        let table = Self.table(input.speakers)
        #expect(table.count == input.speakers.count)
        #expect(table.mentionCount == input.speakers.reduce(0) { $0 + $1.mentions.count })
        var firstMet: [String] = []
        for s in input.speakers {
            for m in s.mentions where !firstMet.contains(m.article) { firstMet.append(m.article) }
        }
        #expect(table.articleIDs == firstMet)
        for (k, s) in input.speakers.enumerated() {
            #expect(table.names[k] == s.name)
            #expect(table.kinds[k] == s.kind)
            #expect(table.roles[k] == s.role)
            #expect(Array(table.aliases(of: k)) == s.aliases)
            #expect(Self.mentions(table, k) == s.mentions)
        }
    }

    /// Merging a table gives the reference's speakers, and each input speaker's slot is the corpus speaker the
    /// reference gives a quote of that speaker.
    @Test(arguments: 0..<60)
    func mergingATableAgreesWithTheReference(seed: Int) {
        let count = [5, 20, 80, 300, 3000][seed % 5]
        let articles = [2, 5, 20, 60][seed % 4]
        let input = Corpus.corpus(seed: UInt64(seed), speakers: count, articles: articles)
        // One quote per speaker (the generator's ids are unique).
        let quotes = input.speakers.map {
            Quote(id: "\($0.id)-q", article: "a0", paragraph: 0, start: 0, end: 1, text: "x", speaker: $0.id)
        }
        let expected = ReferenceSpeakerMerger.merge(speakers: input.speakers, quotes: quotes)
        let merged = SpeakerMerger.merge(Self.table(input.speakers, plainEvery: 2 + seed % 3))
        #expect(merged.speakers == expected.speakers)
        #expect(merged.slots.count == input.speakers.count)
        let ids = merged.slots.map { merged.speakers.indices.contains(Int($0)) ? merged.speakers[Int($0)].id : nil }
        #expect(ids == expected.quotes.map(\.speaker))
    }

    /// Through the plain wrapper: ids shared by several speakers (the quote takes the corpus speaker that comes
    /// last), unknown ids and quotes of no speaker, as the reference maps them.
    @Test(arguments: 0..<30)
    func theWrapperMapsRepeatedAndUnknownIdsAsTheReference(seed: Int) {
        var g = SplitMix64(seed: UInt64(seed) &+ 1000)
        let input = Corpus.corpus(seed: UInt64(seed), speakers: [5, 20, 80, 300, 3000][seed % 5], articles: 20)
        let shared = max(2, input.speakers.count / 4)
        var speakers = input.speakers
        for k in speakers.indices { speakers[k].id = "d\(Int.random(in: 0..<shared, using: &g))" }
        // Ids "d0"… of some speaker (most of them shared), "d\(shared)"… of none, and no speaker.
        let quotes = (0..<input.speakers.count).map { n in
            let r = Int.random(in: 0..<(shared + 3), using: &g)
            let speaker: String? = r == shared + 2 ? nil : "d\(r)"
            return Quote(id: "q\(n)", article: "a0", paragraph: 0, start: 0, end: 1, text: "x", speaker: speaker)
        }
        let expected = ReferenceSpeakerMerger.merge(speakers: speakers, quotes: quotes)
        let merged = SpeakerMerger.merge(speakers: speakers, quotes: quotes)
        #expect(merged.speakers == expected.speakers)
        #expect(merged.quotes == expected.quotes)
        if speakers.count >= 300 {
            // Some quote of an unknown id, now of no speaker.
            #expect(zip(quotes, merged.quotes).contains { $0.speaker != nil && $1.speaker == nil })
        }
    }

    /// A stand-in with no mention looks among the people first mentioned in the article "", as the reference does.
    @Test func aStandInWithNoMentionLooksInTheEmptyArticle() {
        let speakers = [
            Speaker(
                id: "s1", name: "Ann Walker", kind: .person, role: "President",
                mentions: [Mention(article: "", paragraph: 0)]),
            Speaker(id: "s2", name: "the president", kind: .person),
            Speaker(
                id: "s3", name: "Bo Moon", kind: .person, role: "President",
                mentions: [Mention(article: "b", paragraph: 0), Mention(article: "", paragraph: 1)]),
        ]
        let quotes = speakers.map {
            Quote(id: "\($0.id)-q", article: "", paragraph: 0, start: 0, end: 1, text: "x", speaker: $0.id)
        }
        let expected = ReferenceSpeakerMerger.merge(speakers: speakers, quotes: quotes)
        let merged = SpeakerMerger.merge(Self.table(speakers))
        #expect(merged.speakers == expected.speakers)
        #expect(merged.slots.map { merged.speakers[Int($0)].id } == expected.quotes.map(\.speaker))
        #expect(merged.slots[1] == merged.slots[0])
    }

    /// The corpus speakers' mentions name their article by the table's one copy of its id, not a copy per mention.
    @Test func mentionsShareTheArticleIds() throws {
        let long = String(repeating: "x", count: 40)
        var table = SpeakerTable()
        for k in 0..<5 {
            // A new string of the same text each time: the table keeps the first.
            let article = String(long.dropLast()) + "x"
            table.append(
                name: "Speaker \(k % 2)", kind: .person, role: nil, aliases: [], article: article,
                paragraphs: [Int32(k), Int32(k + 1)])
        }
        let first = try #require(Self.storage(table.articleIDs[0]))
        #expect(table.articleIDs.count == 1)
        let merged = SpeakerMerger.merge(table)
        let mentions = merged.speakers.flatMap(\.mentions)
        #expect(mentions.count == 10)
        #expect(mentions.allSatisfy { $0.article == long && Self.storage($0.article) == first })
    }
}
