import Testing

@testable import BriefingModel

/// Corpus-wide speakers: one person is one speaker; two people who share a surname stay apart.
@Suite struct SpeakerMergerTests {
    @Test func onePersonAcrossArticlesIsOneSpeaker() {
        let c = ExtractionSupport.corpus([
            ["Trade envoy Alan Brooks said the deal was “close to done.”"],
            ["Alan Brooks arrived late.", "Brooks said the talks had “stalled again.”"],
        ])
        let brooks = c.speakers.filter { $0.name == "Alan Brooks" }
        #expect(brooks.count == 1)
        #expect(brooks.first?.id == "alan-brooks")
        #expect(brooks.first?.role == "Trade envoy")
        #expect(Set(brooks.first?.mentions.map(\.article) ?? []) == ["a1", "a2"])
        #expect(c.quotes.allSatisfy { $0.speaker == "alan-brooks" })
    }

    @Test func sharedSurnameStaysApart() {
        let c = ExtractionSupport.corpus([
            ["President Lee Min Ho said the summit was “a success for everyone.”"],
            ["The envoy, Lee Jae Won, said the summit was “only a first step.”"],
        ])
        let lees = c.speakers.filter { $0.name.hasPrefix("Lee") }.map(\.name).sorted()
        #expect(lees == ["Lee Jae Won", "Lee Min Ho"])
        #expect(Set(c.quotes.compactMap(\.speaker)).count == 2)
    }

    @Test func oneWordNameJoinsTheFullNameItFitsByRole() {
        let a = Speaker(id: "x#s1", name: "Lee Min Ho", kind: .person, role: "President")
        let b = Speaker(id: "y#s1", name: "Lee Jae Won", kind: .person, role: "envoy")
        let c = Speaker(id: "z#s1", name: "Lee", kind: .person, role: "President")
        let q = Quote(id: "z#q1", article: "z", paragraph: 0, start: 0, end: 1, text: "x", speaker: "z#s1")
        let merged = SpeakerMerger.merge([
            ArticleExtraction(article: "x", speakers: [a]), ArticleExtraction(article: "y", speakers: [b]),
            ArticleExtraction(article: "z", speakers: [c], quotes: [q]),
        ])
        #expect(merged.speakers.count == 2)
        #expect(merged.quotes.first?.speaker == "lee-min-ho")
    }

    @Test func idsAreUniqueSlugs() {
        let a = Speaker(id: "x#s1", name: "Alan Brooks", kind: .person)
        let b = Speaker(id: "x#s2", name: "Alan Brooks", kind: .group)
        let merged = SpeakerMerger.merge([ArticleExtraction(article: "x", speakers: [a, b])])
        #expect(merged.speakers.map(\.id) == ["alan-brooks", "alan-brooks-2"])
    }

    @Test func namesFoldHyphensAndInitials() {
        #expect(SpeakerMerger.nameKey("Kim Jong-un") == SpeakerMerger.nameKey("kim jong un"))
        #expect(SpeakerMerger.nameKey("Donald J. Trump") == SpeakerMerger.nameKey("Donald Trump"))
    }
}

@Suite struct NameKeyFastPathTests {
    static let names = [
        "Kim Jong-un", "Donald J. Trump", "the North’s leader", "THE PRESIDENT", "Stephen E. Biegun", "O’Brien",
        "  Mike  Pompeo ", "Jean-Yves Le Drian", "A. B.", "the", "Moon Jae-in's aide", "X-", "-", "",
        "former chief negotiator who heads the talks", "Ri Yong-ho (foreign minister)", "The J.", "J. the K.",
        "’", "Kim’s", "-Kim--Jong-", "THE", "Z. Z", "a\tb", "the the", "x.",
    ]

    @Test func asciiPathEqualsTheFoundationPath() throws {
        for n in Self.names {
            let fast = try #require(SpeakerMerger.asciiNameKey(n), "\(n)")
            #expect(fast == SpeakerMerger.unicodeNameKey(n), "\(n)")
        }
    }

    @Test func otherNamesTakeTheFoundationPath() {
        #expect(SpeakerMerger.asciiNameKey("Müller") == nil)
        #expect(SpeakerMerger.nameKey("Jürgen Müller-Lüdenscheidt") == ["jürgen", "müller", "lüdenscheidt"])
    }

    /// `onlyLonger` looks only at the names of more words of a group ordered by word count and stops at a second
    /// fit: it must pick what comparing with every name of the group picks (the one longer name that contains the
    /// words in order, else none).
    @Test func onlyLongerPicksWhatComparingWithEveryNamePicks() {
        let middles = ["", "a", "b", "a b", "b a", "a c", "c", "a b c", "b c", "a a"]
        let names = middles.map { m in (["kim"] + m.split(separator: " ").map(String.init) + ["un"]) }
        // Groups of several sizes and orders (ordered by word count, ties in the order given).
        var checked = 0
        for size in 1...names.count {
            for offset in 0..<names.count {
                let group = (0..<size).map { (offset + $0 * 3) % names.count }
                let ordered = group.enumerated().sorted {
                    (names[$0.element].count, $0.offset) < (names[$1.element].count, $1.offset)
                }.map(\.element)
                for c in Set(group) {
                    let short = names[c]
                    let longer = Set(group).filter { d in
                        d != c && names[d].count > short.count && SpeakerMerger.isSubsequence(short, of: names[d])
                    }
                    let expected = longer.count == 1 ? longer.first : nil
                    #expect(SpeakerMerger.onlyLonger(short, in: ordered, keys: { names[$0] }) == expected)
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func aShortNameJoinsTheOneLongerNameWithItsWordsInOrder() {
        let long = Speaker(id: "x#s1", name: "Sam Lee Walker", kind: .person, role: "envoy")
        let other = Speaker(id: "y#s1", name: "Sam Park Walker", kind: .person, role: "envoy")
        let short = Speaker(id: "z#s1", name: "Sam Walker", kind: .person, role: "envoy")
        let lone = Speaker(id: "w#s1", name: "Ann Bell", kind: .person, role: "aide")
        let lonelong = Speaker(id: "v#s1", name: "Ann Marie Bell", kind: .person, role: "aide")
        let merged = SpeakerMerger.merge([
            ArticleExtraction(article: "x", speakers: [long]), ArticleExtraction(article: "y", speakers: [other]),
            ArticleExtraction(article: "z", speakers: [short]), ArticleExtraction(article: "w", speakers: [lone]),
            ArticleExtraction(article: "v", speakers: [lonelong]),
        ])
        // Two longer names fit "Sam Walker": it stays apart; "Ann Bell" joins "Ann Marie Bell".
        #expect(
            merged.speakers.map(\.name).sorted() == [
                "Ann Marie Bell", "Sam Lee Walker", "Sam Park Walker", "Sam Walker",
            ])
        #expect(merged.speakers.first { $0.name == "Ann Marie Bell" }?.aliases == ["Ann Bell"])
    }

    /// A one-word name joined by role brings its role words to the cluster: a later one-word name with only that role
    /// word then fits the same cluster.
    @Test func roleWordsOfJoinedNamesCountForLaterOnes() {
        let people = [
            ("a", "Lee Min Ho", "President"), ("b", "Lee Jae Won", "Envoy"), ("c", "Lee", "President and Chairman"),
            ("d", "Lee", "Chairman"), ("e", "Lee", "Treasurer"),
        ]
        let merged = SpeakerMerger.merge(
            people.map { article, name, role in
                ArticleExtraction(
                    article: article,
                    speakers: [
                        Speaker(
                            id: article + "#s1", name: name, kind: .person, role: role,
                            mentions: [Mention(article: article, paragraph: 0)])
                    ])
            })
        let min = merged.speakers.first { $0.name == "Lee Min Ho" }
        #expect(Set(min?.mentions.map(\.article) ?? []) == ["a", "c", "d"])
        #expect(merged.speakers.first { $0.name == "Lee Jae Won" }?.mentions.map(\.article) == ["b"])
        // No cluster has the treasurer's role word: that "Lee" stays a speaker of its own.
        #expect(merged.speakers.count == 3)
    }
}
