/// Finds event mentions (talks, summits, tests, visits) with their dates, places and participants in one article,
/// and merges the mentions of one event within the article.
///
/// Per sentence: event words from `event_triggers.txt`, temporal expressions from the `TemporalTagger`, places
/// from `places.txt`, countries and persons as participants. Mentions then join the article's events in text
/// order: a dated or placed mention joins a compatible event or starts one; "the talks" refers back to the
/// latest event of its family; "a joint statement" joins the event it came out of; generic uses ("hope that
/// talks continue") are left out.
public struct EventExtractor: Sendable {
    /// The word lists behind one reference: a sentence scan holds the extractor without copying their tables.
    final class Parts: Sendable {
        let lexicon: EventLexicon
        let tagger: TemporalTagger
        let splitter: SentenceSplitter

        // The lexicon's word tables keyed on token hashes (`WordMap`): the same answers as its own.
        let starters: WordSet
        let determiners: WordMap<Bool>
        let ordinals: WordMap<Int>
        let negatives: WordSet
        let otherEventPronouns: WordSet
        let channelsBefore: WordSet
        /// Words that open a part of a series (`EventLexicon.seriesCues`).
        let seriesCues: WordSet
        /// Each gazetteer place's chain of places it lies in (`EventLexicon.chain`).
        let chains: [String: [String]]
        /// Long texts of the candidates read so far, shared by the candidates that repeat them.
        let shared = SharedCandidateValues()
        /// Per family, the kinds enough leaders turn an event of it into (`leaders > 0`).
        let promotions: [String: [EventLexicon.Kind]]
        /// The lexicon's event words (`lexicon.triggers`) with small values: the same matches, each copying no
        /// strings or sets.
        let eventWords: PhraseIndex<EventWord>
        /// The triggers of `eventWords`, by `EventWord.trigger`.
        let triggers: [EventLexicon.Trigger]
        /// The kinds of the lexicon and of its event words, by index (`RawMention.kind`).
        let kindTable: EventKinds
        /// The gazetteer's places and every place `places` answers, by index (`RawMention.place`).
        let placeNames: PlaceNames
        /// The lexicon's places (`lexicon.places`) answering each place's index: the same matches.
        let places: PhraseIndex<PlaceID>

        init(lexicon: EventLexicon, tagger: TemporalTagger, splitter: SentenceSplitter) {
            self.lexicon = lexicon
            self.tagger = tagger
            self.splitter = splitter
            starters = WordSet(lexicon.starters)
            determiners = WordMap(lexicon.determiners)
            ordinals = WordMap(lexicon.ordinals)
            negatives = WordSet(lexicon.negatives)
            otherEventPronouns = WordSet(lexicon.otherEventPronouns)
            channelsBefore = WordSet(lexicon.channelsBefore)
            seriesCues = WordSet(lexicon.seriesCues)
            chains = Dictionary(
                uniqueKeysWithValues: lexicon.gazetteer.keys.map { ($0, EventLexicon.chain($0, in: lexicon.gazetteer)) }
            )
            promotions = Dictionary(grouping: lexicon.kinds.values.filter { $0.leaders > 0 }, by: \.family)
            var table = EventKinds(kinds: lexicon.kinds)
            var rules: [EventLexicon.Trigger] = []
            eventWords = lexicon.triggers.mapValues { t in
                rules.append(t)
                return EventWord(
                    kind: table.add(t.kind, kinds: lexicon.kinds), trigger: rules.count - 1, product: t.product,
                    invitation: t.invitation, plain: t.next.isEmpty && t.near.isEmpty && t.subject.isEmpty)
            }
            triggers = rules
            kindTable = table
            var names = PlaceNames(lexicon.gazetteer.keys.sorted())
            places = lexicon.places.mapValues { names.add($0) }
            placeNames = names
        }

        // The lexicon's look-ups over the one table each needs: calling the lexicon's own method on this
        // class's stored lexicon copies the whole lexicon (retaining every table) per call.
        func kind(_ name: String) -> EventLexicon.Kind { EventLexicon.kind(name, in: lexicon.kinds) }
        /// `EventLexicon.compatible` over chains built once (`chains`) instead of per call.
        func compatible(_ a: String, _ b: String) -> Bool { EventLexicon.compatible(a, b, chain: chain) }
        /// `EventLexicon.narrower` over the chains built once.
        func narrower(_ a: String, _ b: String) -> String { EventLexicon.narrower(a, b, chain: chain) }
        /// `compatible(_:_:)` of two places by index.
        func compatible(_ a: PlaceID, _ b: PlaceID) -> Bool { compatible(placeNames[a], placeNames[b]) }
        /// `narrower(_:_:)` of two places by index (it answers one of the two).
        func narrower(_ a: PlaceID, _ b: PlaceID) -> PlaceID {
            narrower(placeNames[a], placeNames[b]) == placeNames[a] ? a : b
        }
        /// `EventLexicon.chain(place, in: gazetteer)`: a place outside the gazetteer is its own chain.
        func chain(_ place: String) -> [String] { chains[place] ?? [place] }
    }

    private(set) var parts: Parts

    // `_read` lends the shared tables: a getter would copy the whole struct (retaining every table) per use.
    public var lexicon: EventLexicon {
        _read { yield parts.lexicon }
        set { parts = Parts(lexicon: newValue, tagger: parts.tagger, splitter: parts.splitter) }
    }
    public var tagger: TemporalTagger {
        _read { yield parts.tagger }
        set { parts = Parts(lexicon: parts.lexicon, tagger: newValue, splitter: parts.splitter) }
    }
    public var splitter: SentenceSplitter {
        _read { yield parts.splitter }
        set { parts = Parts(lexicon: parts.lexicon, tagger: parts.tagger, splitter: newValue) }
    }

    public init(lexicon: Lexicon) {
        self.parts = Parts(
            lexicon: EventLexicon(lexicon: lexicon), tagger: TemporalTagger(lexicon: lexicon),
            splitter: SentenceSplitter(lexicon: lexicon))
    }

    public func extract(_ article: Article, extraction: ArticleExtraction) -> [EventCandidate] {
        let text = EventText(
            scalars: article.paragraphs.map { ArticleExtractor.scalars(of: $0.textSlice) }, splitter: splitter)
        let persons = PersonFinder(paragraphs: text.tokens, speakers: extraction.speakers, lexicon: lexicon)
        return read(article, text: text, persons: persons).finish(speakers: extraction.speakers, extractor: self)
    }

    /// Reads the article's events; with `persons` nil (the speakers not known yet) each sentence's participants
    /// are left for `PendingEvents.finish(speakers:extractor:)`. `ahead`: sentences read on another thread.
    func read(_ article: Article, text: EventText, persons: PersonFinder?, ahead: ReadAhead? = nil) -> PendingEvents {
        let dateline = text.tokens.first.flatMap { datelinePlace($0) }
        var pending = PendingEvents(
            article: article, text: text, dateline: dateline, state: ArticleEvents(article: article, parts: parts))
        text.forEachSentence { k, p, range, sentence in
            let scan = SentenceScan(
                extractor: self, persons: persons, tokens: text.tokens[p], range: range, scalars: text.scalars[p],
                sentence: sentence, paragraph: p, reference: article.date, dateline: dateline,
                ordinalKind: pending.state.lastOrdinal.map { pending.state.clusters[$0].kind })
            scan.readAhead = ahead?.takeReading(of: k)
            pending.state.sentence += 1
            let setsBefore = pending.state.sets.count
            scan.run(into: &pending.state)
            if let places = scan.deferredPlaces {
                pending.defer(
                    PendingEvents.Sentence(paragraph: p, tokens: range, places: places), events: scan.assigned,
                    sets: setsBefore..<pending.state.sets.count)
            }
        }
        return pending
    }
}

extension EventExtractor {
    /// "SINGAPORE — President …": the place written in capitals before a dash at the start of the article.
    func datelinePlace(_ tokens: [WordToken]) -> String? {
        var i = 0
        var words: [String] = []
        while i < tokens.count, i < 5, tokens[i].kind == .word, tokens[i].text == tokens[i].text.uppercased() {
            words.append(tokens[i].text)
            i += 1
        }
        // "PANMUNJOM, Korea —": a region may follow the place.
        if !words.isEmpty, i < tokens.count, tokens[i].textIs(",") {
            var j = i + 1
            while j < tokens.count, j - i < 4, tokens[j].kind == .word, tokens[j].capitalized { j += 1 }
            if j < tokens.count, tokens[j].isDash { i = j }
        }
        guard !words.isEmpty, i < tokens.count, tokens[i].isDash
        else { return nil }
        let name = words.joined(separator: " ").lowercased()
        return lexicon.gazetteer.keys.filter { $0.lowercased() == name }.min()
    }
}

/// What one sentence says before the article's events are read (`SentenceScan.read`): the same whenever it is
/// read, so it may be read ahead on another thread (`ReadAhead`).
struct SentenceReading: Sendable, Equatable {
    /// Why the sentence is read.
    enum Gate: Sendable, Equatable {
        /// It holds an event word.
        case eventWord
        /// It holds none but may name a day: it is read only when an event of the article has a day.
        case dayOnly
    }

    var gate: Gate
    var expressions: [TemporalExpression]
    var raws: [RawMention]
    /// Anchor expression index → the mention it names.
    var anchorTargets: [Int: Int]
    /// The reading used the kind of the last event counted before the sentence (read as none when ahead).
    var readOrdinalKind: Bool
}

/// An event word found in a sentence, with what the sentence says about it.
struct RawMention: Sendable, Equatable {
    /// An index into `EventExtractor.Parts.kindTable`, not the name: a mention is copied often, and kinds are only
    /// compared while the sentence is read.
    var kind: EventKindID
    var start: Int
    var end: Int
    var product = false
    var invitation = false
    /// An index into `EventExtractor.Parts.placeNames`: a mention holds no String, so that a copy is plain data.
    var place: PlaceID?
    var placeTokens: Range<Int>?
    /// The expression that dates the mention, as an index into the sentence's expressions: the first of those
    /// equal to it (`SentenceScan.firstEqual`), so that indices compare as the expressions do. An index, not the
    /// expression: a mention is copied often, and a copy of an expression retains its texts.
    var expression: Int?
    var definite = false
    /// "the Singapore meeting": a place before the event word names a known event.
    var namedByPlace: Bool { placeTokens.map { $0.upperBound == start } ?? false }
    /// "the talks": the article alone, right before the event word.
    var bare = false
    var ordinal: Int?
    /// The tokens of the follow-up cue ("return to", "a new round of"); its words are read when the mention is
    /// assigned.
    var followUpCue: Range<Int>?
    var planned = false
    /// "a second summit": an indefinite article before an ordinal above one names the next of a series.
    var nextInSeries = false
    /// One item of a list after a colon ("three times last year: at Panmunjom in April and again in May"): an
    /// event of its own, never merged with its neighbours.
    var listItem = false
    /// "three summits": a counted plural, which names a set of events (see `EventCandidate.count`).
    var count: Int?
    /// Index of the temporal anchor whose span names this mention.
    var anchorOf: Int?
    /// First token of the words that name the event (determiner, modifiers).
    var phraseStart: Int
    var phraseEnd: Int
    var cluster: Int?
}

/// One sentence being read.
///
/// A class: the many closures of a scan capture it by reference instead of copying its fields (a copy retains
/// every word list of the lexicons).
final class SentenceScan {
    let extractor: EventExtractor
    /// Nil while the speakers are not known: participants are then deferred (`PendingEvents`).
    let persons: PersonFinder?
    let tokens: [WordToken]
    let range: Range<Int>
    let scalars: [Unicode.Scalar]
    let sentence: Range<Int>
    let paragraph: Int
    let reference: Day?
    /// The place of the article's dateline ("SINGAPORE — …"), for events of its first paragraph held that day.
    let dateline: String?
    /// The kind of the last event the article counted ("their first encounter"), for "their second, in Hanoi".
    let ordinalKind: String?

    init(
        extractor: EventExtractor, persons: PersonFinder?, tokens: [WordToken], range: Range<Int>,
        scalars: [Unicode.Scalar], sentence: Range<Int>, paragraph: Int, reference: Day?, dateline: String?,
        ordinalKind: String?
    ) {
        self.extractor = extractor
        self.parts = extractor.parts
        self.persons = persons
        self.tokens = tokens
        self.range = range
        self.scalars = scalars
        self.sentence = sentence
        self.paragraph = paragraph
        self.reference = reference
        self.dateline = dateline
        self.ordinalKind = ordinalKind
    }

    /// The extractor's tables, read in place through its shared reference (a copy would retain every table).
    let parts: EventExtractor.Parts
    /// The place tokens the participants were found outside of, set when they were deferred.
    var deferredPlaces: [Range<Int>]?
    /// The events the sentence's mentions went to, while participants are deferred.
    var assigned: [Int] = []
    /// What the sentence says before the article's events are read, when it was read ahead (`ReadAhead`).
    var readAhead: SentenceReading?
    /// Set when `findMentions` fell back on `ordinalKind` (the one thing it reads of the events found before).
    var readOrdinalKind = false

    func text(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        let a = tokens[r.lowerBound].start
        let b = tokens[r.upperBound - 1].end
        return Self.string(scalars[a..<b])
    }

    /// The scalars as a String, written as UTF-8 in one pass into storage of the exact size (building a
    /// `String.UnicodeScalarView` from a slice appends scalar by scalar through the generic path).
    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var count = 0
        for u in s { count += UTF8.width(u) }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for u in s {
                UTF8.encode(u) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }

    func isBreak(_ i: Int) -> Bool {
        tokens[i].kind == .punctuation && tokens[i].mark != "," && WordToken.isClauseMark(tokens[i].mark)
    }

    /// Whether the sentence is worth reading: it has an event word, or it may name a day (then it can only echo
    /// the day of an event already found); nil when it is neither.
    func gate() -> SentenceReading.Gate? {
        // Plain loops that read the tables in place through the shared references: a local copy of a table (or a
        // closure capturing one) retains each of its arrays, at every sentence.
        let parts = self.parts
        for i in range where parts.lexicon.starterFilter.mayContain(tokens[i]) && parts.starters.contains(tokens[i]) {
            return .eventWord
        }
        let shared = parts.tagger.shared
        for i in range {
            let t = tokens[i]
            if t.kind == .number
                || (shared.lexicon.dayFilter.mayContain(t) && (shared.weekdays[t] != nil || shared.named[t] != nil))
            {
                return .dayOnly
            }
        }
        return nil
    }

    /// What the sentence says that does not depend on the events read before it: its temporal expressions, its
    /// event words described, and the anchors that name them.
    func read(_ gate: SentenceReading.Gate) -> SentenceReading {
        // "the first launches since November 2017": a span up to now bounds an event, it does not date it.
        let expressions = extractor.tagger.tag(tokens, in: range, source: scalars, reference: reference)
            .filter { !$0.open }
        var raws = findMentions(expressions)
        // Anchors: the first event word in an anchor's span is the event it names.
        var anchorTargets: [Int: Int] = [:]
        for (e, x) in expressions.enumerated() {
            guard case .anchor(_, _, let span) = x.value else { continue }
            // The event the cue names comes before any conjunction or mark: "since the Korean War and opening a
            // day of talks" names no event of the sentence.
            if let r = raws.firstIndex(where: { r in
                span.contains(r.start) && r.anchorOf == nil
                    && !(span.lowerBound..<r.start).contains { j in
                        tokens[j].kind == .punctuation
                            || (tokens[j].lowerIs("and") || tokens[j].lowerIs("but") || tokens[j].lowerIs("or"))
                    }
            }) {
                raws[r].anchorOf = e
                anchorTargets[e] = r
            }
        }
        // Each mention is described against the list as found (a local copy, so the list is not copied per call).
        for r in raws.indices {
            var m = raws[r]
            describe(&m, raws: raws, expressions: expressions)
            raws[r] = m
        }
        return SentenceReading(
            gate: gate, expressions: expressions, raws: raws, anchorTargets: anchorTargets,
            readOrdinalKind: readOrdinalKind)
    }

    func run(into state: inout ArticleEvents) {
        // A sentence with no event word can only echo the day of an event already found.
        func worthReading(_ gate: SentenceReading.Gate) -> Bool {
            gate == .eventWord || state.hasDayDated()
        }
        let reading: SentenceReading
        if let ahead = readAhead, !ahead.readOrdinalKind || ordinalKind == nil {
            guard worthReading(ahead.gate) else { return }
            reading = ahead
        } else {
            guard let gate = gate(), worthReading(gate) else { return }
            reading = read(gate)
        }
        let expressions = reading.expressions
        var raws = reading.raws
        let anchorTargets = reading.anchorTargets
        // One date in the sentence that no event word claimed dates the one event word left without a date
        // ("shook hands on Tuesday …, the first meeting ever").
        let free = expressions.indices.filter { e in
            guard expressions[e].value.isDateLike else { return false }
            let f = Self.firstEqual(e, in: expressions)
            return !raws.contains { $0.expression == f }
        }
        let undated = raws.indices.filter {
            raws[$0].expression == nil && raws[$0].anchorOf == nil && !raws[$0].product
        }
        // A date inside a relative clause ("the armistice that halted the fighting in 1953") or one that modifies
        // another noun ("the 1950–53 war") speaks of something else.
        if free.count == 1, let first = undated.first, let e = free.first,
            !relativeClause(between: raws[first].end, and: expressions[e].tokens.lowerBound),
            !modifiesOtherNoun(expressions[e], than: raws[first]),
            !(expressions[e].tokens.upperBound <= raws[first].start && datesReport(expressions[e]))
        {
            raws[first].expression = Self.firstEqual(e, in: expressions)
        }
        // A date that opens a clause after a semicolon ("…; over the summer, the North launched again") dates
        // the clause's first event word still without one (two words may lead it in).
        for (e, x) in expressions.enumerated() where x.value.isDateLike && x.tokens.lowerBound > range.lowerBound {
            var k = x.tokens.lowerBound - 1
            while k > range.lowerBound, x.tokens.lowerBound - k <= 2, tokens[k].kind == .word { k -= 1 }
            guard tokens[k].kind == .punctuation, tokens[k].mark == ";" else { continue }
            let end = (x.tokens.upperBound..<range.upperBound).first { isBreak($0) } ?? range.upperBound
            if let r = raws.indices.first(where: {
                raws[$0].start >= x.tokens.upperBound && raws[$0].start < end && raws[$0].expression == nil
                    && raws[$0].anchorOf == nil && !raws[$0].product
            }) {
                raws[r].expression = Self.firstEqual(e, in: expressions)
            }
        }
        // A date that opens the sentence ("In April of last year Kim crossed … for the first inter-Korean
        // summit") dates its first event word still without one, in its clause ("In May, the North resumed
        // tests; over the summer, …": not past the semicolon).
        let opening = expressions.firstIndex { $0.tokens.lowerBound == range.lowerBound && $0.value.isDateLike }
        if let opening,
            let r = raws.indices.first(where: { r in
                raws[r].expression == nil && raws[r].anchorOf == nil && !raws[r].product
                    && !(expressions[opening].tokens.upperBound..<min(raws[r].start, range.upperBound)).contains {
                        isBreak($0)
                    }
            })
        {
            raws[r].expression = Self.firstEqual(opening, in: expressions)
        }
        // The lead paragraph tells the news of the day: a day within one of the article's date dates its events.
        if paragraph == 0, let ref = reference {
            let today = expressions.firstIndex { x in
                guard let r = x.date?.range, x.date?.precision == .day else { return false }
                return r.lowerBound.ordinal >= ref.ordinal - 1 && r.upperBound <= ref
            }.map { Self.firstEqual($0, in: expressions) }
            // "moved closer to a second summit": the next of a series is not the day's news.
            for r in raws.indices
            where raws[r].expression == nil && raws[r].anchorOf == nil && !raws[r].product && !raws[r].nextInSeries {
                raws[r].expression = today
            }
        }
        // The dateline is where the reporter stands: it places the lead's events only when the lead names no
        // other town ("TOKYO — Pompeo left Pyongyang on Saturday …"); a town used for its government
        // ("Washington insisting") does not count.
        // (The sentence is searched for another town only when the dateline would place one of its events.)
        if paragraph == 0, let dateline, let ref = reference {
            let placed = raws.indices.filter { r in
                guard raws[r].place == nil, !raws[r].planned, raws[r].anchorOf == nil,
                    let e = raws[r].expression, let d = expressions[e].date, let range = d.range
                else { return false }
                return range.lowerBound.ordinal >= ref.ordinal - 1 && range.upperBound <= ref
            }
            // (The dateline is a gazetteer place: it has an index.)
            if !placed.isEmpty, !namesOtherTown(), let place = parts.placeNames.id(dateline) {
                for r in placed { raws[r].place = place }
            }
        }
        if raws.isEmpty {
            echoDates(expressions, into: &state)
            return
        }
        let (participants, leaders) = participantsAndLeaders(excluding: raws.compactMap(\.placeTokens))
        // Anchor targets first: the events the others are dated and related against.
        let order = raws.indices.filter { raws[$0].anchorOf != nil } + raws.indices.filter { raws[$0].anchorOf == nil }
        // "Two days after the talks in Sweden, the two sides were still …", "They came three days after the North
        // test-fired a missile": with no other event word in the sentence, the sentence speaks from the
        // article's date, so the event named is that far before it.
        var fromNow: [Int: (date: EventDate, text: String)] = [:]
        if let ref = reference {
            for (e, x) in expressions.enumerated() {
                guard case .anchor(_, .offset(let o), _) = x.value, let t = anchorTargets[e],
                    !raws.indices.contains(where: {
                        $0 != t && !parts.kindTable.sameFamily(raws[$0].kind, raws[t].kind)
                    })
                else { continue }
                let back = EventOffset(days: -o.days, months: -o.months, window: o.window)
                if let d = back.apply(to: .day(ref)) { fromNow[t] = (d, x.text) }
            }
        }
        for r in order {
            var m = raws[r]
            var date: EventDate?
            var dateText: String?
            var unresolved = false
            var anchorRelation: (target: Int, relation: EventRelationKind, cue: String)?
            if let known = fromNow[r] {
                date = known.date
                dateText = known.text
            } else if let e = m.expression {
                let x = expressions[e]
                dateText = x.text
                switch x.value {
                case .date(let d): date = d
                case .unresolved: unresolved = true
                case .offset(let o):
                    if let base = state.lastDated() { date = o.apply(to: base) } else { unresolved = true }
                case .anchor(let relation, let dating, let span):
                    if let t = anchorTargets[e], let target = raws[t].cluster {
                        date = state.clusters[target].date.flatMap { dating.resolve(anchor: $0, reference: reference) }
                        let cueEnd = max(raws[t].phraseEnd, min(span.upperBound, raws[t].end))
                        anchorRelation = (target, relation, text(x.tokens.lowerBound..<cueEnd))
                    }
                    if date == nil { dateText = nil }
                }
            }
            if let d = date, let ref = reference, let r = d.range {
                // A date after the article is a plan; one before it is history, whatever the verb.
                if r.lowerBound > ref { m.planned = true }
                if r.upperBound < ref { m.planned = false }
            }
            // "The second round … never took place": what was planned and not held stays a plan.
            if unrealized(m) { m.planned = true }
            // "a second summit" with no date of its own is the next one, still to come.
            if m.nextInSeries, date == nil, !unresolved { m.planned = true }
            let mention = CandidateMention(
                paragraph: paragraph, sentence: sentence, start: tokens[m.phraseStart].start,
                end: tokens[m.phraseEnd - 1].end, text: text(m.phraseStart..<m.phraseEnd))
            let outcome = m.product ? productOutcome(m) : nil
            if let n = m.count {
                // A set of events: kept apart from the article's events, for the linker to resolve. An anchor
                // after it ("launches that followed the Hanoi meeting") bounds it by that event, not a date.
                let anchor = expressions.indices.first { e in
                    guard case .anchor(let relation, _, _) = expressions[e].value, relation != .same,
                        expressions[e].tokens.lowerBound >= m.end, let t = anchorTargets[e], raws[t].cluster != nil
                    else { return false }
                    return !(m.end..<expressions[e].tokens.lowerBound).contains {
                        isBreak($0) || tokens[$0].textIs(",")
                    }
                }
                var bound: LocalRelation?
                if let e = anchor, case .anchor(let relation, _, _) = expressions[e].value,
                    let t = anchorTargets[e], let c = raws[t].cluster
                {
                    bound = LocalRelation(
                        target: c, relation: relation, cue: text(expressions[e].tokens.lowerBound..<raws[t].phraseEnd))
                }
                if !unresolved || bound != nil {
                    state.addSet(
                        kind: parts.kindTable.name(m.kind), count: n, place: m.place.map { parts.placeNames[$0] },
                        date: bound == nil ? date : nil,
                        dateText: bound == nil ? dateText : nil, bound: bound, mention: mention,
                        participants: participants, leaders: leaders)
                }
                raws[r] = m
                continue
            }
            m.cluster = state.assign(
                m, date: date, dateText: dateText, unresolved: unresolved, place: m.place.map { parts.placeNames[$0] },
                followUpCue: m.followUpCue.map { text($0) }, mention: mention, outcome: outcome,
                participants: participants, leaders: leaders,
                notSelf: anchorTargets.isEmpty ? [] : Set(anchorTargets.values.compactMap { raws[$0].cluster }),
                appositiveTo: appositive(r, raws: raws).flatMap { raws[$0].cluster })
            if persons == nil, let c = m.cluster { assigned.append(c) }
            raws[r] = m
            if let c = m.cluster, let a = anchorRelation, a.target != c {
                state.relate(c, to: a.target, a.relation, cue: a.cue)
            }
        }
        // Anchors without a dating rule ("After the talks in Singapore, …") relate the other events of the sentence.
        for (e, x) in expressions.enumerated() {
            guard case .anchor(let relation, _, _) = x.value, let t = anchorTargets[e], let target = raws[t].cluster
            else {
                continue
            }
            let cue = text(x.tokens.lowerBound..<raws[t].phraseEnd)
            let f = Self.firstEqual(e, in: expressions)
            for r in raws.indices where r != t {
                if let c = raws[r].cluster, c != target, raws[r].expression != f {
                    state.relate(c, to: target, relation, cue: cue)
                }
            }
        }
        assignOutcomes(raws, into: &state)
    }

    /// `ordinalKind`, noting that it was read. (The kind of an event read so far is always in the table: see
    /// `EventKinds`.)
    private func ordinalKindRead() -> EventKindID? {
        readOrdinalKind = true
        return ordinalKind.flatMap { parts.kindTable.id($0) }
    }

    // MARK: event words

    func findMentions(_ expressions: [TemporalExpression]) -> [RawMention] {
        let anchorTokens = expressions.filter { if case .anchor = $0.value { return true } else { return false } }
            .map(\.tokens)
        var raws: [RawMention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let m = parts.eventWords.match(tokens, at: i, limit: range.upperBound) {
                let word = m.value
                var ok = true
                // Only a word that needs others around it reads its trigger (a copy retains the trigger's sets).
                if !word.plain {
                    let trig = parts.triggers[word.trigger]
                    if !trig.near.isEmpty {
                        ok = (m.end..<min(range.upperBound, m.end + 4)).contains {
                            trig.near.contains(tokens[$0].lower)
                        }
                    }
                    if !trig.subject.isEmpty {
                        ok = ok && (range.lowerBound..<i).contains { trig.subject.contains(tokens[$0].lower) }
                    }
                    if !trig.next.isEmpty {
                        let n = m.end
                        ok =
                            n < range.upperBound
                            && (trig.next.contains(tokens[n].lower)
                                || (trig.next.contains("*place") && parts.lexicon.places.match(tokens, at: n) != nil)
                                || (trig.next.contains("*name") && tokens[n].kind == .word && tokens[n].capitalized))
                    }
                }
                // "no meeting would take place": a denied event is none.
                if i > range.lowerBound, parts.negatives.contains(tokens[i - 1]) { ok = false }
                // "three summits", "two meetings": several events, none named alone: a set of that many.
                var setCount: Int?
                // Where the words of a set begin ("three summits", "the months of launches"), for its mention.
                var setStart = i
                let countable = word.plain && tokens[m.end - 1].lowerEndsWithS
                for k in stride(from: i - 1, through: max(range.lowerBound, i - 2), by: -1) where countable {
                    if let n = parts.tagger.shared.lexicon.numbers.match(tokens, at: k)?.value.value
                        ?? tokens[k].integer,
                        n > 1, n < 1000
                    {
                        // "three inter-Korean summits" counts summits; "the two leaders shook hands" counts
                        // leaders, and names no event either.
                        if ((k + 1)..<i).contains(where: { tokens[$0].lowerEndsWithS }) {
                            ok = false
                        } else {
                            setCount = n
                            setStart = k
                        }
                    }
                    if tokens[k].kind == .punctuation { break }
                }
                // "the months of short-range missile launches", "weeks of talks": a stretch of time filled with
                // events of the kind, as many as there were (an open set, count 0).
                if countable, setCount == nil {
                    for k in stride(from: i - 1, through: max(range.lowerBound + 1, i - 3), by: -1)
                    where tokens[k].lowerIs("of") {
                        // Only modifiers between: "within weeks of the failed talks" dates the talks, it counts none.
                        if let u = parts.tagger.shared.units[tokens[k - 1]], u != .day,
                            tokens[k - 1].lowerEndsWithS,
                            !((k + 1)..<i).contains(where: {
                                tokens[$0].lowerIs("the") || parts.determiners[tokens[$0]] != nil
                            }),
                            !anchorTokens.contains(where: { $0.contains(k) })
                        {
                            setCount = 0
                            setStart = k - 1
                        }
                        break
                    }
                }
                if ok {
                    var raw = RawMention(
                        kind: word.kind, start: i, end: m.end, product: word.product, invitation: word.invitation,
                        phraseStart: i, phraseEnd: m.end)
                    raw.count = word.product ? nil : setCount
                    if raw.count != nil { raw.phraseStart = setStart }
                    if word.product, setCount != nil { ok = false }
                    if ok { raws.append(raw) }
                    i = m.end
                    continue
                }
            }
            // "Their first encounter, in Singapore …. Their second, in Hanoi in February, …": an ordinal with a
            // place of its own stands for the kind just counted.
            let isOrdinal =
                parts.lexicon.ordinalFilter.mayContain(tokens[i]) && parts.ordinals[tokens[i]] != nil
            let counted: EventKindID? =
                isOrdinal
                ? (raws.last(where: { r in
                    (max(range.lowerBound, r.start - 3)..<r.start).contains {
                        parts.ordinals[tokens[$0]] != nil
                    }
                })?.kind ?? ordinalKindRead()) : nil
            if isOrdinal, let kind = counted, i + 2 < range.upperBound,
                tokens[i + 1].textIs(","),
                Self.placePrepositions.contains(tokens[i + 2]) || tokens[i + 2].lowerIs("on")
            {
                var raw = RawMention(kind: kind, start: i, end: i + 1, phraseStart: i, phraseEnd: i + 1)
                raw.ordinal = parts.ordinals[tokens[i]]
                raw.definite = true
                raws.append(raw)
                i += 1
                continue
            }
            // "return to Stockholm": a follow-up named by its place alone.
            if let f = parts.lexicon.followUps.match(tokens, at: i, limit: range.upperBound) {
                var j = f.end
                if j < range.upperBound, tokens[j].lowerIs("the") { j += 1 }
                if let p = parts.places.match(tokens, at: j, limit: range.upperBound) {
                    let nextTrigger = (p.end..<min(range.upperBound, p.end + 3)).contains {
                        parts.eventWords.match(tokens, at: $0) != nil
                    }
                    if !nextTrigger {
                        var raw = RawMention(kind: .none, start: j, end: p.end, phraseStart: i, phraseEnd: p.end)
                        raw.followUpCue = i..<f.end
                        raw.place = p.value
                        raw.placeTokens = j..<p.end
                        raws.append(raw)
                        i = p.end
                        continue
                    }
                }
            }
            i += 1
        }
        // "met twice more, in Hanoi in February and at the border in June": each place of an apposition after
        // the event word is an event of its own.
        var listed: [RawMention] = []
        for r in raws {
            guard let comma = (r.end..<min(range.upperBound, r.end + 3)).first(where: { tokens[$0].textIs(",") }),
                comma + 1 < range.upperBound, Self.placePrepositions.contains(tokens[comma + 1]),
                (r.end..<comma).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].capitalized })
            else { continue }
            var j = comma + 2
            while j + 1 < range.upperBound, j - comma < 14, !isBreak(j), !tokens[j].textIs(",") {
                if tokens[j].lowerIs("and"), Self.placePrepositions.contains(tokens[j + 1]) {
                    var k = j + 1
                    while k < range.upperBound, k - j < 7, !isBreak(k),
                        !(tokens[k].lowerIs(",") || tokens[k].lowerIs("and") || tokens[k].lowerIs("but"))
                    {
                        k += 1
                    }
                    var extra = RawMention(kind: r.kind, start: j, end: j + 1, phraseStart: j + 1, phraseEnd: k)
                    extra.definite = true
                    listed.append(extra)
                }
                j += 1
            }
        }
        // "met … three times last year: at Panmunjom in April and again in May, and in Pyongyang in September":
        // a counted event word whose list after a colon names each event; the count itself names none.
        var counted = Set<Int>()
        for r in raws where !r.product {
            guard let (colon, n) = countBeforeColon(after: r.end) else { continue }
            let items = listItems(from: colon + 1)
            guard items.count >= 2, items.count <= n else { continue }
            for item in items {
                var extra = RawMention(
                    kind: r.kind, start: item.lowerBound, end: item.lowerBound, phraseStart: item.lowerBound,
                    phraseEnd: item.upperBound)
                extra.definite = true
                extra.listItem = true
                listed.append(extra)
            }
            counted.insert(r.start)
        }
        // "a year of launches, beginning in May and continuing through the summer": a plural event word whose
        // series is told in parts; each part names an event (dated by its own words), the plural none.
        for r in raws where !r.product && !counted.contains(r.start) {
            let parts = seriesParts(after: r.end)
            guard !parts.isEmpty, tokens[r.end - 1].lowerEndsWithS else { continue }
            for part in parts {
                var extra = RawMention(
                    kind: r.kind, start: part.lowerBound, end: part.lowerBound, phraseStart: part.lowerBound,
                    phraseEnd: part.upperBound)
                extra.listItem = true
                listed.append(extra)
            }
            counted.insert(r.start)
        }
        if !counted.isEmpty { raws.removeAll { counted.contains($0.start) } }
        // The mentions found above are in text order (each starts past the one before): only listed ones need
        // sorting in, and most sentences list none.
        if !listed.isEmpty { raws = (raws + listed).sorted { $0.start < $1.start } }
        // An invitation to something announces that thing: keep the thing, planned.
        // The mentions kept are written over the list itself, `kept` of them so far: never past the one being read
        // (a mention is dropped or merged, never added), so a second list is not needed.
        var kept = 0
        var k = 0
        while k < raws.count {
            var r = raws[k]
            if r.invitation, r.end < range.upperBound, tokens[r.end].lowerIs("to"), k + 1 < raws.count,
                raws[k + 1].start - r.end <= 6
            {
                raws[k + 1].planned = true
                k += 1
                continue
            }
            // Neighbouring words for one event ("met for a new round of talks") are one mention.
            let last = kept > 0 ? raws[kept - 1] : nil
            if let last, parts.kindTable.sameFamily(last.kind, r.kind), r.start - last.end <= 5,
                !(last.end..<r.start).contains(where: { j in
                    isBreak(j) || tokens[j].textIs(",") || parts.determiners[tokens[j]] == true
                        || anchorTokens.contains { $0.contains(j) }
                }),
                !last.product, !r.product, !last.listItem, !r.listItem, last.count == nil, r.count == nil
            {
                kept -= 1
                let keep = parts.kindTable.rank(r.kind) >= parts.kindTable.rank(last.kind) ? r.kind : last.kind
                r.kind = keep
                r.start = last.start
                r.phraseStart = min(last.phraseStart, r.phraseStart)
                r.planned = last.planned
                r.followUpCue = r.followUpCue ?? last.followUpCue
            }
            raws[kept] = r
            kept += 1
            k += 1
        }
        raws.removeLast(raws.count - kept)
        return raws
    }

    /// "three times last year:": a count ("N times") after an event word, in its clause, before a colon; the
    /// colon's index and the count.
    func countBeforeColon(after start: Int) -> (colon: Int, count: Int)? {
        var count: Int?
        var j = start
        while j < range.upperBound, j - start <= 12 {
            let t = tokens[j]
            if t.textIs(":") { return count.map { (j, $0) } }
            if t.kind == .punctuation, !t.textIs(","), !t.textIs("-") { return nil }
            if t.lowerIs("times"), j > start {
                count =
                    parts.tagger.shared.lexicon.numbers.match(tokens, at: j - 1)?.value.value ?? tokens[j - 1].integer
            }
            j += 1
        }
        return nil
    }

    /// The parts of a series after an event word: from a series cue right after it (a comma between) to the end of
    /// the clause, split at "and" before another cue ("beginning in May and continuing through the summer").
    func seriesParts(after end: Int) -> [Range<Int>] {
        // Read in place through `parts`, on token hashes (a local copy of the table would retain it per call).
        let parts = self.parts
        var a = end
        if a < range.upperBound, tokens[a].textIs(",") { a += 1 }
        guard a < range.upperBound, parts.seriesCues.contains(tokens[a]) else { return [] }
        var out: [Range<Int>] = []
        var j = a + 1
        while j < range.upperBound {
            let t = tokens[j]
            if t.kind == .punctuation, !t.textIs("-") { break }
            if t.lowerIs("and"), j + 1 < range.upperBound, parts.seriesCues.contains(tokens[j + 1]) {
                out.append(a..<j)
                a = j + 1
            }
            j += 1
        }
        out.append(a..<j)
        return out
    }

    /// The items of a list from `start` to the sentence's end, split at commas and "and"; each item must open with
    /// a place preposition or "again", or hold a number or capitalized word (a place or date of its own).
    func listItems(from start: Int) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var a = start
        var j = start
        func close() {
            var lo = a
            while lo < j, tokens[lo].lowerIs("and") || tokens[lo].lowerIs(",") { lo += 1 }
            if lo < j { items.append(lo..<j) }
        }
        while j < range.upperBound {
            let t = tokens[j]
            if t.kind == .punctuation, !t.textIs(","), !t.textIs("-") { break }
            if t.textIs(",") || t.lowerIs("and") {
                close()
                a = j
            }
            j += 1
        }
        close()
        let opens = items.allSatisfy { r in
            let first = tokens[r.lowerBound].lower
            return Self.placePrepositions.contains(first) || first == "again"
                || r.contains { tokens[$0].kind == .number || (tokens[$0].capitalized && $0 > r.lowerBound) }
        }
        return opens ? items : []
    }

    /// "the summit in Singapore, the leaders' first meeting last June": a definite or counted mention set off by a
    /// comma right after another mention of its family (and that mention's place) names the same event; the
    /// index of that other mention.
    func appositive(_ r: Int, raws: [RawMention]) -> Int? {
        guard r > 0, raws[r].definite || raws[r].ordinal != nil, raws[r].count == nil, !raws[r].listItem else {
            return nil
        }
        let previous = raws[r - 1]
        guard previous.count == nil, !previous.listItem, parts.kindTable.sameFamily(previous.kind, raws[r].kind) else {
            return nil
        }
        let previousEnd = max(previous.phraseEnd, previous.placeTokens?.upperBound ?? previous.end)
        var j = raws[r].phraseStart - 1
        while j > previousEnd, raws[r].phraseStart - j <= 5, !tokens[j].textIs(","), !isBreak(j) {
            // "…, and in Pyongyang in September": a list goes on, no apposition.
            if tokens[j].lowerIs("and") || tokens[j].lowerIs("or") || tokens[j].lowerIs("but") { return nil }
            j -= 1
        }
        return j == previousEnd && tokens[j].textIs(",") ? r - 1 : nil
    }

    /// True when the sentence names a town other than the dateline's, not used for its government ("Washington
    /// insisting").
    func namesOtherTown() -> Bool {
        for i in range {
            guard let p = parts.lexicon.places.match(tokens, at: i, limit: range.upperBound), p.value != dateline,
                parts.lexicon.gazetteer[p.value]?.within != nil
            else { continue }
            let next = p.end < range.upperBound ? tokens[p.end].lower : ""
            let metonym =
                next.hasSuffix("ing") || next.hasSuffix("ed") || parts.lexicon.reporting.match(tokens, at: p.end) != nil
            if !metonym { return true }
        }
        return false
    }

    /// Place, date words, definiteness, ordinal, follow-up cue and tense of one mention.
    func describe(_ m: inout RawMention, raws: [RawMention], expressions: [TemporalExpression]) {
        // Determiner and modifiers before the event word.
        var k = m.start - 1
        var skipped = 0
        while k >= range.lowerBound, skipped <= 4 {
            let t = tokens[k]
            if let definite = parts.determiners[t] {
                if !t.lowerIs("that") || k == m.start - 1 {
                    m.definite = definite
                    m.phraseStart = min(m.phraseStart, k)
                    if !definite, let n = m.ordinal, n >= 2, Self.indefiniteArticles.contains(t) {
                        m.nextInSeries = true
                    }
                }
                break
            }
            if t.possessive {
                // "Saturday's talks", "Kim's characterization of the talks" stops at the owner.
                m.definite = true
                m.phraseStart = min(m.phraseStart, k)
                break
            }
            if t.kind == .punctuation, !t.textIs("-") { break }
            if Self.phraseStops.contains(t) { break }
            if raws.contains(where: { $0.start <= k && k < $0.end }) { break }
            if let n = parts.ordinals[t], m.ordinal == nil { m.ordinal = n }
            // "the Hanoi summit" names its place; "North and South Korea met" names who met (a verb's subject).
            if m.place == nil, let p = parts.places.match(tokens, at: k, limit: m.start), p.end == m.start,
                parts.eventWords.match(tokens, at: m.start, limit: range.upperBound).map({ $0.value.plain }) ?? true
            {
                m.place = p.value
                m.placeTokens = k..<p.end
            }
            skipped += 1
            k -= 1
        }
        m.bare = m.start > range.lowerBound && tokens[m.start - 1].lowerIs("the")
        if m.phraseStart > m.start - skipped, skipped > 0, m.definite == false, k >= range.lowerBound,
            parts.determiners[tokens[k]] == false
        {
            m.phraseStart = k
        }
        // A place after the event word: "in Stockholm, Sweden", "to Pyongyang", "at the DMZ".
        if m.place == nil {
            // An event word that ends in its preposition ("received in Hawaii") reads the place right after it.
            var j = m.end
            if m.end - 1 > m.start, Self.placePrepositions.contains(tokens[m.end - 1]) { j = m.end - 1 }
            while j < range.upperBound, j - m.end <= 8, !isBreak(j),
                !tokens[j].textIs(",") || isAppositive(j, after: m),
                !Self.placeStops.contains(tokens[j])
            {
                if raws.contains(where: { $0.start == j && $0.start != m.start }) { break }
                if Self.placePrepositions.contains(tokens[j]) {
                    var s = j + 1
                    let p =
                        parts.places.match(tokens, at: s, limit: range.upperBound)
                        ?? {
                            if s < range.upperBound, tokens[s].lowerIs("the") {
                                s += 1
                                if let p = parts.places.match(tokens, at: s, limit: range.upperBound) {
                                    return p
                                }
                                // "at the border village of Panmunjom": a few plain words and "of" before it.
                                guard
                                    let of = (s..<min(range.upperBound, s + 4)).first(where: {
                                        tokens[$0].lowerIs("of") || tokens[$0].kind != .word
                                    }), tokens[of].lowerIs("of"), of > s,
                                    (s..<of).allSatisfy({ !tokens[$0].capitalized })
                                else { return nil }
                                s = of + 1
                                return parts.places.match(tokens, at: s, limit: range.upperBound)
                            }
                            return nil
                        }()
                    if let p {
                        var end = p.end
                        var place = p.value
                        if end + 1 < range.upperBound, tokens[end].textIs(","),
                            let q = parts.places.match(tokens, at: end + 1, limit: range.upperBound),
                            parts.compatible(place, q.value)
                        {
                            place = parts.narrower(place, q.value)
                            end = q.end
                        }
                        m.place = place
                        m.placeTokens = s..<end
                        m.phraseEnd = max(m.phraseEnd, end)
                        break
                    }
                }
                j += 1
            }
        }
        // Ordinal right before ("the second summit", "the first set of talks").
        if m.ordinal == nil {
            for k in stride(from: m.start - 1, through: max(range.lowerBound, m.start - 3), by: -1) {
                if let n = parts.ordinals[tokens[k]] {
                    m.ordinal = n
                    break
                }
                if tokens[k].kind == .punctuation { break }
            }
        }
        // Follow-up cue just before, inside or just after: "a new round of talks", "return to the table", "talks
        // resumed".
        if m.followUpCue == nil {
            let lo = max(range.lowerBound, m.start - 4)
            let hi = min(range.upperBound, m.end + 2)
            var j = lo
            while j < hi {
                if let f = parts.lexicon.followUps.match(tokens, at: j, limit: range.upperBound),
                    f.end > m.start - 2 || j >= m.start
                {
                    m.followUpCue = j..<f.end
                    break
                }
                j += 1
            }
        }
        // "the first talks in seven months", "the first launch since 2017" count within a span, not a series.
        if m.ordinal != nil, firstInASpan(m) { m.ordinal = nil }
        if extractor.tagger.tense(tokens, at: m.start, in: range) == .future { m.planned = true }
        m.expression = attachedExpression(m, raws: raws, expressions: expressions)
    }

    /// "Moon told reporters on Sunday that Kim had asked for the session": a date right after a reporting verb
    /// (and its object) dates the report, not an event reported after it.
    func datesReport(_ x: TemporalExpression) -> Bool {
        (max(range.lowerBound, x.tokens.lowerBound - 2)..<x.tokens.lowerBound).contains {
            parts.lexicon.reporting.match(tokens, at: $0) != nil
        }
    }

    /// "The second summit, in Hanoi in February, …": a comma right after the event word that opens its place
    /// or date.
    func isAppositive(_ j: Int, after m: RawMention) -> Bool {
        // "met once, in Sweden in October": a few plain words may stand between the event word and the comma.
        guard j >= m.end, j - m.end <= 2, j + 1 < range.upperBound, tokens[j].textIs(","),
            Self.placePrepositions.contains(tokens[j + 1]) || tokens[j + 1].lowerIs("on")
        else { return false }
        return (m.end..<j).allSatisfy { tokens[$0].kind == .word && !tokens[$0].capitalized }
    }

    /// "a", "an": before an ordinal, the next of a series ("a second summit"), not one already named.
    static let indefiniteArticles = WordSet(["a", "an"])

    /// Words that end the words naming an event, reading backwards from the event word.
    static let phraseStops = WordSet([
        "while", "and", "but", "or", "as", "if", "when", "with", "after", "before", "since", "because", "than",
        "where", "which", "who", "for", "to", "in", "on", "at", "by", "from", "said", "says",
    ])

    /// Words that end the search for an event's place after the event word ("talks of the kind held in …").
    static let placeStops = WordSet(["that", "which", "who", "when", "where", "while", "and", "but", "held"])

    static let relativePronouns = WordSet(["that", "which", "who", "whom", "whose"])

    /// Words before a place where an event happens ("in Hanoi", "to Pyongyang", "on Sentosa").
    static let placePrepositions = WordSet(["in", "at", "to", "near", "inside"])

    /// The temporal expression that dates a mention: the nearest after it in its clause, else the nearest before;
    /// its index as `RawMention.expression` keeps it.
    func attachedExpression(_ m: RawMention, raws: [RawMention], expressions: [TemporalExpression]) -> Int? {
        func ownAnchor(_ x: TemporalExpression) -> Bool {
            if case .anchor(_, _, let span) = x.value, span.contains(m.start), m.anchorOf != nil { return true }
            return false
        }
        func clear(_ a: Int, _ b: Int, _ x: TemporalExpression) -> Bool {
            guard a <= b else { return true }
            for j in a..<b {
                if isBreak(j) { return false }
                // A relative clause speaks of another thing ("the armistice that halted the fighting in 1953").
                if j > m.end, Self.relativePronouns.contains(tokens[j]) || standsForOtherEvents(j) {
                    return false
                }
                // A comma ends the clause, except inside a place ("Stockholm, Sweden") or after an opening
                // date ("On Saturday, the talks …").
                if tokens[j].textIs(","), !(m.placeTokens?.contains(j) ?? false), !isAppositive(j, after: m),
                    !(x.tokens.upperBound <= m.start && opensClause(x))
                {
                    return false
                }
                if let other = raws.first(where: { $0.start == j }), other.start != m.start {
                    // The event an anchor names does not block the anchor's own dating of the next event.
                    if case .anchor(_, _, let span) = x.value, span.contains(other.start), other.anchorOf != nil {
                        continue
                    }
                    return false
                }
            }
            return true
        }
        // "A was followed days later by B": a distance from the event just named dates the event after it.
        func isOffset(_ x: TemporalExpression) -> Bool {
            if case .offset = x.value { return true } else { return false }
        }
        let after = expressions.indices.filter { e in
            let x = expressions[e]
            return x.tokens.lowerBound >= m.end && x.tokens.lowerBound - m.end <= 16 && !ownAnchor(x)
                && !modifiesOtherNoun(x, than: m)
                && !(isOffset(x) && raws.contains { r in r.start >= x.tokens.upperBound })
        }
        if let e = after.first(where: { clear(m.end, expressions[$0].tokens.lowerBound, expressions[$0]) }) {
            return Self.firstEqual(e, in: expressions)
        }
        // An anchor whose words name no event of the sentence ("since the Korean War") dates nothing.
        func idle(_ e: Int) -> Bool {
            guard case .anchor = expressions[e].value else { return false }
            let f = Self.firstEqual(e, in: expressions)
            return !raws.contains { $0.anchorOf == f }
        }
        let before = expressions.indices.filter { e in
            let x = expressions[e]
            return x.tokens.upperBound <= m.start && m.start - x.tokens.upperBound <= 8 && !ownAnchor(x)
                && !datesReport(x) && !idle(e)
        }
        return before.last(where: { e in
            let x = expressions[e]
            return clear(x.tokens.upperBound, m.phraseStart, x) || clear(x.tokens.upperBound, m.start, x)
        }).map { Self.firstEqual($0, in: expressions) }
    }

    /// The index of the first of `expressions` equal to `expressions[e]` (`e` itself unless two are equal): what a
    /// mention keeps (`RawMention.expression`), so that comparing indices answers as comparing expressions.
    static func firstEqual(_ e: Int, in expressions: [TemporalExpression]) -> Int {
        var k = 0
        while k < e, expressions[k] != expressions[e] { k += 1 }
        return k
    }

    /// What a statement adds to its event's outcomes: its words ("the Singapore statement", "a joint
    /// statement"), unless it is only the way something was said ("said in a statement", "a prepared
    /// statement") or the bare word ("a statement", "any agreement"), which tells nothing of the event.
    func productOutcome(_ m: RawMention) -> String? {
        let phrase = productPhrase(m)
        if phrase.count == 1 { return nil }
        if m.phraseStart > range.lowerBound, parts.channelsBefore.contains(tokens[m.phraseStart - 1]) {
            return nil
        }
        let modifiers = parts.lexicon.channelModifiers
        if phrase.contains(where: { modifiers.contains(tokens[$0].lower) }) { return nil }
        return text(phrase)
    }

    /// "the first meeting between the two sides in months", "the first launch since 2017": a span after the event
    /// word that the ordinal counts within.
    func firstInASpan(_ m: RawMention) -> Bool {
        let units = parts.tagger.shared.units
        var j = m.end
        while j < range.upperBound, j - m.end <= 8, !isBreak(j), !tokens[j].textIs(",") {
            let t = tokens[j]
            if t.lowerIs("since") { return true }
            // "the first launches of the year" (not "… in April of last year", a date).
            if t.lowerIs("of"), j + 2 < range.upperBound,
                tokens[j + 1].lowerIs("the") || tokens[j + 1].lowerIs("this") || tokens[j + 1].lowerIs("that"),
                units[tokens[j + 2]] != nil
            {
                return true
            }
            if t.lowerIs("in") || t.lowerIs("for"),
                (j + 1..<min(range.upperBound, j + 4)).contains(where: { units[tokens[$0]] != nil })
            {
                return true
            }
            j += 1
        }
        return false
    }

    /// "On Saturday, the envoys met", "…; in June, Trump stepped across": a date that opens its sentence or a
    /// clause after a semicolon or colon.
    func opensClause(_ x: TemporalExpression) -> Bool {
        let first = x.tokens.lowerBound
        return first == range.lowerBound
            || (first > range.lowerBound && (tokens[first - 1].textIs(";") || tokens[first - 1].textIs(":")))
    }

    /// True when the clause of a mention says the event did not happen ("never took place", "was called off").
    func unrealized(_ m: RawMention) -> Bool {
        var j = m.end
        while j < range.upperBound, j - m.end <= 12, !isBreak(j) {
            if parts.lexicon.unrealized.match(tokens, at: j, limit: range.upperBound) != nil { return true }
            j += 1
        }
        return false
    }

    /// True when a relative pronoun stands between two tokens: what follows it speaks of another thing.
    func relativeClause(between a: Int, and b: Int) -> Bool {
        guard a < b else { return false }
        return (a..<b).contains { Self.relativePronouns.contains(tokens[$0]) || standsForOtherEvents($0) }
    }

    /// "after those held in Pyongyang in 2000": a pronoun standing for other events (`event_pronouns.txt`), not
    /// followed by an event word ("those talks" names an event itself); what follows it speaks of those events.
    func standsForOtherEvents(_ j: Int) -> Bool {
        guard parts.otherEventPronouns.contains(tokens[j]) else { return false }
        return j + 1 >= range.upperBound
            || parts.eventWords.match(tokens, at: j + 1, limit: range.upperBound) == nil
    }

    /// "the 1950–53 war", "the June 12 summit": a date between a determiner and a noun dates that noun; it dates
    /// a mention only when the noun is the mention's own event word.
    func modifiesOtherNoun(_ x: TemporalExpression, than m: RawMention) -> Bool {
        var end = x.tokens.upperBound
        // "the 1950–53 war": the rest of a span of years belongs to the date.
        if end + 1 < range.upperBound, tokens[end].isDash,
            tokens[end + 1].kind == .number
        {
            end += 2
        }
        guard end < range.upperBound, end != m.start, x.date?.precision == .year || x.date?.precision == .month
        else { return false }
        let next = tokens[end]
        guard next.kind == .word, !next.capitalized, !Self.phraseStops.contains(next) else { return false }
        let first = x.tokens.lowerBound
        let opener = tokens[first].lower
        let before = first > range.lowerBound ? tokens[first - 1].lower : ""
        return parts.lexicon.determiners[opener] != nil || parts.lexicon.determiners[before] != nil
    }

    func productPhrase(_ m: RawMention) -> Range<Int> {
        var a = m.phraseStart
        if a < m.start, parts.determiners[tokens[a]] != nil { a += 1 }
        return a..<m.end
    }

    // MARK: participants

    /// The sentence's participants and the leaders among them; with the persons not known yet, one marker each
    /// for `PendingEvents` to fill in.
    func participantsAndLeaders(excluding places: [Range<Int>]) -> (participants: [String], leaders: [String]) {
        guard let persons else {
            deferredPlaces = places
            return (PendingEvents.deferredParticipants, PendingEvents.deferredLeaders)
        }
        let participants = findParticipants(excluding: places, persons: persons)
        return (participants, participants.filter { persons.leaders.contains($0) })
    }

    /// Countries (canonical names) and persons named in the sentence, outside place names; persons who only
    /// report ("Ortagus said") are left out.
    func findParticipants(excluding places: [Range<Int>], persons: PersonFinder) -> [String] {
        var out: [String] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if places.contains(where: { $0.contains(i) }) {
                i += 1
                continue
            }
            if let p = persons.names.match(tokens, at: i, limit: range.upperBound) {
                var reporting = false
                for j in p.end..<min(range.upperBound, p.end + 2)
                where parts.lexicon.reporting.match(tokens, at: j) != nil {
                    reporting = true
                }
                if i >= range.lowerBound + 2, tokens[i - 2].lowerIs("according"), tokens[i - 1].lowerIs("to") {
                    reporting = true
                }
                if !reporting, !out.contains(p.value) { out.append(p.value) }
                i = p.end
                continue
            }
            if let g = parts.lexicon.countryGroups.match(tokens, at: i, limit: range.upperBound) {
                for c in g.value where !out.contains(c) { out.append(c) }
                i = g.end
                continue
            }
            if let c = parts.lexicon.countries.match(tokens, at: i, limit: range.upperBound) {
                if !out.contains(c.value) { out.append(c.value) }
                i = c.end
                continue
            }
            i += 1
        }
        return out
    }

    // MARK: outcomes and dates alone

    /// Outcome words go to the nearest event named before them in the sentence, else the nearest after.
    func assignOutcomes(_ raws: [RawMention], into state: inout ArticleEvents) {
        var i = range.lowerBound
        while i < range.upperBound {
            guard let o = parts.lexicon.outcomes.match(tokens, at: i, limit: range.upperBound) else {
                i += 1
                continue
            }
            let inside = raws.contains { $0.product && $0.phraseStart <= i && i < $0.end }
            if !inside {
                let target =
                    raws.last(where: { $0.start < i && $0.cluster != nil }) ?? raws.first(where: { $0.cluster != nil })
                if let c = target?.cluster { state.addOutcome(c, text(i..<o.end).lowercased()) }
            }
            i = o.end
        }
    }

    /// A sentence with no event word that names the day of an event of the article ("a single Saturday")
    /// mentions that event.
    func echoDates(_ expressions: [TemporalExpression], into state: inout ArticleEvents) {
        for x in expressions {
            guard case .date(let d) = x.value, d.precision == .day, d.width == 1 else { continue }
            if let c = state.clusters.lastIndex(where: {
                $0.date?.precision == .day && $0.date?.range == d.range && !$0.planned
            }) {
                state.addMention(
                    c,
                    CandidateMention(paragraph: paragraph, sentence: sentence, start: x.start, end: x.end, text: x.text)
                )
            }
        }
    }
}
