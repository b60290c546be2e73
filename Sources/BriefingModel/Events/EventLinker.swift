/// Merges the events of all articles into the corpus timeline, relates events, and gives every quote its events.
///
/// Merging: same family of kind, same planned-or-held status, compatible places (Hanoi lies in Vietnam),
/// overlapping dates, shared countries when both name some; at least a date or a place must agree. Mentions with
/// only an ordinal ("the second summit") then take the n-th event of their kind in date order.
public enum EventLinker {
    public static func link(
        _ candidates: [EventCandidate], articles: [Article], speakers: [Speaker], quotes: inout [Quote],
        lexicon: Lexicon
    ) -> [Event] {
        link(
            candidates, articles: articles, speakers: speakers, quotes: &quotes, events: EventLexicon(lexicon: lexicon))
    }

    public static func link(
        _ candidates: [EventCandidate], articles: [Article], speakers: [Speaker], quotes: inout [Quote],
        events lex: EventLexicon
    ) -> [Event] {
        group(candidates, articles: articles, quotes: quotes, events: lex).finish(speakers: speakers, quotes: &quotes)
    }

    /// The most events a paragraph may name for a quote in no sentence with an event to take them all.
    static let paragraphEvents = 8

    /// True when event `a` (index `i`) has more members than `b` (index `k`), or as many and was created first:
    /// the first of the largest, as `max(by:)` over events in creation order finds it.
    private static func larger(_ a: MergedEvent, _ i: Int, than b: MergedEvent, _ k: Int) -> Bool {
        a.members.count > b.members.count || (a.members.count == b.members.count && i < k)
    }

    /// `group(_:articles:places:events:)` with the places of `quotes`.
    public static func group(
        _ candidates: [EventCandidate], articles: [Article], quotes: [Quote], events lex: EventLexicon
    ) -> LinkedEvents {
        group(candidates, articles: articles, places: quotes.map(QuotePlace.init), events: lex)
    }

    /// Everything `link` does but naming participants after the merged speakers and writing the quotes' events:
    /// it needs only where each quote stands (`places`, in the order of the quotes `finish` is given), not the
    /// quotes' speakers, so it can run beside `SpeakerMerger.merge`.
    public static func group(
        _ candidates: [EventCandidate], articles: [Article], places quotes: [QuotePlace], events lex: EventLexicon
    ) -> LinkedEvents {
        group(CandidateChunks(candidates), articles: articles, places: quotes, events: lex)
    }

    /// The same with the candidates still in their articles' arrays.
    ///
    /// With `turn`, the end of grouping (building the events beside the candidates not yet let go, where grouping
    /// holds the most memory) waits for the turn.
    static func group<Places: RandomAccessCollection<QuotePlace>>(
        _ candidates: consuming CandidateChunks, articles: [Article], places quotes: Places, events lex: EventLexicon,
        turn: MemoryTurn? = nil
    ) -> LinkedEvents where Places.Index == Int {
        guard !candidates.isEmpty else { return LinkedEvents(events: [], quoteEvents: [], sets: nil) }
        // Where each article's candidates start (they come grouped by article).
        var base: [Int] = []
        var start = 0
        var mentionCount = 0
        for i in candidates.indices {
            if i == 0 || candidates[i].article != candidates[i - 1].article { start = i }
            base.append(start)
            mentionCount += candidates[i].mentions.count
        }
        let countries = Set(lex.countryNames)
        // Participants, places and families as small integers (scoring compares integers), numbered once in
        // candidate order and kept as flat lists of ids; each candidate's facts are built from them where they are
        // used (`facts`) rather than held for every candidate at once (a list each).
        var interned = LinkNames(countries: countries)
        var familyIDs: [String: Int32] = [:]
        let numbered = CandidateIDs(candidates, families: &familyIDs, names: &interned, gazetteer: lex.gazetteer)
        // Every name is numbered: read-only from here (a closure reading a `var` checks each access at run time).
        let names = interned
        let months = lex.monthNames
        /// The facts of candidate `i`. Its fields are read one by one: passing the candidate would copy it whole.
        func facts(_ i: Int) -> CandidateFacts {
            numbered.facts(
                i, days: candidates[i].dateDays,
                unresolved: candidates[i].dateUnresolved ? candidates[i].dateText : nil, months: months)
        }
        var groups: [MergedEvent] = []
        var owner = [Int](repeating: -1, count: candidates.count)
        // Dated and placed first, then dated, then placed, then neither. Fields read in place: `map` over the
        // chunks, or a function given the candidate, would copy it whole.
        let ranks = candidates.indices.map { i in
            (candidates[i].hasDate ? 0 : 2) + (candidates[i].place != nil ? 0 : 1)
        }
        // By rank, in candidate order within a rank: one pass per rank rather than a sort.
        var order: [Int] = []
        order.reserveCapacity(candidates.count)
        for r in 0...3 { for i in ranks.indices where ranks[i] == r { order.append(i) } }
        var deferred: [Int] = []
        // Groups by family and status, in creation order: only those can take a candidate (`score`).
        var byFamily: [Int: ScorePool] = [:]
        // The events a candidate is scored against (a pool may list one twice), and which were scored already.
        var pooled: [Int] = []
        var scoredFor: [Int] = []
        for i in order {
            // A set of events ("three summits in 2018") is no event of its own: `attachSets` resolves it in
            // `LinkedEvents.finish` (it counts events under the speakers' names).
            if candidates[i].count != nil { continue }
            if ranks[i] == 3, candidates[i].ordinal != nil {
                deferred.append(i)
                continue
            }
            // The best score, the earliest event among equals: the first best in creation order.
            var best: (score: Int, index: Int)?
            let f = facts(i)
            let planned = candidates[i].planned
            let familyKey = Int(f.family) * 2 + (planned ? 1 : 0)
            if ranks[i] < 3, let pool = byFamily[familyKey] {
                pool.collect(for: f.poolDate, place: f.place, names: names, into: &pooled)
                for g in pooled where scoredFor[g] != i {
                    scoredFor[g] = i
                    guard let s = groups[g].score(f, planned: planned, names: names) else { continue }
                    if best.map({ s > $0.score || (s == $0.score && g < $0.index) }) ?? true { best = (s, g) }
                }
            }
            if let b = best {
                let old = (date: groups[b.index].poolDate, place: groups[b.index].placeID)
                groups[b.index].absorb(candidates[i], index: i, facts: f, names: names, kinds: lex.kinds)
                owner[i] = b.index
                byFamily[familyKey]?.move(
                    b.index, from: old, to: (groups[b.index].poolDate, groups[b.index].placeID), names: names)
            } else {
                groups.append(MergedEvent(candidates[i], index: i, facts: f, names: names))
                scoredFor.append(-1)
                owner[i] = groups.count - 1
                byFamily[familyKey, default: ScorePool()].append(
                    groups.count - 1, at: f.poolDate, place: f.place, names: names)
            }
        }
        // The pools are done with: let them go before the lists below are built.
        byFamily = [:]
        scoredFor = []
        // Held, dated events by kind and by family under each participant an ordinal mention names, in date order
        // (then creation order), kept up to date as absorbing an ordinal mention changes an event's kind or
        // participants (such mentions bring no date).
        var wanted: [Int32] = []
        for i in deferred where !candidates[i].planned { wanted += numbered.participants(i) }
        var series = ParticipantSeries(wanted: wanted)
        for g in groups.indices where !groups[g].planned && groups[g].date != nil {
            let e = groups[g]
            series.append(g, day: e.span?.lo ?? 0, kind: e.kind, family: e.familyID, participants: e.participantIDs)
        }
        series.sort()
        // The generic word of each family of more than one kind (its lowest rank: "meeting", "launch").
        let generic = Self.genericKinds(lex.kinds)
        // Planned events of each family by date under each participant an ordinal mention names, for "the second
        // summit" still to come.
        var plannedWanted: [Int32] = []
        for i in deferred where candidates[i].planned { plannedWanted += numbered.participants(i) }
        var plans = ParticipantSeries(wanted: plannedWanted)
        for g in groups.indices where groups[g].planned {
            guard let day = groups[g].span?.lo else { continue }
            plans.append(g, day: day, kind: nil, family: groups[g].familyID, participants: groups[g].participantIDs)
        }
        plans.sort()
        for i in deferred {
            let c = candidates[i]
            guard let n = c.ordinal else { continue }
            let f = facts(i)
            if c.planned {
                // The next of a series still to come: the earliest plan of its family after the article's date
                // that shares a participant.
                let next = plans.first(
                    in: plans.family(f.family), after: c.articleDate?.ordinal, participants: f.participants)
                if let h = next {
                    groups[h].absorb(c, index: i, facts: f, names: names, kinds: lex.kinds)
                    owner[i] = h
                    // (A plan in the lists has a date.)
                    plans.add(h, day: groups[h].span?.lo ?? 0, family: f.family, participants: f.participants)
                } else {
                    groups.append(MergedEvent(c, index: i, facts: f, names: names))
                    owner[i] = groups.count - 1
                }
                continue
            }
            // The n-th of them in date order among those that have every person it names, else among those that
            // share a participant. The generic word of a family (the lowest rank: "meeting", "launch") counts every
            // kind of it ("his first meeting with Kim" may be a summit); other words count their own kind.
            var nth: Int?
            if n >= 1 {
                let key = generic.contains(c.kind) ? series.family(f.family) : series.kind(c.kind)
                nth = series.nth(n, in: key, facts: f, groups: groups, names: names)
            }
            if let h = nth {
                let old = groups[h].kind
                groups[h].absorb(c, index: i, facts: f, names: names, kinds: lex.kinds)
                owner[i] = h
                let e = groups[h]
                // Every list of its own when its kind changed, else those of the participants it may have gained.
                let moved = e.kind != old ? e.participantIDs[...] : f.participants
                series.update(h, day: e.span?.lo ?? 0, from: old, to: e.kind, family: e.familyID, participants: moved)
            } else {
                groups.append(MergedEvent(c, index: i, facts: f, names: names))
                owner[i] = groups.count - 1
            }
        }
        // A statement dated and placed with another event ("the Singapore statement of June 2018") came out of it.
        var removed = Set<Int>()
        // Events that can host one, by date: a dated statement looks only at events dated near it.
        var hostPool = GroupPool()
        for h in groups.indices where !lex.productKinds.contains(groups[h].kind) && !groups[h].planned {
            hostPool.append(h, at: groups[h].poolDate)
        }
        // Kinds do not change below (a host keeps its own), so whether an event is a statement is known up front.
        let isProduct = groups.map { lex.productKinds.contains($0.kind) }
        for g in groups.indices where isProduct[g] {
            let place = groups[g].place
            let placeID = groups[g].placeID
            let date = groups[g].poolDate
            let dated = date != .undated
            guard place != nil || dated else { continue }
            // `hostPool` holds every held event that is no statement, in creation order.
            hostPool.collect(for: date, into: &pooled)
            let span = groups[g].span
            // Undated, it needs the one main event at its place: the one most articles speak of (the first
            // created among equals).
            var host: Int?
            // Plain tests, no closures: a closure reading `groups` would check each access at run time.
            for h in pooled where h != g && !isProduct[h] && !groups[h].planned {
                let e = groups[h]
                if let p = placeID {
                    guard let q = e.placeID, names.compatible(q, p) else { continue }
                }
                if dated {
                    guard let d = span, let hs = e.span, hs.overlaps(d, slack: 0) else { continue }
                }
                guard !removed.contains(h) else { continue }
                if let k = host, !Self.larger(e, h, than: groups[k], k) { continue }
                host = h
            }
            guard let h = host else { continue }
            let kind = groups[h].kind
            let hostDate = groups[h].poolDate
            for i in groups[g].members {
                groups[h].absorb(candidates[i], index: i, facts: facts(i), names: names, kinds: lex.kinds)
                owner[i] = h
            }
            groups[h].kind = kind
            hostPool.move(h, from: hostDate, to: groups[h].poolDate)
            groups[h].outcomes.append(contentsOf: groups[g].outcomes.filter { !groups[h].outcomes.contains($0) })
            removed.insert(g)
        }
        drop(removed, from: &groups, owner: &owner)
        StageTrace.mark("line A: candidates grouped")
        turn?.enter()
        defer { turn?.leave() }
        let rescheduled = reschedulePlans(
            &groups, &owner, candidates, lex, countries, facts: { facts($0) }, names: names)
        // The grouping's tables are done with: let them go before the events and their lookups are built.
        series = ParticipantSeries(wanted: [])
        plans = ParticipantSeries(wanted: [])
        hostPool = GroupPool()
        for g in groups.indices { groups[g].promote(lexicon: lex) }
        // An event with neither date (not even unresolved words) nor place says nothing a timeline can show.
        let vague = Set(
            groups.indices.filter { groups[$0].date == nil && groups[$0].dateText == nil && groups[$0].place == nil })
        drop(vague, from: &groups, owner: &owner)

        // Ids and titles (participants are named after the speakers in `LinkedEvents.finish`).
        var used: [String: Int] = [:]
        var ids: [String] = []
        // The date each event shows, worked out once for its id and its record.
        let shownDates = groups.map { $0.shownDate }
        for (g, e) in groups.enumerated() {
            var id = e.slug(shown: shownDates[g]?.date)
            if let n = used[id] {
                used[id] = n + 1
                id += "-\(n + 1)"
            } else {
                used[id] = 1
            }
            ids.append(id)
        }
        // The first event of each id: relations and quote events count an id once.
        var firstWithID: [String: Int] = [:]
        let canon = ids.indices.map { g in
            if let f = firstWithID[ids[g]] { return f }
            firstWithID[ids[g]] = g
            return g
        }
        // Each candidate's article as a number in order of first appearance, looked up once per run of candidates.
        let slots = ArticleSlots(candidates.indices.lazy.map { candidates[$0].article })
        let articleOrder = Dictionary(articles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let orderOfSlot = slots.articles.map { articleOrder[$0] ?? 0 }
        // Relations: those the text states, then date order among the events an article mentions together.
        var related = RelationTable(events: groups.count, canon: canon, ids: ids)
        // Each candidate's place among its event's members (each belongs to one event at most): its mentions
        // come in that order before they are sorted.
        var rankInEvent = [Int32](repeating: 0, count: candidates.count)
        for e in groups {
            for (r, i) in e.members.enumerated() { rankInEvent[i] = Int32(clamping: r) }
        }
        // The last pass over the candidates, each article's let go once read: the mentions of each event, the
        // relations the text states, the sentences of the mentions (for the quotes below) and what counted sets
        // read.
        let candidateCount = candidates.count
        // Every event's mentions in one list, event after event, sized up front: one block let go at once, rather
        // than a list per event that grows by copying itself and leaves the copies' room among the events' own.
        var mentionStart = [Int](repeating: 0, count: groups.count + 1)
        for i in candidates.indices where owner[i] >= 0 { mentionStart[owner[i] + 1] += candidates[i].mentions.count }
        for g in groups.indices { mentionStart[g + 1] += mentionStart[g] }
        var nextMention = mentionStart
        var keyed = [KeyedMention](repeating: .empty, count: mentionStart[groups.count])
        var sentences: [SentenceEvent] = []
        sentences.reserveCapacity(mentionCount)
        var setCandidates: [(index: Int, candidate: EventCandidate)] = []
        var members: [SetMember] = []
        candidates.drain { i, c in
            for r in c.relations {
                let t = base[i] + r.target
                guard t < candidateCount else { continue }
                let a = owner[i]
                let b = owner[t]
                guard a >= 0, b >= 0 else { continue }
                related.add(a, b, r.relation, r.cue)
                if r.relation == .after { related.add(b, a, .before, r.cue) }
                if r.relation == .before { related.add(b, a, .after, r.cue) }
            }
            let g = owner[i]
            if g >= 0 {
                let slot = slots.slot[i]
                let event = Int32(clamping: canon[g])
                for (k, m) in c.mentions.enumerated() {
                    keyed[nextMention[g]] = KeyedMention(
                        paragraph: Int32(clamping: m.paragraph), rank: rankInEvent[i],
                        index: Int32(clamping: k), slot: slot, text: m.text)
                    nextMention[g] += 1
                    sentences.append(
                        SentenceEvent(
                            slot: slot, paragraph: Int32(clamping: m.paragraph),
                            start: Int32(clamping: m.sentence.lowerBound),
                            end: Int32(clamping: m.sentence.upperBound), event: event))
                }
            }
            if c.count != nil { setCandidates.append((i, c)) }
            if members.isEmpty { members.reserveCapacity(candidateCount) }
            members.append(SetMember(article: slots.slot[i], participants: c.participants))
        }
        rankInEvent = []
        nextMention = []

        // Quotes: the events their sentence mentions, else those their paragraph mentions when it names at most
        // `paragraphEvents` (an undated 5 MB paragraph named 5,435 and gave each of 9,506 quotes all of them: 1.5 GB
        // of JSON). Worked out before the events are built, so that the sentences are let go first.
        // Events as the first event of their id (`canon`), articles as slots: integer keys and values.
        // In paragraph order (article slot, paragraph), mentions of one paragraph in candidate order: a quote finds
        // its paragraph's by binary search.
        // (The standard sort is stable: the mentions of one paragraph keep the order they were added in.)
        sentences.sort { ($0.slot, $0.paragraph) < ($1.slot, $1.paragraph) }
        // The mentions of the paragraph last looked up (its key; none or empty when it has none), and lists used
        // again for every quote rather than made anew.
        var lookup = ParagraphMentions()
        var lookupKey: ParagraphKey?
        var seen = EventMarks(count: groups.count)
        var overlapping: [Int] = []
        var found: [Int] = []
        var quoteEvents: [(quote: Int, events: [String])] = []
        // Quotes of one paragraph often get the same events: they share one array of ids.
        var lastFound: [Int] = []
        var lastIDs: [String] = []
        // Quotes come grouped by article too: the slot is looked up once per run.
        var quoteArticle: String?
        var quoteSlot: Int?
        for q in quotes.indices {
            let place = quotes[q]
            if place.article != quoteArticle {
                quoteArticle = place.article
                quoteSlot = slots.slotOf[place.article]
            }
            guard let slot = quoteSlot else { continue }
            let key = ParagraphKey(article: slot, paragraph: place.paragraph)
            if key != lookupKey {
                lookup.load(sentences[SentenceEvent.run(of: key, in: sentences)], seen: &seen)
                lookupKey = key
            }
            guard !lookup.isEmpty else { continue }
            let quoteRange = place.start..<max(place.start + 1, place.end)
            lookup.positions(overlapping: quoteRange, into: &overlapping)
            found.removeAll(keepingCapacity: true)
            if overlapping.isEmpty {
                guard lookup.distinctEvents.count <= EventLinker.paragraphEvents else { continue }
                found += lookup.distinctEvents
            } else {
                seen.removeAll()
                for k in overlapping where seen.insert(lookup.events[k]) { found.append(lookup.events[k]) }
            }
            guard !found.isEmpty else { continue }
            if found != lastFound {
                lastFound.removeAll(keepingCapacity: true)
                lastFound += found
                lastIDs = found.map { ids[$0] }
            }
            quoteEvents.append((q, lastIDs))
        }
        sentences = []
        lookup = ParagraphMentions()

        var events: [Event] = []
        events.reserveCapacity(groups.count)
        for (g, e) in groups.enumerated() {
            // Mentions in article order then paragraph order, then as the event's members and their mentions
            // come; each once.
            let first = mentionStart[g]
            keyed[first..<mentionStart[g + 1]].sort {
                (orderOfSlot[Int($0.slot)], $0.paragraph, $0.rank, $0.index)
                    < (orderOfSlot[Int($1.slot)], $1.paragraph, $1.rank, $1.index)
            }
            let unique = Self.distinctMentions(mentionStart[g + 1] - first) {
                let k = keyed[first + $0]
                return (
                    orderOfSlot[Int(k.slot)], Int(k.paragraph),
                    EventMention(article: slots.articles[Int(k.slot)], paragraph: Int(k.paragraph), text: k.text)
                )
            }
            let shown = shownDates[g]
            events.append(
                Event(
                    id: ids[g], kind: e.kind, title: e.title(lexicon: lex, countries: countries),
                    place: e.place.map { lex.display($0) },
                    date: shown?.date ?? e.date, planned: e.planned, participants: e.participants, mentions: unique,
                    related: [], outcomes: e.outcomes, dateText: shown.map { $0.words } ?? e.dateText))
        }
        keyed = []
        mentionStart = []

        noteReschedules(rescheduled, groups: groups, events: &events)
        // Date order among the dated events each article mentions: articles in the order their candidates come,
        // families by name, events by first day then id, each event once, each tied to the next when it ends
        // before that one begins. The relations come out in the same order on every run. One sorted list of the
        // corpus's (article, family, day, event) rather than a set, a table and sorted lists per article.
        var familyOrder = [Int32](repeating: 0, count: familyIDs.count)
        for (k, f) in familyIDs.sorted(by: { $0.key < $1.key }).enumerated() { familyOrder[Int(f.value)] = Int32(k) }
        var articleRank = [Int32](repeating: -1, count: slots.articles.count)
        var articlesSeen: Int32 = 0
        var chain: [ChainLink] = []
        for i in candidates.indices where owner[i] >= 0 {
            let slot = Int(slots.slot[i])
            if articleRank[slot] < 0 {
                articleRank[slot] = articlesSeen
                articlesSeen += 1
            }
            let e = groups[owner[i]]
            guard e.poolDate != .undated else { continue }
            chain.append(
                ChainLink(
                    article: articleRank[slot], family: familyOrder[Int(e.familyID)], day: e.span?.lo ?? 0,
                    event: Int32(owner[i])))
        }
        chain.sort { a, b in
            (a.article, a.family, a.day) != (b.article, b.family, b.day)
                ? (a.article, a.family, a.day) < (b.article, b.family, b.day) : ids[Int(a.event)] < ids[Int(b.event)]
        }
        for k in chain.indices.dropFirst() {
            let (x, y) = (chain[k - 1], chain[k])
            // The same event again (its entries are next to each other), or the first of another article or family.
            guard x.article == y.article, x.family == y.family, x.event != y.event else { continue }
            let (a, b) = (Int(x.event), Int(y.event))
            guard let da = groups[a].span, let db = groups[b].span, da.hi < db.lo else { continue }
            related.add(b, a, .after, nil)
            related.add(a, b, .before, nil)
        }
        chain = []
        // A plan and the event held as planned: same family, place and date (a summit announced in May for
        // June 12 and the summit of June 12) stay two events, tied by `same`.
        // Families by id (`familyIDs`: one to one with their names).
        var heldByFamily: [Int32: GroupPool] = [:]
        for h in groups.indices where !groups[h].planned {
            heldByFamily[groups[h].familyID, default: GroupPool()].append(h, at: groups[h].poolDate)
        }
        for p in groups.indices where groups[p].planned {
            let pd = groups[p].poolDate
            guard pd != .undated, let pool = heldByFamily[groups[p].familyID] else { continue }
            pool.collect(for: pd, into: &pooled)
            let ps = groups[p].span
            // The held event most articles speak of (the first created among equals).
            var best: Int?
            for h in pooled {
                let e = groups[h]
                guard !e.planned, e.familyID == groups[p].familyID, e.poolDate != .undated else { continue }
                if let a = e.placeID, let b = groups[p].placeID, !names.compatible(a, b) { continue }
                // (An event has a place id exactly when it has a place.)
                let slack = e.placeID != nil && groups[p].placeID != nil ? 3 : 0
                guard let hs = e.span, let pspan = ps, hs.overlaps(pspan, slack: slack),
                    hs.width <= pspan.width + 2 * slack, groups[p].sharesParticipant(with: e)
                else { continue }
                if let k = best, !Self.larger(e, h, than: groups[k], k) { continue }
                best = h
            }
            guard let h = best else { continue }
            related.add(p, h, .same, "held as planned")
            related.add(h, p, .same, "held as planned")
        }
        for g in events.indices { events[g].related = related.lists[g] }
        related = RelationTable(events: 0, canon: [], ids: [])
        heldByFamily = [:]
        // Counted sets count events under the speakers' names: `finish` attaches them, with what is kept here.
        let hasSets = !setCandidates.isEmpty
        if !hasSets { members = [] }

        // By first day, last day and id; undated events last. Keys computed once, not per comparison.
        let spans = events.map { $0.date?.range.map { ($0.lowerBound.ordinal, $0.upperBound.ordinal) } }
        let sorted = events.indices.sorted { i, j in
            switch (spans[i], spans[j]) {
            case (let x?, let y?): return (x.0, x.1, events[i].id) < (y.0, y.1, events[j].id)
            case (.some, nil): return true
            case (nil, .some): return false
            default: return events[i].id < events[j].id
            }
        }
        var sets: LinkedEvents.SetContext?
        if hasSets {
            var positions = [Int](repeating: 0, count: sorted.count)
            for (k, g) in sorted.enumerated() { positions[g] = k }
            sets = LinkedEvents.SetContext(
                sets: setCandidates, members: members, groups: groups, owner: owner, base: base,
                articleOrder: articleOrder, lexicon: lex, positions: positions)
        }
        return LinkedEvents(events: sorted.map { events[$0] }, quoteEvents: quoteEvents, sets: sets)
    }
}

/// Where a quote stands (its article, paragraph and span): all that `EventLinker.group` reads of it.
public struct QuotePlace: Sendable, Hashable {
    public var article: String
    public var paragraph: Int
    public var start: Int
    public var end: Int

    public init(article: String, paragraph: Int, start: Int, end: Int) {
        self.article = article
        self.paragraph = paragraph
        self.start = start
        self.end = end
    }

    public init(_ quote: Quote) {
        self.init(article: quote.article, paragraph: quote.paragraph, start: quote.start, end: quote.end)
    }
}

/// Linked events before their participants are named after the corpus's speakers, and the events each quote
/// gets: what `EventLinker.group` gives and `finish` completes.
public struct LinkedEvents: Sendable {
    /// The events in timeline order; participants as the articles name them.
    public var events: [Event]
    /// Quotes (by index) and their events, distinct, in mention order.
    var quoteEvents: [(quote: Int, events: [String])]
    /// What `EventLinker.attachSets` needs, when some candidate is a counted set.
    var sets: SetContext?

    /// The linker's state that counted sets are resolved against.
    ///
    /// Kept from `group` until `finish` (which may wait for speaker merging), so it holds only what sets read: the
    /// set candidates whole, of the others their article and participants, of the merged events what a set is
    /// matched against; not the linker's working tables.
    struct SetContext: Sendable {
        /// The counted sets, in candidate order, with their indices.
        var sets: [(index: Int, candidate: EventCandidate)]
        /// Per candidate (by index): its article and participants.
        var members: [SetMember]
        var groups: [SetGroup]
        var owner: [Int]
        var base: [Int]
        var articleOrder: [String: Int]
        var lexicon: EventLexicon
        /// Where each merged event (by index in `groups`) stands in `events`.
        var positions: [Int]

        init(
            sets: [(index: Int, candidate: EventCandidate)], members: [SetMember], groups: [MergedEvent],
            owner: [Int], base: [Int], articleOrder: [String: Int], lexicon: EventLexicon, positions: [Int]
        ) {
            self.sets = sets
            self.members = members
            self.groups = groups.map(SetGroup.init)
            self.owner = owner
            self.base = base
            self.articleOrder = articleOrder
            self.lexicon = lexicon
            self.positions = positions
        }
    }

    /// The events with participants under the speakers' proper names; adds each quote's events to `quotes`
    /// (the quotes `group` read, in the same order; their speakers may since have been merged).
    public consuming func finish(speakers: [Speaker], quotes: inout [Quote]) -> [Event] {
        let (events, quoteEvents) = finish(speakers: speakers)
        for (q, found) in quoteEvents where q < quotes.count { Self.add(found, to: &quotes[q].events) }
        return events
    }

    /// Adds the event ids `found` to a quote's `events`, each once.
    static func add(_ found: [String], to events: inout [String]) {
        // Distinct events have distinct ids: only events the quote had before need a check.
        if events.isEmpty {
            events = found
        } else {
            var present = Set(events)
            for e in found where present.insert(e).inserted { events.append(e) }
        }
    }

    /// The same, leaving the quotes' events to the caller: the events, and each quote's (by index, in the order of
    /// the places `group` read), distinct, in mention order.
    consuming func finish(speakers: [Speaker]) -> (events: [Event], quoteEvents: [(quote: Int, events: [String])]) {
        var names: [String: String] = [:]
        // Under a speaker's proper name only: a role standing in for someone ("the North's envoy") is no name.
        for s in speakers where s.kind == .person && PersonFinder.isProperName(s.name) {
            names[s.name] = s.name
            for a in s.aliases where names[a] == nil { names[a] = s.name }
        }
        // Moved out: renaming the participants in place copies no list.
        var events = self.events
        self.events = []
        for g in events.indices {
            var participants: [String] = []
            // A set only for the long lists: most events have a handful of participants.
            var named: Set<String>? = events[g].participants.count > 16 ? [] : nil
            for p in events[g].participants {
                let name = names[p] ?? p
                if named != nil {
                    if named?.insert(name).inserted == true { participants.append(name) }
                } else if !participants.contains(name) {
                    participants.append(name)
                }
            }
            events[g].participants = participants
        }
        if let s = sets {
            // `attachSets` works on the events in the order of the merged events. Their mention lists are moved
            // there, so a list it replaces is let go at once rather than kept by `events` until the end.
            var byGroup: [Event] = []
            byGroup.reserveCapacity(s.positions.count)
            for p in s.positions {
                byGroup.append(events[p])
                events[p].mentions = []
            }
            EventLinker.attachSets(
                s.sets, members: s.members, groups: s.groups, owner: s.owner, base: s.base, events: &byGroup,
                lexicon: s.lexicon,
                articleOrder: s.articleOrder, names: names)
            for (g, p) in s.positions.enumerated() { events[p].mentions = byGroup[g].mentions }
        }
        let quoteEvents = self.quoteEvents
        self.quoteEvents = []
        return (events, quoteEvents)
    }
}

/// A dated event an article mentions, with what orders the article's date chains: the article's order, the family
/// name's order (`familyIDs` sorted), the event's first day.
private struct ChainLink {
    var article: Int32
    var family: Int32
    var day: Int
    var event: Int32
}

/// A mention of an event with what orders the event's mentions: its article's order and paragraph, then its
/// candidate's place among the event's members and its own place in the candidate's list.
private struct KeyedMention {
    var paragraph: Int32
    var rank: Int32
    var index: Int32
    /// The mention's article (`ArticleSlots`; its place in the corpus comes from the slot) and words: 32 bytes a
    /// mention rather than 56 with an `EventMention`.
    var slot: Int32
    var text: String

    /// What a place in the list holds until its mention is written (its string takes no memory of its own).
    static let empty = KeyedMention(paragraph: 0, rank: 0, index: 0, slot: 0, text: "")
}

/// A paragraph of one article (the article's slot, `ArticleSlots`).
private struct ParagraphKey: Hashable {
    var article: Int
    var paragraph: Int
}

/// One mention's sentence and its event (the first of its id), in a flat list of the corpus's mentions: 32-bit
/// fields, no list per paragraph.
private struct SentenceEvent {
    var slot: Int32
    var paragraph: Int32
    var start: Int32
    var end: Int32
    var event: Int32

    /// The positions of the mentions of `key`'s paragraph in `list` (sorted by slot, then paragraph).
    static func run(of key: ParagraphKey, in list: [SentenceEvent]) -> Range<Int> {
        let target = (Int32(clamping: key.article), Int32(clamping: key.paragraph))
        var lo = 0
        var hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if (list[mid].slot, list[mid].paragraph) < target { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < list.count, (list[end].slot, list[end].paragraph) == target { end += 1 }
        return lo..<end
    }
}

extension EventLexicon {
    /// Canonical country names.
    var countryNames: [String] {
        var out: [String] = []
        for (_, v) in countryCanonical where !out.contains(v) { out.append(v) }
        return out
    }
}

extension EventDate {
    /// A total order over dates, for breaking ties: value, precision, then range.
    var tieOrder: TieKey {
        TieKey(
            value: value, precision: DatePrecision.allCases.firstIndex(of: precision) ?? 0,
            earliest: earliest?.ordinal ?? Int.min, latest: latest?.ordinal ?? Int.min)
    }

    /// The fields of `tieOrder`, compared in order.
    struct TieKey: Comparable {
        var value: String
        var precision: Int
        var earliest: Int
        var latest: Int

        static func < (a: TieKey, b: TieKey) -> Bool {
            (a.value, a.precision, a.earliest, a.latest) < (b.value, b.precision, b.earliest, b.latest)
        }
    }
}

/// An event being merged across articles.
///
/// A class: the linker scores every candidate against many events, and a value would be copied (every list and
/// table retained) on each look.
final class MergedEvent {
    var kind: String
    var family: String
    var place: String?
    /// Set by `absorb` and by rescheduling (`EventLinker+Plans`): `span` follows it.
    var date: EventDate? {
        didSet {
            span = DaySpan(date)
            poolDate = PoolDate(dated: date != nil, span: span)
        }
    }
    var dateText: String?
    var planned: Bool
    var ordinal: Int?
    var participants: [String]
    var leaders: [String]
    var outcomes: [String]
    var members: [Int]
    /// How many candidates named each kind: the event takes the kind most of them use.
    var kindVotes = SmallMap<String, Int>()
    /// The dates the candidates gave, with how many gave each and the first words given for each: the event shows
    /// the most precise date most of them agree on ("Feb. 27-28" over the day one article dated by an arrival).
    var dateVotes = SmallMap<EventDate, DateTally>()
    /// The kind with the most votes (`kindVotes`), kept as votes come in: `kind` may be set apart from it.
    private var voteLeader: String
    /// `participants` as sorted ids (`LinkNames`), `leaders` as a set, and how many participants are countries.
    private(set) var participantIDs: [Int32] = []
    /// `leaders` as a set, once there are more than a few (until then the list is searched).
    private var leaderSet: Set<String>?
    private var countryCount = 0
    /// `family` and `place` as ids, `date` as day ordinals: what `score` compares.
    let familyID: Int32
    private(set) var placeID: Int32?
    private(set) var span: DaySpan?
    /// Where `date` puts the event in a `GroupPool`, kept with it (working it out copies the date).
    private(set) var poolDate: PoolDate

    init(_ c: EventCandidate, index: Int, facts: CandidateFacts, names: LinkNames) {
        kind = c.kind
        voteLeader = c.kind
        familyID = facts.family
        placeID = facts.place
        span = facts.span
        poolDate = facts.poolDate
        kindVotes.update(c.kind, initial: 1) { _ in }
        let cDate = c.date
        if let d = cDate { dateVotes.update(d, initial: DateTally(votes: 1, words: c.dateText)) { _ in } }
        family = c.family
        place = c.place
        date = cDate
        dateText = c.hasDate || c.dateUnresolved ? c.dateText : nil
        planned = c.planned
        ordinal = c.ordinal
        participants = []
        leaders = []
        outcomes = c.outcomes
        members = [index]
        addPeople(c, facts: facts, names: names)
    }

    /// Adds the candidate's participants and leaders not already listed, in their order.
    private func addPeople(_ c: EventCandidate, facts: CandidateFacts, names: LinkNames) {
        for (k, p) in facts.participants.enumerated() where participantIDs.sortedInsert(p) {
            participants.append(c.participants[k])
            if names.isCountry[Int(p)] { countryCount += 1 }
        }
        for l in c.leaders {
            if let set = leaderSet {
                if set.contains(l) { continue }
                leaderSet?.insert(l)
            } else {
                if leaders.contains(l) { continue }
                if leaders.count >= 8 { leaderSet = Set(leaders + [l]) }
            }
            leaders.append(l)
        }
    }

    /// True when the two events share a participant.
    func sharesParticipant(with other: MergedEvent) -> Bool {
        let (small, large) =
            participantIDs.count <= other.participantIDs.count
            ? (participantIDs, other.participantIDs) : (other.participantIDs, participantIDs)
        return small.contains { large.sortedContains($0) }
    }

    /// How well a candidate fits this event; nil when it cannot be the same event.
    func score(_ f: CandidateFacts, planned cPlanned: Bool, names: LinkNames) -> Int? {
        guard f.family == familyID, cPlanned == planned else { return nil }
        var score = 0
        var evidence = false
        if let a = placeID, let b = f.place {
            guard names.compatible(a, b) else { return nil }
            score += a == b ? 3 : 2
            evidence = true
        }
        if let a = date?.precision, let b = f.precision {
            // Days a day or two apart at the same place are one event told from two time zones or days.
            // Months and years need no slack: "September" at a place does not reach into October.
            let slack = placeID != nil && f.place != nil && !a.isCalendar && !b.isCalendar ? 3 : 0
            guard let x = span, let y = f.span, x.overlaps(y, slack: slack) else { return nil }
            score += a == b ? 3 : 2
            evidence = true
        }
        // "in April" read where no year is known still rules out an event dated within another month.
        if let m = f.month, let x = span, let p = date?.precision, p == .day || p == .month {
            let first = Day(ordinal: x.lo)
            let last = Day(ordinal: x.hi)
            if first.month == last.month, first.year == last.year, first.month != m { return nil }
        }
        // Ordinals do not veto across articles: "the first talks in seven months" counts differently from
        // "the second round".
        // Different parties (two countries each, none shared) are different events; a lone host country is not.
        if f.countryCount >= 2, countryCount >= 2,
            !f.participants.contains(where: { names.isCountry[Int($0)] && participantIDs.sortedContains($0) })
        {
            return nil
        }
        guard evidence else { return nil }
        // Between events that fit as well, the one sharing more participants ("Pompeo's visit to Pyongyang" is
        // Pompeo's visit, not another event held there).
        let shared = f.participants.reduce(0) { n, p in participantIDs.sortedContains(p) ? n + 1 : n }
        return score * 16 + min(shared, 15)
    }

    /// Takes a candidate in; `kinds` is the lexicon's kinds table (`EventLexicon.kinds`), passed alone so that the
    /// call does not copy the whole lexicon.
    func absorb(
        _ c: EventCandidate, index: Int, facts: CandidateFacts, names: LinkNames, kinds: [String: EventLexicon.Kind]
    ) {
        members.append(index)
        let votes = kindVotes.update(c.kind, initial: 0) { $0 += 1 }
        let cDate = c.date
        if let d = cDate {
            // The words alone captured: a closure capturing `c` would copy the whole candidate.
            let words = c.dateText
            dateVotes.update(d, initial: DateTally(votes: 0, words: nil)) { $0.add(words) }
        }
        // The kind with the most votes, then the highest rank, then the first name: only the kind that just got a
        // vote can overtake the leader.
        if c.kind != voteLeader {
            let leaderVotes = kindVotes[voteLeader] ?? 0
            let (leaderRank, rank) = (
                EventLexicon.kind(voteLeader, in: kinds).rank, EventLexicon.kind(c.kind, in: kinds).rank
            )
            if (leaderVotes, leaderRank, c.kind) < (votes, rank, voteLeader) {
                voteLeader = c.kind
            }
        }
        kind = voteLeader
        if let p = facts.place {
            let narrower = placeID.map { names.narrower($0, p) } ?? p
            if narrower != placeID {
                placeID = narrower
                place = names.strings[Int(narrower)]
            }
        }
        if let cDate, (span?.width ?? Int.max / 4) > (facts.span?.width ?? Int.max / 4) || date == nil {
            date = cDate
            dateText = c.dateText
        }
        if dateText == nil, c.dateUnresolved { dateText = c.dateText }
        if ordinal == nil { ordinal = c.ordinal }
        addPeople(c, facts: facts, names: names)
        for o in c.outcomes where !outcomes.contains(o) { outcomes.append(o) }
    }

    /// The date to show: among the day-precise dates (else the narrowest kind given), the one most candidates
    /// gave, then the widest of those (a two-day summit over one of its days), then the earliest.
    var shownDate: (date: EventDate, words: String?)? {
        guard !dateVotes.isEmpty else { return nil }
        var narrowest = Int.max
        for (d, _) in dateVotes.entries { narrowest = min(narrowest, d.width) }
        let limit = max(narrowest, 3)
        // Votes, then width, then the earliest value; dates of one value differ only in precision or range, so
        // those break the last ties (a dictionary's order changes from run to run). A total order: the best is
        // the same whatever the order the dates are looked at in.
        var best: (date: EventDate, tally: DateTally, width: Int)?
        for (d, t) in dateVotes.entries {
            let w = d.width
            guard w <= limit else { continue }
            if let b = best {
                let less =
                    (b.tally.votes, b.width) != (t.votes, w)
                    ? (b.tally.votes, b.width) < (t.votes, w) : b.date.tieOrder > d.tieOrder
                if !less { continue }
            }
            best = (d, t, w)
        }
        return best.map { ($0.date, $0.tally.words) }
    }

    /// A meeting of enough leaders becomes a summit (by `event_kinds.txt`).
    func promote(lexicon: EventLexicon) {
        let current = lexicon.kind(kind)
        let up = lexicon.kinds.values.filter {
            $0.family == family && $0.leaders > 0 && $0.rank > current.rank && leaders.count >= $0.leaders
        }
        if let k = up.max(by: { ($0.rank, $1.name) < ($1.rank, $0.name) }) { kind = k.name }
    }

    /// kind-place-date, planned events marked: "talks-stockholm-2019-10-05".
    var slug: String { slug(shown: shownDate?.date) }

    /// `slug` given `shownDate?.date`, when the caller has it already.
    func slug(shown: EventDate?) -> String {
        // Appended in place: a list of parts joined costs more than the slug.
        var slug = Self.slugify(kind)
        if let place {
            slug += "-"
            slug += Self.slugify(place)
        }
        slug += "-"
        if let value = (shown ?? date)?.value {
            slug += value
        } else if let ordinal {
            slug += "no-\(ordinal)"
        } else {
            slug += "undated"
        }
        if planned { slug += "-planned" }
        return slug
    }

    static func slugify(_ s: String) -> String {
        asciiSlugify(s) ?? unicodeSlugify(s)
    }

    /// `slugify` for any text, by Unicode properties.
    static func unicodeSlugify(_ s: String) -> String {
        var out = ""
        var dash = false
        for u in s.lowercased().unicodeScalars {
            if u.properties.isAlphabetic || (u.value >= 48 && u.value <= 57) {
                out.unicodeScalars.append(u)
                dash = false
            } else if !dash, !out.isEmpty {
                out += "-"
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// `slugify` for ASCII text (nearly all): letters and digits lowercased, every other run one dash, no dash at
    /// either end; nil for any other text.
    static func asciiSlugify(_ s: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var dash = false
        for b in s.utf8 {
            guard b < 128 else { return nil }
            let lower = b >= 65 && b <= 90 ? b + 32 : b
            if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                bytes.append(lower)
                dash = false
            } else if !dash, !bytes.isEmpty {
                bytes.append(45)
                dash = true
            }
        }
        while bytes.last == 45 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "Summit in Hanoi, Vietnam", "Planned talks in Stockholm, Sweden", "Missile tests (North Korea)".
    func title(lexicon: EventLexicon, countries: Set<String>) -> String {
        var head = lexicon.kind(kind).title
        if planned { head = "Planned " + head.lowercased() }
        if let place { return "\(head) in \(lexicon.display(place))" }
        // The first two countries, looked up no further.
        var who = ""
        var named = 0
        for p in participants where countries.contains(p) {
            who += named == 0 ? p : ", " + p
            named += 1
            if named == 2 { break }
        }
        return named == 0 ? head : "\(head) (\(who))"
    }
}

/// How many candidates gave one date, and the first words given for it.
struct DateTally {
    var votes: Int
    var words: String?

    /// One more candidate gave the date, in these words.
    mutating func add(_ text: String?) {
        votes += 1
        if words == nil { words = text }
    }
}

/// The event mentions of one paragraph, indexed for the quotes of that paragraph.
///
/// Loaded anew for each paragraph into the same lists: a paragraph names a handful of events, and fresh lists and a
/// set for each cost more than reading them.
private struct ParagraphMentions {
    /// Positions into the paragraph's mention list, ordered by sentence start.
    private(set) var byStart: [Int] = []
    private(set) var starts: [Int] = []
    private(set) var ranges: [Range<Int>] = []
    private(set) var longest = 0
    /// The paragraph's events in mention order, each once.
    private(set) var distinctEvents: [Int] = []
    /// The event of each mention, in mention order.
    private(set) var events: [Int] = []

    /// True when the paragraph mentions no event.
    var isEmpty: Bool { events.isEmpty }

    /// Indexes the mentions of one paragraph, in mention order; `seen` is a set to work with.
    mutating func load(_ mentions: ArraySlice<SentenceEvent>, seen: inout EventMarks) {
        events.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        distinctEvents.removeAll(keepingCapacity: true)
        longest = 0
        seen.removeAll()
        var sorted = true
        for m in mentions {
            let range = Int(m.start)..<Int(m.end)
            if let previous = ranges.last, previous.lowerBound > range.lowerBound { sorted = false }
            events.append(Int(m.event))
            ranges.append(range)
            longest = max(longest, range.count)
            if seen.insert(Int(m.event)) { distinctEvents.append(Int(m.event)) }
        }
        byStart.removeAll(keepingCapacity: true)
        byStart += ranges.indices
        // By sentence start, then mention order: mostly the order they come in.
        if !sorted {
            byStart.sort { (ranges[$0].lowerBound, $0) < (ranges[$1].lowerBound, $1) }
        }
        starts.removeAll(keepingCapacity: true)
        for m in byStart { starts.append(ranges[m].lowerBound) }
    }

    /// Sets `out` to the positions (in mention order) of the mentions whose sentence overlaps `range`.
    func positions(overlapping range: Range<Int>, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        // A sentence that overlaps starts before range's end and no earlier than range's start minus the longest.
        let from = range.lowerBound - longest
        var lo = 0
        var hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] < from { lo = mid + 1 } else { hi = mid }
        }
        var k = lo
        while k < starts.count, starts[k] < range.upperBound {
            let m = byStart[k]
            if ranges[m].overlaps(range) { out.append(m) }
            k += 1
        }
        out.sort()
    }
}

extension EventLinker {
    /// Takes the `removed` events out of `groups` and renumbers the candidates' owners to match.
    static func drop(_ removed: Set<Int>, from groups: inout [MergedEvent], owner: inout [Int]) {
        guard !removed.isEmpty else { return }
        var newIndex = [Int](repeating: -1, count: groups.count)
        var kept: [MergedEvent] = []
        for g in groups.indices where !removed.contains(g) {
            newIndex[g] = kept.count
            kept.append(groups[g])
        }
        groups = kept
        for i in owner.indices where owner[i] >= 0 { owner[i] = newIndex[owner[i]] }
    }
}

extension EventLinker {
    /// The kinds an ordinal counts every kind of the family for: the lowest rank of a family of more than one kind.
    static func genericKinds(_ kinds: [String: EventLexicon.Kind]) -> Set<String> {
        var lowest: [String: EventLexicon.Kind] = [:]
        var size: [String: Int] = [:]
        for k in kinds.values {
            size[k.family, default: 0] += 1
            if let l = lowest[k.family], (l.rank, l.name) <= (k.rank, k.name) { continue }
            lowest[k.family] = k
        }
        return Set(lowest.values.filter { (size[$0.family] ?? 0) > 1 }.map(\.name))
    }
}
