import Testing

@testable import BriefingModel

/// What `ArticleEvents` keeps beside its events so that searching them does not copy or hash each one: the
/// product flags follow each event's kind, and the day-dated hint never answers from a stale event.
@Suite struct ArticleEventsSearchTests {
    /// A state for an undated article, over the checkout's lexicon with `products` as the product kinds.
    private func state(products: Set<String>) -> ArticleEvents {
        let base = EventExtractor(lexicon: EventTestSupport.lexicon).parts
        var lexicon = base.lexicon
        lexicon.productKinds = products
        let parts = EventExtractor.Parts(lexicon: lexicon, tagger: base.tagger, splitter: base.splitter)
        return ArticleEvents(article: EventTestSupport.article("a", nil, ["Text."]), parts: parts)
    }

    private func mention(_ kind: String, at start: Int, in s: ArticleEvents) -> RawMention {
        RawMention(
            kind: s.parts.kindTable.id(kind) ?? .none, start: start, end: start + 1, phraseStart: start,
            phraseEnd: start + 1)
    }

    private let facts = ArticleEvents.Facts(date: nil, dateText: nil, unresolved: false, participants: [], leaders: [])

    private func candidate(_ start: Int) -> CandidateMention {
        CandidateMention(paragraph: 0, sentence: 0..<100, start: start, end: start + 1, text: "it")
    }

    private func dayDated(_ s: inout ArticleEvents) -> Bool { s.hasDayDated() }

    /// A new event of `kind`, first mentioned at `start`.
    private func newEvent(_ s: inout ArticleEvents, _ kind: String, at start: Int) -> Int {
        s.newCluster(
            kind: kind, family: s.parts.kind(kind).family, m: mention(kind, at: start, in: s), facts: facts,
            mention: candidate(start))
    }

    /// `kind` mentioned again at `start`, with `facts`, merged into event `c`.
    private func mentionAgain(
        _ s: inout ArticleEvents, _ c: Int, _ kind: String, at start: Int, facts: ArticleEvents.Facts? = nil
    ) {
        s.merge(
            c, kind: kind, m: mention(kind, at: start, in: s), facts: facts ?? self.facts, mention: candidate(start))
    }

    @Test func productFlagsFollowEachEventsKind() {
        var s = state(products: ["meeting"])
        let meeting = newEvent(&s, "meeting", at: 0)
        let summit = newEvent(&s, "summit", at: 5)
        #expect(s.product == [true, false])
        // "talks" outranks "meeting": the event's kind becomes a kind that is not a product.
        mentionAgain(&s, meeting, "talks", at: 10)
        #expect(s.clusters[meeting].kind == "talks")
        // "meeting" does not outrank "summit": the kind, and so the flag, stay.
        mentionAgain(&s, summit, "meeting", at: 15)
        #expect(s.clusters[summit].kind == "summit")
        #expect(s.product == s.clusters.map { s.parts.lexicon.productKinds.contains($0.kind) })
        #expect(s.product == [false, false])
    }

    @Test func dayDatedAsksTheEventsAsTheyAreNow() throws {
        var s = state(products: [])
        #expect(!dayDated(&s))
        let a = newEvent(&s, "summit", at: 0)
        let b = newEvent(&s, "summit", at: 5)
        #expect(!dayDated(&s))
        let day = try #require(Day(iso: "2019-02-27"))
        s.setDate(b, .day(day), text: "Feb. 27")
        #expect(dayDated(&s))
        // The event it found is re-dated to a month: the answer follows, and then finds another.
        s.setDate(b, EventDate(value: "2019-02", precision: .month), text: "February")
        #expect(!dayDated(&s))
        s.setDate(a, .day(day), text: "Feb. 27")
        #expect(dayDated(&s))
    }

    @Test func aMentionThatBringsADayIsRecorded() throws {
        var s = state(products: [])
        let c = newEvent(&s, "summit", at: 0)
        mentionAgain(&s, c, "summit", at: 5)
        #expect(!dayDated(&s))
        var dated = facts
        dated.date = .day(try #require(Day(iso: "2018-06-12")))
        mentionAgain(&s, c, "summit", at: 10, facts: dated)
        #expect(dayDated(&s))
    }
}
