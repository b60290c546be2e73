import Foundation

/// The events of one article as its mentions are read in order: where each mention goes, and what it adds.
struct ArticleEvents {
    let articleID: String
    let articleDate: Day?
    /// The extractor's tables behind one reference: a stored lexicon would be copied (every table retained) by
    /// each closure that captures the state.
    let parts: EventExtractor.Parts
    var clusters: [EventCandidate] = []
    /// Whether each event's kind is a product (a statement, a declaration: `EventLexicon.productKinds`), kept as
    /// its kind changes so that a search over the events does not hash each kind.
    private(set) var product: [Bool] = []
    /// An event that had a single day for its date when it got it or when last asked (`hasDayDated`); nil when
    /// none has. Dates are only set by `merge` and `setDate`, which record it.
    private var dayDated: Int?
    /// When each event was last mentioned (a counter), to find "the talks" the text last spoke of.
    var touched: [Int] = []
    var clock = 0
    /// The sentence being read (a counter over the article) and the sentence each event was last mentioned in.
    var sentence = 0
    var lastSentence: [Int] = []
    /// The (paragraph, start) of every mention each event already holds, so a mention is added once in O(1).
    var mentionKeys: [Set<MentionKey>] = []
    /// Each family met in the article, numbered in order of first use: the tables per family below are arrays,
    /// read without hashing the family's name at every mention.
    private var familyNumbers: [String: Int] = [:]
    /// Each event's family number (an event's family never changes).
    private var familyOf: [Int] = []
    /// The events of each family (by number) in creation order, so a mention looks only at the events it may
    /// join instead of every event of the article.
    private var byFamily: [[Int]] = []
    /// Per family (by number): the event mentioned last, and the main event (most mentions, then first created),
    /// over all events and over those held. Kept as mentions come in: the clock only rises and counts only grow.
    private var lastOfFamily: [FamilyLeaders] = []
    /// The last event (by index) with an ordinal: the kind "their second" stands for.
    var lastOrdinal: Int?
    /// Counted plurals ("three summits in 2018"): sets of events, kept apart from `clusters` (no mention joins
    /// them) and listed after them.
    var sets: [EventCandidate] = []

    /// Where a mention starts: what makes two mentions the same.
    struct MentionKey: Hashable {
        let paragraph: Int
        let start: Int
    }

    /// The most recent and the main event of one family, over all its events and over the held ones.
    struct FamilyLeaders {
        var recent: Int?
        var recentHeld: Int?
        var main: Int?
        var mainHeld: Int?
    }

    init(article: Article, parts: EventExtractor.Parts) {
        self.articleID = article.id
        self.articleDate = article.date
        self.parts = parts
    }

    /// What one mention brings besides its words.
    struct Facts {
        var date: EventDate?
        var dateText: String?
        var unresolved: Bool
        var participants: [String]
        var leaders: [String]
        /// Its place (`RawMention.place` by name).
        var place: String? = nil
        /// The words of its follow-up cue (`RawMention.followUpCue`).
        var followUpCue: String? = nil
    }

    mutating func touch(_ c: Int) {
        clock += 1
        touched[c] = clock
        lastSentence[c] = sentence
        let held = !clusters[c].planned
        let count = clusters[c].mentions.count
        let n = familyOf[c]
        var f = lastOfFamily[n]
        f.recent = c
        if held { f.recentHeld = c }
        if leads(c, count, over: f.main) { f.main = c }
        if held, leads(c, count, over: f.mainHeld) { f.mainHeld = c }
        lastOfFamily[n] = f
    }

    /// The leaders of `family`; nil when no event of it was made yet.
    private func familyLeaders(of family: String) -> FamilyLeaders? {
        familyNumbers[family].map { lastOfFamily[$0] }
    }

    /// Whether event `a` with `count` mentions leads event `b` (more mentions, then first created). A method, not
    /// a local function of `touch`: one capturing the state would copy it.
    private func leads(_ a: Int, _ count: Int, over b: Int?) -> Bool {
        guard let b else { return true }
        let nb = clusters[b].mentions.count
        return count > nb || (count == nb && a < b)
    }

    /// The events of a family (nil: all events), in creation order.
    func events(of family: String?) -> [Int] {
        guard let family else { return Array(clusters.indices) }
        return familyNumbers[family].map { byFamily[$0] } ?? []
    }

    /// What "the talks" refers to: an event of the family named in this sentence or the one before, else the
    /// article's main event of that family (the one mentioned most), else the last one named.
    func antecedent(family: String?, planned: Bool, bare: Bool = false, excluding: Set<Int> = []) -> Int? {
        // By index, the fields read in place: a copy of the event would retain each of its arrays and strings.
        let ok: (Int) -> Bool = { c in
            guard planned || !clusters[c].planned else { return false }
            return family.map { clusters[c].family == $0 } ?? !product[c]
        }
        if !excluding.isEmpty {
            // "The talks followed a summit in Hanoi": the event a cue names is not what "the talks" means.
            // The few excluded events in a list: a set would hash every event of the family.
            let excluded = Array(excluding)
            let pool = events(of: family).filter { !excluded.contains($0) && ok($0) }
            if let near = pool.max(by: { touched[$0] < touched[$1] }), lastSentence[near] >= sentence - (bare ? 0 : 1) {
                return near
            }
            return pool.max(by: { (clusters[$0].mentions.count, -$0) < (clusters[$1].mentions.count, -$1) })
        }
        // A bare "the meeting" means the article's main event unless this very sentence named another.
        if let family {
            let f = familyLeaders(of: family)
            if let near = planned ? f?.recent : f?.recentHeld, lastSentence[near] >= sentence - (bare ? 0 : 1) {
                return near
            }
            return planned ? f?.main : f?.mainHeld
        }
        if let near = mostRecent(index: ok), lastSentence[near] >= sentence - (bare ? 0 : 1) { return near }
        let pool = clusters.indices.filter(ok)
        if let main = pool.max(by: { (clusters[$0].mentions.count, -$0) < (clusters[$1].mentions.count, -$1) }) {
            return main
        }
        return nil
    }

    /// The event of `family` (nil: of any) mentioned last among those that pass `ok`, a test on the event's index
    /// (so that it reads only the fields it needs, in place: a copy of an event would retain each of its arrays
    /// and strings).
    func mostRecent(in family: String? = nil, index ok: (Int) -> Bool) -> Int? {
        var best: Int?
        for c in events(of: family) where ok(c) {
            if best.map({ touched[c] > touched[$0] }) ?? true { best = c }
        }
        return best
    }

    /// The date of the event mentioned last that has one: what "two days later" counts from.
    func lastDated() -> EventDate? {
        mostRecent(index: { clusters[$0].hasDate }).flatMap { clusters[$0].date }
    }

    /// Whether some event has a single day for its date (what a sentence without an event word may echo), without
    /// searching a long article's events at every sentence: the event recorded when it got its day is asked, and
    /// the events are searched only when it has lost it since (`setDate` may give it a wider date).
    mutating func hasDayDated() -> Bool {
        guard let c = dayDated else { return false }
        if clusters[c].hasDayDate { return true }
        dayDated = clusters.firstIndex(where: \.hasDayDate)
        return dayDated != nil
    }

    /// The planned event of `family` mentioned last.
    func mostRecentPlanned(in family: String) -> Int? {
        mostRecent(in: family, index: { clusters[$0].planned })
    }

    /// The held event at a place compatible with `place` mentioned last.
    func mostRecentHeld(at place: String) -> Int? {
        mostRecent(index: { c in
            !clusters[c].planned && (clusters[c].place.map { parts.compatible($0, place) } ?? false)
        })
    }

    /// The event a follow-up follows: the latest one before its date, else the one at its place, else the last.
    func followUpTarget(family: String?, date: EventDate?, place: String?, excluding: Int?) -> Int? {
        let pool = events(of: family).filter {
            $0 != excluding && !clusters[$0].planned && !product[$0]
        }
        if let date {
            let earlier = pool.filter { clusters[$0].date.map { $0.isBefore(date) } ?? false }
            return earlier.max {
                (clusters[$0].date?.range?.upperBound ?? Day(ordinal: 0))
                    < (clusters[$1].date?.range?.upperBound ?? Day(ordinal: 0))
            }
        }
        if let place {
            return pool.filter { clusters[$0].place.map { parts.compatible($0, place) } ?? false }
                .max { touched[$0] < touched[$1] }
        }
        return pool.max { touched[$0] < touched[$1] }
    }

    /// Puts a mention into an event of the article (new or known); nil when the mention is generic.
    mutating func assign(
        _ m: RawMention, date: EventDate?, dateText: String?, unresolved: Bool, place: String?, followUpCue: String?,
        mention: CandidateMention, outcome: String?, participants: [String], leaders: [String], notSelf: Set<Int> = [],
        appositiveTo: Int? = nil
    ) -> Int? {
        let facts = Facts(
            date: date, dateText: dateText, unresolved: unresolved, participants: participants, leaders: leaders,
            place: place, followUpCue: followUpCue)
        var kind = parts.kindTable.name(m.kind)
        var family = m.kind == .none ? "" : parts.kindTable.family(m.kind)
        // Set off by a comma right after another mention of its family: that event, named again.
        if let c = appositiveTo, clusters[c].family == family, clusters[c].planned == m.planned, date == nil {
            merge(c, kind: kind, m: m, facts: facts, mention: mention)
            if let outcome { addOutcome(c, outcome) }
            return c
        }
        var implicitTarget: Int?
        if kind.isEmpty {
            // "return to Stockholm" follows up an event at that place; "returning to Washington" after a trip
            // abroad names none.
            guard let t = followUpTarget(family: nil, date: date, place: place, excluding: nil) else { return nil }
            if let p = place {
                guard let q = clusters[t].place, parts.compatible(q, p) else { return nil }
            }
            implicitTarget = t
            kind = clusters[t].kind
            family = clusters[t].family
        }
        if m.product, date == nil {
            // The event it came out of: at its place when it names one, held rather than planned; a statement
            // named by a place the article has no event at stands alone, for the corpus to place it.
            var atPlace: Int?
            if let p = place { atPlace = mostRecentHeld(at: p) }
            if atPlace == nil, place != nil {
                let c = newCluster(kind: kind, family: family, m: m, facts: facts, mention: mention)
                merge(c, kind: kind, m: m, facts: facts, mention: mention)
                if let outcome { addOutcome(c, outcome) }
                return c
            }
            // Written out, not with `??`: an autoclosure capturing the state copies it.
            var found = atPlace
            if found == nil { found = antecedent(family: nil, planned: false) }
            if found == nil { found = mostRecent(index: { _ in true }) }
            guard let c = found else { return nil }
            addMention(c, mention)
            if let outcome { addOutcome(c, outcome) }
            return c
        }
        // "the second summit" names one event; "a second round" names none yet.
        let concrete =
            date != nil || unresolved || place != nil || (m.ordinal != nil && (m.definite || m.nextInSeries))
        var chosen: Int?
        if !concrete {
            if followUpCue != nil, m.planned {
                // "return to negotiations": the planned event the article already spoke of, else a new one.
                if let existing = mostRecentPlanned(in: family) {
                    chosen = existing
                } else {
                    guard let target = followUpTarget(family: family, date: nil, place: nil, excluding: nil) else {
                        return nil
                    }
                    chosen = newCluster(
                        kind: clusters[target].kind, family: family, m: m, facts: facts, mention: mention)
                    relate(chosen ?? 0, to: target, .followUp, cue: followUpCue)
                }
            } else if m.definite {
                guard let c = antecedent(family: family, planned: m.planned, bare: m.bare, excluding: notSelf) else {
                    return nil
                }
                chosen = c
            } else {
                return nil
            }
        } else {
            let f = familyLeaders(of: family)
            let latestOfFamily = m.planned ? mostRecentPlanned(in: family) : f?.recentHeld
            // The most recently touched event that fits (the first on a tie, as `max(by:)`); a loop over the
            // family's events, not a closure: a closure capturing the state copies it.
            for c in events(of: family) where fits(c, m: m, facts: facts, latestOfFamily: latestOfFamily) {
                if let b = chosen, touched[c] <= touched[b] { continue }
                chosen = c
            }
            if chosen == nil {
                chosen = newCluster(kind: kind, family: family, m: m, facts: facts, mention: mention)
            }
        }
        guard let c = chosen else { return nil }
        merge(c, kind: kind, m: m, facts: facts, mention: mention)
        if let outcome { addOutcome(c, outcome) }
        if let cue = followUpCue {
            var target = implicitTarget
            if target == nil {
                target = followUpTarget(
                    family: family, date: clusters[c].date, place: clusters[c].hasDate ? nil : clusters[c].place,
                    excluding: c)
            }
            if let target, target != c, !clusters[target].relations.contains(where: { $0.target == c }) {
                relate(c, to: target, .followUp, cue: cue)
            }
        }
        return c
    }

    /// Whether a concrete mention may join event `c` of its family.
    private func fits(_ c: Int, m: RawMention, facts: Facts, latestOfFamily: Int?) -> Bool {
        // Fields read in place: a copy of the event would retain each of its arrays and strings per test.
        guard clusters[c].planned == m.planned else { return false }
        let date = facts.date
        let place = clusters[c].place
        if let a = place, let b = facts.place, !parts.compatible(a, b) { return false }
        let hasDate = clusters[c].hasDate
        if hasDate, let b = date, let a = clusters[c].date, !a.overlaps(b) { return false }
        let ordinal = clusters[c].ordinal
        if let a = ordinal, let b = m.ordinal, a != b { return false }
        let evidence = (hasDate && date != nil) || (place != nil && facts.place != nil)
        // Without a shared date or place, only a definite mention of the event just spoken of joins it.
        // Within one sentence two mentions that each bring a date or place are two events ("met Trump
        // on Friday … put the Singapore meeting back on track").
        let sameSentence = lastSentence[c] == sentence && (facts.place != nil || date != nil)
        let near = lastSentence[c] >= sentence - 1 && m.ordinal == nil && !sameSentence && !m.namedByPlace
        // "a second summit" … "the second summit": one planned event of the series.
        let sameNext = m.planned && ordinal != nil && ordinal == m.ordinal && facts.place == nil && date == nil
        // An item of a list ("three times: in April, again in May") is an event of its own: it joins one only by a
        // shared date or place, never by being near.
        if m.listItem { return evidence }
        return evidence || sameNext || (near && m.definite)
            || (near && date == nil && c == latestOfFamily && facts.followUpCue == nil)
    }

    mutating func newCluster(kind: String, family: String, m: RawMention, facts: Facts, mention: CandidateMention)
        -> Int
    {
        clusters.append(
            EventCandidate(
                article: articleID, articleDate: articleDate, kind: kind, family: family, planned: m.planned))
        touched.append(0)
        lastSentence.append(sentence)
        product.append(parts.lexicon.productKinds.contains(kind))
        mentionKeys.append([])
        let n: Int
        if let known = familyNumbers[family] {
            n = known
        } else {
            n = byFamily.count
            familyNumbers[family] = n
            byFamily.append([])
            lastOfFamily.append(FamilyLeaders())
        }
        familyOf.append(n)
        byFamily[n].append(clusters.count - 1)
        return clusters.count - 1
    }

    mutating func merge(_ c: Int, kind: String, m: RawMention, facts: Facts, mention: CandidateMention) {
        // Edited in place: a copy of the event would share its mention list and make every append copy it.
        // Static, with the tables passed: a method would need a copy of the state (and so of `clusters`) beside
        // the in-place access, and every merge would copy the event list.
        Self.update(&clusters[c], parts: parts, kind: kind, m: m, facts: facts)
        if clusters[c].kind == kind { product[c] = parts.lexicon.productKinds.contains(kind) }
        if dayDated == nil, clusters[c].hasDayDate { dayDated = c }
        if clusters[c].ordinal != nil, lastOrdinal.map({ c > $0 }) ?? true { lastOrdinal = c }
        addMention(c, mention)
    }

    private static func update(
        _ e: inout EventCandidate, parts: EventExtractor.Parts, kind: String, m: RawMention, facts: Facts
    ) {
        if parts.kind(kind).rank > parts.kind(e.kind).rank { e.kind = kind }
        if let d = facts.date {
            if let old = e.date {
                if d.width < old.width {
                    e.date = d
                    e.dateText = facts.dateText
                }
            } else {
                e.date = d
                e.dateText = facts.dateText
                e.dateUnresolved = false
            }
        } else if facts.unresolved, !e.hasDate {
            e.dateUnresolved = true
            e.dateText = e.dateText ?? facts.dateText
        }
        if let p = facts.place {
            if let old = e.place { e.place = parts.narrower(old, p) } else { e.place = p }
        }
        if e.ordinal == nil { e.ordinal = m.ordinal }
        for p in facts.participants where !e.participants.contains(p) { e.participants.append(p) }
        for l in facts.leaders where !e.leaders.contains(l) { e.leaders.append(l) }
    }

    mutating func setDate(_ c: Int, _ date: EventDate, text: String) {
        clusters[c].date = date
        clusters[c].dateText = text
        clusters[c].dateUnresolved = false
        if dayDated == nil, clusters[c].hasDayDate { dayDated = c }
    }

    mutating func addMention(_ c: Int, _ mention: CandidateMention) {
        if mentionKeys[c].insert(MentionKey(paragraph: mention.paragraph, start: mention.start)).inserted {
            clusters[c].mentions.append(mention)
        }
        touch(c)
    }

    mutating func addOutcome(_ c: Int, _ outcome: String) {
        if !clusters[c].outcomes.contains(outcome) { clusters[c].outcomes.append(outcome) }
    }

    mutating func relate(_ c: Int, to target: Int, _ relation: EventRelationKind, cue: String?) {
        guard c != target, c < clusters.count, target < clusters.count else { return }
        if let i = clusters[c].relations.firstIndex(where: { $0.target == target && $0.relation == relation }) {
            if clusters[c].relations[i].cue == nil { clusters[c].relations[i].cue = cue }
            return
        }
        clusters[c].relations.append(LocalRelation(target: target, relation: relation, cue: cue))
    }

    /// Records a counted plural as a set of events of its kind.
    mutating func addSet(
        kind: String, count: Int, place: String?, date: EventDate?, dateText: String?, bound: LocalRelation?,
        mention: CandidateMention, participants: [String], leaders: [String]
    ) {
        var e = EventCandidate(
            article: articleID, articleDate: articleDate, kind: kind, family: parts.kind(kind).family, place: place,
            date: date, dateText: dateText, participants: participants, leaders: leaders, mentions: [mention],
            relations: bound.map { [$0] } ?? [])
        e.count = count
        sets.append(e)
    }

    /// The article's events, with meetings of leaders turned into summits, then its sets of events.
    ///
    /// They are kept until the whole corpus is linked, so they are stored tightly: lists without spare capacity,
    /// and equal long texts sharing one copy with those of the articles before (`EventExtractor.Parts.shared`).
    func finish() -> [EventCandidate] {
        var out: [EventCandidate] = []
        out.reserveCapacity(clusters.count + sets.count)
        for var e in clusters {
            // The highest rank (then the first name) among the kinds of its family its leaders reach.
            if !e.leaders.isEmpty, let up = parts.promotions[e.family] {
                let current = parts.kind(e.kind)
                var best: EventLexicon.Kind?
                for k in up where k.rank > current.rank && e.leaders.count >= k.leaders {
                    if let b = best, !((b.rank, k.name) < (k.rank, b.name)) { continue }
                    best = k
                }
                if let k = best { e.kind = k.name }
            }
            // Sorted into a list of its own (the state still holds the one mentions were added to): no spare room.
            e.mentions.sort { ($0.paragraph, $0.start) < ($1.paragraph, $1.start) }
            out.append(e)
        }
        out += sets
        parts.shared.compact(&out)
        return out
    }
}

/// The long texts of the candidates read so far, kept once: equal ones read later share
/// the first's storage. Shared by the threads that read articles (one lock per article); it lives as long as the
/// extractor.
final class SharedCandidateValues: @unchecked Sendable {
    // Unchecked: `values` is read and written under `lock` only. An `NSLock` (a pthread mutex) rather than
    // `Synchronization.Mutex`, whose futex ThreadSanitizer does not see: it reported the article threads' turns
    // at this table as races.
    private let lock = NSLock()
    private var values = SharedValues()

    /// Points the candidates' long texts at equal ones seen before and trims their lists (`SharedValues.compact`).
    func compact(_ candidates: inout [EventCandidate]) {
        lock.lock()
        defer { lock.unlock() }
        for k in candidates.indices { values.compact(&candidates[k]) }
    }
}

/// Long texts candidates repeat, kept once: later equal ones share the first's storage.
///
/// Keyed by their UTF-8 bytes (`BytesKey`), not by `String` equality, which is canonical equivalence: a name or
/// text spelled with other code points keeps its own bytes.
struct SharedValues {
    private var texts: [BytesKey: String] = [:]
    private var lists: Set<BytesListKey> = []

    /// Points `e`'s long texts at equal ones seen before, else keeps them for those to come; trims its lists.
    mutating func compact(_ e: inout EventCandidate) {
        share(&e.participants)
        share(&e.leaders)
        for k in e.mentions.indices { share(&e.mentions[k].text) }
        if var words = e.dateText {
            share(&words)
            e.dateText = words
        }
    }

    /// Equal lists share one copy, kept without spare capacity, its long names shared too. The candidates are held
    /// until the corpus is linked, where the peak of memory falls: at 20,000 articles sharing equal lists saves
    /// 4.1 MB of their 21 MB (a look-up costs 0.37% of the instructions on a 190-file subset).
    private mutating func share(_ list: inout [String]) {
        guard !list.isEmpty else { return }
        if let known = lists.firstIndex(of: BytesListKey(list)) {
            list = lists[known].list
            return
        }
        if list.capacity > list.count {
            var tight: [String] = []
            tight.reserveCapacity(list.count)
            tight.append(contentsOf: list)
            list = tight
        }
        if list.contains(where: { $0.utf8.count > 15 }) {
            for k in list.indices { share(&list[k]) }
        }
        lists.insert(BytesListKey(list))
    }

    /// Strings of up to 15 UTF-8 bytes are stored inline: only longer ones are worth sharing.
    private mutating func share(_ text: inout String) {
        guard text.utf8.count > 15 else { return }
        let key = BytesKey(text)
        if let known = texts[key] { text = known } else { texts[key] = text }
    }
}

/// A text as a dictionary key that compares its UTF-8 bytes (hashed once, FNV-1a).
struct BytesKey: Hashable {
    let text: String
    private let code: UInt64

    init(_ text: String) {
        self.text = text
        var code: UInt64 = 0xcbf2_9ce4_8422_2325
        var bytes = text
        bytes.withUTF8 { utf8 in
            for b in utf8 { code = (code ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        self.code = code
    }

    static func == (a: BytesKey, b: BytesKey) -> Bool {
        guard a.code == b.code else { return false }
        var (x, y) = (a.text, b.text)
        return x.withUTF8 { p in y.withUTF8 { q in p.elementsEqual(q) } }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// A list of texts as a set member that compares their UTF-8 bytes, text by text (hashed once, FNV-1a).
struct BytesListKey: Hashable {
    let list: [String]
    private let code: UInt64

    init(_ list: [String]) {
        self.list = list
        var code: UInt64 = 0xcbf2_9ce4_8422_2325
        for text in list {
            var bytes = text
            bytes.withUTF8 { utf8 in
                for b in utf8 { code = (code ^ UInt64(b)) &* 0x100_0000_01b3 }
            }
            // A byte no UTF-8 text holds ends each text: ["ab", "c"] and ["a", "bc"] differ.
            code = (code ^ 0xFF) &* 0x100_0000_01b3
        }
        self.code = code
    }

    static func == (a: BytesListKey, b: BytesListKey) -> Bool {
        guard a.code == b.code, a.list.count == b.list.count else { return false }
        for (x, y) in zip(a.list, b.list) {
            var (x, y) = (x, y)
            guard x.withUTF8({ p in y.withUTF8 { q in p.elementsEqual(q) } }) else { return false }
        }
        return true
    }

    func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
