/// Counted plurals: "his three meetings with Kim last year", "three summits in 2018" name a set of events told
/// elsewhere. Each is resolved to the held events of its family that it counts, and its words become a mention
/// of each of them (the `count` of the mention says how many it counts).
extension EventLinker {
    /// Adds each set candidate's mentions to the events it counts: held events of its family within its span and
    /// no later than its article, at a compatible place, whose main participants include the leaders the set
    /// names (else, unless bounded by an event, its persons) and two of its countries (or the one it names). The
    /// span is its date, or, for a set bounded by an event ("the months of launches that followed the Hanoi
    /// meeting"), the time after (or before) that event up to its article. When more fit than it counts, those
    /// most articles tell, then the earliest. A set with neither span nor (unless bounded) participants counts
    /// nothing.
    static func attachSets(
        _ sets: [(index: Int, candidate: EventCandidate)], members: [SetMember], groups: [SetGroup], owner: [Int],
        base: [Int], events: inout [Event],
        lexicon lex: EventLexicon, articleOrder: [String: Int], names: [String: String]
    ) {
        // Each event's main participants and how many articles tell it, worked out when a set first looks at it.
        var cores: [Set<String>?] = Array(repeating: nil, count: groups.count)
        var articleCounts: [Int?] = Array(repeating: nil, count: groups.count)
        // The mentions sets add to each event, in the order they are added; put in place once all are known.
        var added = SetMentions(eventCount: events.count)
        let countries = Set(lex.countryNames)
        // Held, dated events by family, in order of their first day: a set looks only at those starting in its span.
        let byFamily = Dictionary(
            grouping: groups.indices.compactMap { g -> (family: String, day: Day, group: Int)? in
                guard !groups[g].planned, let r = groups[g].date?.range else { return nil }
                return (groups[g].family, r.lowerBound, g)
            },
            by: \.family
        ).mapValues { $0.sorted { ($0.day, $0.group) < ($1.day, $1.group) } }
        for (s, set) in sets {
            guard let n = set.count, let span = setSpan(s, set, groups: groups, owner: owner, base: base)
            else { continue }
            let bounded = !set.relations.isEmpty
            // Under the corpus's own names ("Kim" → "Kim Jong Un"), as the events list them.
            let named = Set(set.participants.map { names[$0] ?? $0 })
            let nations = named.intersection(countries)
            // Its leaders, else (unless an event bounds it) every person it names.
            let persons =
                set.leaders.isEmpty && !bounded
                ? named.subtracting(countries) : Set(set.leaders.map { names[$0] ?? $0 })
            guard bounded || !nations.isEmpty || !persons.isEmpty else { continue }
            let needed = min(2, nations.count)
            var fits: [(articles: Int, day: Day, group: Int)] = []
            let family = byFamily[set.family] ?? []
            // The first event of the family starting on or after the span's first day.
            var lo = 0
            var hi = family.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if family[mid].day < span.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            for (_, start, g) in family[lo...] {
                if start > span.upperBound { break }
                let e = groups[g]
                guard let r = e.date?.range, span.contains(r.upperBound),
                    set.articleDate.map({ r.upperBound <= $0 }) ?? true
                else { continue }
                if let a = set.place, let b = e.place, !lex.compatible(a, b) { continue }
                let core = cores[g] ?? mainParticipants(e, members, names: names)
                cores[g] = core
                guard persons.isSubset(of: core), core.intersection(nations).count >= needed else { continue }
                let articles = articleCounts[g] ?? Set(e.members.map { members[$0].article }).count
                articleCounts[g] = articles
                fits.append((articles, r.lowerBound, g))
            }
            var chosen = fits.sorted {
                ($1.articles, $0.day.ordinal, $0.group) < ($0.articles, $1.day.ordinal, $1.group)
            }
            if n > 0 { chosen = Array(chosen.prefix(n)) }
            for c in chosen {
                for m in set.mentions {
                    added.add(
                        EventMention(
                            article: set.article, paragraph: m.paragraph, text: m.text, count: n > 0 ? n : nil),
                        to: c.group, articleOrder: articleOrder)
                }
            }
        }
        added.insert(into: &events, articleOrder: articleOrder)
    }

    /// The days a set may count events in: after (or before) the event it is bounded by, up to its article's
    /// date; else its own date.
    static func setSpan(
        _ s: Int, _ set: EventCandidate, groups: [SetGroup], owner: [Int], base: [Int]
    ) -> ClosedRange<Day>? {
        guard let bound = set.relations.first else { return set.date?.range }
        let t = base[s] + bound.target
        guard t < owner.count, owner[t] >= 0, let r = groups[owner[t]].date?.range else { return nil }
        let end = set.articleDate ?? r.upperBound.adding(days: 3650)
        switch bound.relation {
        case .after: return r.upperBound < end ? r.upperBound.adding(days: 1)...end : nil
        case .before: return r.lowerBound.adding(days: -3650)...r.lowerBound.adding(days: -1)
        default: return nil
        }
    }

    /// The participants named by at least a third of an event's candidates: who the event is about, not everyone
    /// a long article names beside it.
    static func mainParticipants(_ e: SetGroup, _ members: [SetMember], names: [String: String])
        -> Set<String>
    {
        var votes: [String: Int] = [:]
        for i in e.members {
            for p in Set(members[i].participants.map { names[$0] ?? $0 }) { votes[p, default: 0] += 1 }
        }
        return Set(votes.filter { $0.value * 3 >= e.members.count }.keys)
    }
}

/// What counted sets read of a candidate that is not one: its article (as its slot, `ArticleSlots`: sets only
/// count an event's articles) and participants.
struct SetMember: Sendable {
    var article: Int32
    var participants: [String]
}

/// What counted sets read of a merged event: its family, status, place, date and candidates.
struct SetGroup: Sendable {
    var family: String
    var planned: Bool
    var place: String?
    var date: EventDate?
    /// Indices of the candidates merged into it.
    var members: [Int]

    init(_ e: MergedEvent) {
        family = e.family
        planned = e.planned
        place = e.place
        date = e.date
        members = e.members
    }
}

/// The mentions counted sets add to events. Each goes after the event's mentions of earlier or the same article
/// order and paragraph (a later one after an earlier one), unless the event already has it (same article,
/// paragraph and words) or it was added before: added one by one, each insertion would copy and search the whole
/// list, so they are gathered in one list (no list or set per event, which for the stretches that count hundreds
/// of events came to tens of megabytes at 20,000 articles) and merged into each event's list once.
struct SetMentions {
    /// One added mention: its event, its article order, when it came, and the mention (its article by number in
    /// `articles`, its count `Added.none` when it has none): 40 bytes rather than 56 with an `EventMention`.
    private struct Added {
        var event: Int32
        var order: Int32
        var arrival: Int32
        var paragraph: Int32
        var article: Int32
        var count: Int32
        var text: String

        static let none = Int32.min

        /// Event, article order, paragraph, then arrival: a mention's repeats stand together, the first to come
        /// first.
        static func < (a: Added, b: Added) -> Bool {
            (a.event, a.order, a.paragraph, a.arrival) < (b.event, b.order, b.paragraph, b.arrival)
        }

        /// The same article, paragraph and words (the count aside).
        func repeats(_ other: Added) -> Bool {
            article == other.article && paragraph == other.paragraph && text == other.text
        }
    }

    private var added: [Added] = []
    /// The articles of the added mentions, each once (sets come from few articles).
    private var articles: [String] = []
    private var articleNumbers: [String: Int32] = [:]
    private let eventCount: Int

    init(eventCount: Int) { self.eventCount = eventCount }

    /// Adds `mention` to event `g` (its repeats are let go by `insert`).
    mutating func add(_ mention: EventMention, to g: Int, articleOrder: [String: Int]) {
        guard g >= 0, g < eventCount else { return }
        let article: Int32
        if let known = articleNumbers[mention.article] {
            article = known
        } else {
            article = Int32(clamping: articles.count)
            articleNumbers[mention.article] = article
            articles.append(mention.article)
        }
        added.append(
            Added(
                event: Int32(clamping: g), order: Int32(clamping: articleOrder[mention.article] ?? 0),
                arrival: Int32(clamping: added.count), paragraph: Int32(clamping: mention.paragraph),
                article: article, count: mention.count.map { Int32(clamping: $0) } ?? Added.none, text: mention.text))
    }

    /// The mention `a` stands for.
    private func mention(_ a: Added) -> EventMention {
        EventMention(
            article: articles[Int(a.article)], paragraph: Int(a.paragraph), text: a.text,
            count: a.count == Added.none ? nil : Int(a.count))
    }

    /// Puts the added mentions in place, as inserting each in turn after every mention ordered before or with
    /// it (by article order, then paragraph) would, each once and none the event has. The added mentions are
    /// taken out (mutating, not consuming: a consumed value's list could still be shared with the caller's, and
    /// sorting it would copy all of it).
    mutating func insert(into events: inout [Event], articleOrder: [String: Int]) {
        var all: [Added] = []
        swap(&all, &added)
        all.sort(by: <)
        var start = 0
        while start < all.count {
            let g = Int(all[start].event)
            var end = start
            while end < all.count && all[end].event == all[start].event { end += 1 }
            if g < events.count {
                // Each of the event's own mentions by article order and paragraph, worked out once.
                let list = events[g].mentions
                let keys = list.map { (articleOrder[$0.article] ?? 0, $0.paragraph) }
                let ordered = Self.isOrdered(keys)
                let fresh = fresh(all[start..<end], in: list, keys: keys, ordered: ordered)
                if !fresh.isEmpty { events[g].mentions = Self.merged(list, keys: keys, ordered: ordered, fresh) }
            }
            start = end
        }
    }

    /// Of one event's added mentions (sorted: `<`), those neither in `list` (whose article orders and paragraphs
    /// are `keys`, in order when `ordered`) nor added before, in the order they came.
    private func fresh(
        _ run: ArraySlice<Added>, in list: [EventMention], keys: [(Int, Int)], ordered: Bool
    ) -> [(order: Int, mention: EventMention)] {
        // The event's own mentions are looked up by binary search when they are in order, as the linker lists
        // them; else through a set of them.
        let own = ordered ? [] : Set(list.map(Key.init))
        var kept: [Added] = []
        // Where the added mentions of the current article order and paragraph start in `kept`.
        var paragraphStart = 0
        for (k, a) in zip(run.indices, run) {
            if k == run.startIndex || (run[k - 1].order, run[k - 1].paragraph) != (a.order, a.paragraph) {
                paragraphStart = kept.count
            }
            if kept[paragraphStart...].contains(where: { $0.repeats(a) }) { continue }
            let m = mention(a)
            let present = ordered ? Self.contains(m, order: Int(a.order), in: list, keys: keys) : own.contains(Key(m))
            if !present { kept.append(a) }
        }
        kept.sort { $0.arrival < $1.arrival }
        return kept.map { (Int($0.order), mention($0)) }
    }

    /// What identifies a mention for the repeat check (not its count).
    private struct Key: Hashable {
        var article: String
        var paragraph: Int
        var text: String

        init(_ m: EventMention) {
            article = m.article
            paragraph = m.paragraph
            text = m.text
        }
    }

    /// Whether mentions with these article orders and paragraphs are in order.
    private static func isOrdered(_ keys: [(Int, Int)]) -> Bool {
        zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }
    }

    /// Whether `list` (in order of `keys`, its article orders and paragraphs) has a mention with `mention`'s
    /// article, paragraph and words.
    private static func contains(_ mention: EventMention, order: Int, in list: [EventMention], keys: [(Int, Int)])
        -> Bool
    {
        let k = (order, mention.paragraph)
        var lo = 0
        var hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < k { lo = mid + 1 } else { hi = mid }
        }
        while lo < keys.count, keys[lo] == k {
            let m = list[lo]
            if m.article == mention.article && m.text == mention.text { return true }
            lo += 1
        }
        return false
    }

    /// `list` (whose article orders and paragraphs are `keys`) with `extra` inserted one after the other, each
    /// before the first mention (of `list` or inserted before it) ordered after it. When `list` is in order
    /// (`ordered`, as the linker lists mentions) that is a merge in which mentions ordered alike keep `list`'s
    /// first, then the added ones in the order they came.
    private static func merged(
        _ list: [EventMention], keys: [(Int, Int)], ordered: Bool, _ extra: [(order: Int, mention: EventMention)]
    ) -> [EventMention] {
        guard ordered else {
            // Not in order: insert one by one.
            var out = list
            var outKeys = keys
            for e in extra {
                let k = (e.order, e.mention.paragraph)
                let at = outKeys.firstIndex { $0 > k } ?? outKeys.count
                out.insert(e.mention, at: at)
                outKeys.insert(k, at: at)
            }
            return out
        }
        let order = extra.indices.sorted {
            (extra[$0].order, extra[$0].mention.paragraph, $0) < (extra[$1].order, extra[$1].mention.paragraph, $1)
        }
        var out: [EventMention] = []
        out.reserveCapacity(list.count + extra.count)
        var i = 0
        for a in order {
            let k = (extra[a].order, extra[a].mention.paragraph)
            while i < list.count && keys[i] <= k {
                out.append(list[i])
                i += 1
            }
            out.append(extra[a].mention)
        }
        out.append(contentsOf: list[i...])
        return out
    }
}
