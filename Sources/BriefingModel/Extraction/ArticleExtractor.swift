/// Finds the speakers, quotes, terms and enumerated agendas of one article.
///
/// Steps: quotation spans (`QuoteScanner`), tokens and sentences (`ParagraphText`), mentions (`MentionScanner`),
/// coreference (`EntityResolver`), cue and speaker of each quotation (`Attribution`), quote or term, quotations
/// continued without attribution, enumerated agendas (`AgendaEnumeration`). Pure: safe to run in parallel.
public struct ArticleExtractor: Sendable {
    public let lexicon: Lexicon
    /// The lexicons compiled into hash lookups (built once, reused for every article).
    let compiled: ExtractionLexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        compiled = ExtractionLexicon(lexicon: lexicon)
    }

    /// A decided quoted span.
    struct Decided {
        var span: QuoteSpan
        var isTerm: Bool
        var entity: Int?
        var cue: String?
        var attributed: Bool
    }

    public func extract(_ article: Article) -> ArticleExtraction {
        extract(article, text: SharedText(article: article, splitter: compiled.splitter))
    }

    /// The article's speakers are named "prefix#sN", quotes "article#qN". The pipeline passes a short prefix of its
    /// own (unique in the run, `Pipeline.extract(_:key:)`), so that the local speaker ids, let go once speakers are
    /// merged, are stored inline instead of one heap string each; by default the prefix is the article id.

    /// The same from the article already decoded and split into sentences (by a splitter built from the same
    /// lexicon), and maybe tokenized (by this extractor's tokenizer): the event stage reads the same text, so the
    /// pipeline decodes and splits it once for both.
    func extract(_ article: Article, text: SharedText, speakerPrefix: String? = nil) -> ArticleExtraction {
        let lex = compiled
        let scalars = text.scalars
        let spans = QuoteScanner.scan(scalars)
        // Read once per article: each read of a struct from the shared lexicon retains all its tables.
        let tokenizer = lex.tokenizer
        let paras = scalars.indices.map {
            ParagraphText(
                index: $0, scalars: scalars[$0], quotes: spans[$0],
                tokens: text.tokens?[$0] ?? tokenizer.tokenize(scalars[$0]),
                sentences: text.sentences[$0], classes: lex.wordClasses)
        }

        // Mentions and coreference, in reading order.
        var resolver = EntityResolver(lex: lex)
        var mentions: [[NameMention]] = []
        mentions.reserveCapacity(paras.count)
        var sentenceBase = 0
        var sentenceBases: [Int] = []
        sentenceBases.reserveCapacity(paras.count)
        // Sentences whose subject has been seen (sentence indices are small: an array, not a set); one buffer for
        // every paragraph, cleared for each.
        var seenSentence: [Bool] = []
        for p in paras {
            sentenceBases.append(sentenceBase)
            var ms = MentionScanner(lex: lex, p: p).scan()
            seenSentence.removeAll(keepingCapacity: true)
            seenSentence.append(contentsOf: repeatElement(false, count: p.sentences.count + 1))
            defer { sentenceBase += max(1, p.sentences.count) }
            for k in ms.indices {
                ms[k].articleSentence = sentenceBase + ms[k].sentence
                // The fields read here, as they stand before resolution (copying the mention retained its strings
                // and arrays).
                let (kind, start, end) = (ms[k].kind, ms[k].first, ms[k].end)
                let sentence = min(ms[k].sentence, p.sentences.count)
                var c = end
                while c < p.tokens.count, p.tokens[c].isWord, lex.auxiliaries.contains(p, c), c < end + 3 { c += 1 }
                let cueFollows =
                    c < p.tokens.count && p.tokens[c].isWord
                    && lex.cue(p, at: c).map { lex.cueInfo[$0.value].kind == .verb } == true
                // "Kim Jong Un, she said, …": a parenthetical speaker pronoun.
                ms[k].speakerPronoun =
                    kind == .pronoun && cueFollows && start > 0 && !p.tokens[start - 1].isWord
                    && p.tokens[start - 1].mark == ","

                let first = !ms[k].afterPreposition && !ms[k].isPossessive && !seenSentence[sentence]
                resolver.resolve(&ms[k], subject: cueFollows || first, cueFollows: cueFollows)
                // The subject of a reporting verb, or the source after "according to", speaks.
                if let e = ms[k].entity, kind != .pronoun, cueFollows || Self.afterAccordingTo(start, p, lex) {
                    resolver.markSpoke(e)
                }
                // A word that resolved to no one does not take the place of the sentence's subject.
                if first, ms[k].entity != nil { seenSentence[sentence] = true }
            }
            assignAuthors(p, ms, &resolver)
            mentions.append(ms)
        }

        // Attribution, then quote or term.
        var decided: [Decided] = []
        decided.reserveCapacity(paras.reduce(0) { $0 + $1.quotes.count })
        for p in paras {
            let attribution = Attribution(lex: lex, p: p, mentions: mentions[p.index])
            for span in p.quotes {
                var r = attribution.attribute(span)
                if r.cue == nil, r.cueText == nil, p.index > 0, span.open == QuoteScanner.firstNonSpace(p.scalars),
                    let lead = Attribution(lex: lex, p: paras[p.index - 1], mentions: mentions[p.index - 1]).leadIn()
                {
                    // "Ortagus wrote:" closing the paragraph before.
                    r = lead
                    r.mention = -1  // the mention stands in the previous paragraph
                    r.partner = nil
                }
                var entity = r.entity.map { resolver.speaking($0) }
                if let m = r.mention, m >= 0, let k = r.partner, let a = mentions[p.index][k].entity, let b = entity,
                    a != b
                {
                    entity = resolver.joint(a, b, paragraph: p.index)
                }
                var words = 0
                for t in p.token(atOrAfter: span.start)..<p.token(atOrAfter: span.end) where p.tokens[t].isWord {
                    words += 1
                }
                let inner = Self.hasInnerStop(p.scalars, span)
                let isTerm =
                    attribution.termCueBefore(span) || (r.mention == nil && attribution.termCueAfter(span))
                    || (r.mention == nil && words <= 4 && !inner && !attribution.cueIsAdjacent(r.cue, to: span)
                        && !attribution.standsAlone(span))
                    || (r.mention == nil && Self.isTitleCase(p, span) && words >= 2)
                    || (words == 1 && attribution.isLabel(span))
                decided.append(
                    Decided(
                        span: span, isTerm: isTerm, entity: entity, cue: r.cueText,
                        attributed: r.cue != nil || r.cueText != nil))
                // A quotation quoted inside this one, tagged with its source: ‘…’ PBS.
                if !isTerm, let (innerSpan, tag) = NestedQuotes.tagged(in: span, p: p, lex: lex) {
                    var m = tag
                    resolver.resolve(&m, subject: false, cueFollows: true)
                    decided.append(
                        Decided(span: innerSpan, isTerm: false, entity: m.entity, cue: nil, attributed: true))
                }
            }
        }
        continueSpeakers(&decided, mentions: mentions, paras: paras)
        decided.sort { ($0.span.paragraph, $0.span.start) < ($1.span.paragraph, $1.span.start) }
        documentWords(&decided, mentions: mentions, paras: paras, sentenceBases: sentenceBases, resolver: resolver)
        continueSpeakers(&decided, mentions: mentions, paras: paras)

        // Speakers: people and groups, and anyone who speaks.
        var quoted = Set<Int>()
        for d in decided where !d.isTerm {
            if let e = d.entity {
                resolver.markSpoke(e)
                quoted.insert(e)
            }
        }
        /// Each speaking entity's position among the speakers.
        var speakerOf: [Int: Int] = [:]
        // Introduced stand-ins ("a leader") and bare group nouns ("aides") are speakers only when quoted.
        let entities = resolver.entities
        func isSpeaker(_ e: Int) -> Bool {
            entities[e].indefinite || entities[e].bareGroup
                ? quoted.contains(e)
                : (entities[e].kind == .person || entities[e].kind == .group || entities[e].spoke)
        }
        // Counted first: the arrays are kept until the results are laid end to end, so no room to spare.
        var (speakerCount, mentionCount) = (0, 0)
        for e in entities.indices where isSpeaker(e) {
            speakerCount += 1
            mentionCount += entities[e].paragraphs.count
        }
        var speakers: [LocalSpeaker] = []
        speakers.reserveCapacity(speakerCount)
        var mentionParagraphs: [Int32] = []
        mentionParagraphs.reserveCapacity(mentionCount)
        for (e, x) in entities.enumerated() where isSpeaker(e) {
            // Speaker k is "prefix#s(k+1)" (`ArticleExtraction.speakers`).
            speakerOf[e] = speakers.count
            let first = mentionParagraphs.count
            for p in x.paragraphs { mentionParagraphs.append(Int32(clamping: p)) }
            speakers.append(
                LocalSpeaker(
                    name: x.name, role: x.role, aliases: x.aliases.filter { $0 != x.name }, kind: x.kind,
                    mentions: first..<mentionParagraphs.count))
        }

        var quotes: [LocalQuote] = []
        let quoteCount = decided.reduce(0) { $0 + ($1.isTerm ? 0 : 1) }
        quotes.reserveCapacity(quoteCount)
        var terms: [Term] = []
        terms.reserveCapacity(decided.count - quoteCount)
        // A quote's text is kept as the slice of the article's paragraph it equals (no copy of its characters).
        var slicer: (paragraph: Int, cutter: UTF8Slicer)?
        for d in decided {
            if d.isTerm {
                terms.append(
                    Term(
                        article: article.id, paragraph: d.span.paragraph, start: d.span.start, end: d.span.end,
                        text: paras[d.span.paragraph].text(d.span.start..<d.span.end)))
            } else {
                let p = d.span.paragraph
                if slicer?.paragraph != p, article.paragraphs.indices.contains(p) {
                    slicer = (p, UTF8Slicer(text: article.paragraphs[p].textSlice, scalars: paras[p].scalars))
                }
                let slice: Substring
                if slicer?.paragraph == p, let cut = slicer?.cutter.slice(d.span.start..<d.span.end) {
                    slice = cut
                } else {
                    slice = Substring(paras[p].text(d.span.start..<d.span.end))
                }
                quotes.append(
                    LocalQuote(
                        paragraph: Int32(clamping: p), start: Int32(clamping: d.span.start),
                        end: Int32(clamping: d.span.end),
                        speaker: Int32(clamping: d.entity.flatMap { speakerOf[$0] } ?? -1),
                        slice: slice, cue: d.cue))
            }
        }
        let agendas = paras.flatMap { AgendaEnumeration(lex: lex, p: $0).find(article: article.id) }
        return ArticleExtraction(
            article: article.id, speakers: speakers, mentionParagraphs: mentionParagraphs,
            speakerPrefix: speakerPrefix ?? article.id, quotes: quotes,
            terms: terms, agendas: agendas)
    }

    /// "article#tagN" (a speaker's or a quote's id in its article), written in one go into storage of its exact
    /// size (an interpolated string keeps spare room, which adds up over a large corpus).
    static func localID(_ article: String, tag: Unicode.Scalar, _ n: Int) -> String {
        LocalID.make(article, tag: tag, n)
    }

    /// Pieces of a quotation continued over paragraphs share its speaker; a quotation standing alone right after
    /// an attributed one, with no other name between them, continues that speaker's words.
    private func continueSpeakers(_ ds: inout [Decided], mentions: [[NameMention]], paras: [ParagraphText]) {
        var groupSpeaker: [Int: Int] = [:]
        // At most one entry per span: room for all at once, no rehashing as it fills.
        groupSpeaker.reserveCapacity(ds.count)
        for d in ds where !d.isTerm {
            if let e = d.entity, groupSpeaker[d.span.group] == nil { groupSpeaker[d.span.group] = e }
        }
        for k in ds.indices where !ds[k].isTerm && ds[k].entity == nil && !ds[k].attributed {
            if let e = groupSpeaker[ds[k].span.group] { ds[k].entity = e }
        }
        var previous: Int? = nil
        for k in ds.indices where !ds[k].isTerm {
            defer { previous = k }
            guard ds[k].entity == nil, !ds[k].attributed, let pk = previous, let e = ds[pk].entity else { continue }
            let a = ds[pk].span
            let b = ds[k].span
            guard b.paragraph - a.paragraph <= 1 else { continue }
            // No other name between the previous quotation's sentence and this quotation.
            let aSentence = paras[a.paragraph].sentence(at: max(a.start, (a.close ?? a.end) - 1))
            var other = false
            for p in a.paragraph...b.paragraph {
                let ms = mentions[p]
                // Only the mentions between the two quotations (binary search on their offsets).
                let from = p > a.paragraph ? 0 : Self.firstMention(ms, atOrAfter: a.close ?? a.end)
                let to = p < b.paragraph ? ms.count : Self.firstMention(ms, atOrAfter: b.open)
                for m in ms[from..<max(from, to)] where m.kind != .pronoun {
                    if p > a.paragraph || m.sentence > aSentence, m.entity != e {
                        other = true
                        break
                    }
                }
                if other { break }
            }
            if !other { ds[k].entity = e }
        }
    }

    /// Gives a document mentioned in `p` its authors: "the statement that X and Y signed", "the declaration Kim signed
    /// with Moon", "signed by X", "The two leaders signed a document".
    private func assignAuthors(_ p: ParagraphText, _ ms: [NameMention], _ resolver: inout EntityResolver) {
        let lex = compiled
        func agent(_ m: NameMention) -> Int? {
            guard let e = m.entity else { return nil }
            let x = resolver.entities[e]
            return x.kind == .person || x.members.count == 2 ? e : nil
        }
        for m in ms where m.kind == .document || m.kind == .documentPart {
            guard let d = m.entity, resolver.entities[d].isDocument else { continue }
            // 'a document, titled the “Pyongyang Joint Declaration …”': "the declaration" is the same document.
            var t = m.end
            while t < min(p.tokens.count, m.end + 4), !p.tokens[t].inQuote { t += 1 }
            if t < p.tokens.count, p.tokens[t].inQuote,
                (m.end..<t).contains(where: { lex.termCues.match(p, at: $0) != nil })
            {
                var k = t
                while k < p.tokens.count, p.tokens[k].inQuote {
                    if let n = lex.documentNouns.match(p, at: k) {
                        resolver.alias(document: d, head: p.tokens[k + n.count - 1].hash)
                    }
                    k += 1
                }
            }
            // "a statement from the Treasury Department", "a statement by Choe Son Hui".
            if m.end + 1 < p.tokens.count, p.tokens[m.end].isWord,
                p.tokens[m.end].hash == lex.wordFrom || p.tokens[m.end].hash == lex.wordBy,
                let w = ms.first(where: { $0.first >= m.end + 1 && $0.first <= m.end + 2 }), let a = w.entity,
                resolver.entities[a].kind != .country, !resolver.entities[a].isDocument
            {
                resolver.setAuthors(d, a)
                continue
            }
            // "Ortagus, in a written statement": the person before the comma wrote it.
            if m.first >= 2, p.tokens[m.first - 1].hash == lex.wordIn, !p.tokens[m.first - 2].isWord,
                p.tokens[m.first - 2].mark == ",", let w = ms.last(where: { $0.end == m.first - 2 }), let a = agent(w)
            {
                resolver.setAuthors(d, a)
                continue
            }
            guard
                let v = sentenceTokens(p, m.sentence).first(where: {
                    p.tokens[$0].isWord && !p.tokens[$0].inQuote
                        && !p.tokens[$0].isCapitalized && lex.signingVerbs.contains(p, $0)
                })
            else { continue }
            var agents: [Int] = []
            if v >= m.end {
                agents = ms.filter { $0.first >= m.end && $0.end <= v }.compactMap(agent)
                if v + 1 < p.tokens.count, p.tokens[v + 1].isWord,
                    p.tokens[v + 1].hash == lex.wordWith || p.tokens[v + 1].hash == lex.wordBy
                {
                    var next = v + 2
                    for x in ms where x.first >= next && x.first <= next + 1 && x.sentence == m.sentence {
                        guard let a = agent(x) else { break }
                        agents.append(a)
                        next = x.end + 1
                    }
                }
            } else if let s = ms.last(where: { $0.end <= v && $0.end >= v - 2 }), let a = agent(s) {
                agents = [a]
                if s.first >= 2, p.tokens[s.first - 1].hash == lex.wordAnd,
                    let before = ms.last(where: { $0.end == s.first - 1 }), let b = agent(before)
                {
                    agents = [b, a]
                }
            }
            var unique: [Int] = []
            for a in agents where !unique.contains(a) { unique.append(a) }
            if unique.count >= 2 {
                resolver.setAuthors(d, resolver.joint(unique[0], unique[1], paragraph: p.index))
            } else if let a = unique.first {
                resolver.setAuthors(d, a)
            }
        }
    }

    /// A quotation left without a speaker, in or right after a sentence naming a document ("a joint statement in
    /// which they committed to “…”"), quotes the document's words.
    private func documentWords(
        _ ds: inout [Decided], mentions: [[NameMention]], paras: [ParagraphText], sentenceBases: [Int],
        resolver: EntityResolver
    ) {
        var documents: [(sentence: Int, entity: Int)] = []
        for ms in mentions {
            for m in ms {
                if let e = m.entity, resolver.entities[e].isDocument { documents.append((m.articleSentence, e)) }
            }
        }
        guard !documents.isEmpty else { return }
        for k in ds.indices where !ds[k].isTerm && ds[k].entity == nil && !ds[k].attributed {
            let span = ds[k].span
            let s = sentenceBases[span.paragraph] + paras[span.paragraph].sentence(at: span.open)
            if let d = documents.last(where: { $0.sentence <= s && $0.sentence >= s - 2 }) {
                ds[k].entity = resolver.speaking(d.entity)
            }
        }
    }

    /// The scalars of `text`, decoded from its UTF-8 in one pass (`Array(text.unicodeScalars)` counts them first),
    /// written straight into the array's storage; a paragraph is read where it lies in its article's string
    /// (`Paragraph.textSlice`).
    static func scalars(of text: Substring) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { b in
            let n = b.count
            return [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
                var i = 0
                var o = 0
                let raw = b.baseAddress.map(UnsafeRawPointer.init)
                // Made once, out of the loop: vectors made in it compile to a slow loop.
                let high = SIMD16<UInt8>(repeating: 0x80)
                while i < n {
                    // Runs of ASCII, the bulk of news text, without the general decoding below: sixteen bytes at
                    // a time while none has its high bit set, each widened to a scalar in one vector step (a scalar
                    // is its UInt32 value), then byte by byte.
                    if let raw, let to = out.baseAddress.map(UnsafeMutableRawPointer.init) {
                        while i + 16 <= n {
                            let w = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                            guard !any(w .>= high) else { break }
                            to.storeBytes(
                                of: SIMD16<UInt32>(truncatingIfNeeded: w), toByteOffset: 4 * o, as: SIMD16<UInt32>.self)
                            i += 16
                            o += 16
                        }
                    }
                    while i < n, b[i] < 0x80 {
                        out.initializeElement(at: o, to: Unicode.Scalar(b[i]))
                        i += 1
                        o += 1
                    }
                    guard i < n else { break }
                    let c = UInt32(b[i])
                    var v: UInt32
                    if c < 0x80 {
                        v = c
                        i += 1
                    } else if c < 0xE0, i + 1 < n {
                        v = (c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                        i += 2
                    } else if c < 0xF0, i + 2 < n {
                        v = (c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        i += 3
                    } else if i + 3 < n {
                        v =
                            (c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                            | UInt32(b[i + 3] & 0x3F)
                        i += 4
                    } else {
                        v = 0xFFFD
                        i = n
                    }
                    out.initializeElement(at: o, to: Unicode.Scalar(v) ?? "\u{FFFD}")
                    o += 1
                }
                count = o
            }
        }
    }

    /// True when a cue whose speaker follows ("according to") stands right before the mention.
    static func afterAccordingTo(_ first: Int, _ p: ParagraphText, _ lex: ExtractionLexicon) -> Bool {
        for back in 2...4 where first - back >= 0 {
            if let c = lex.cue(p, at: first - back, limit: first), lex.cueInfo[c.value].kind == .after {
                let gap = first - back + c.count
                return gap == first || (gap + 1 == first && lex.determiners.contains(p, gap))
            }
        }
        return false
    }

    /// The token indices of sentence `s` of `p`.
    private func sentenceTokens(_ p: ParagraphText, _ s: Int) -> Range<Int> {
        guard s < p.sentences.count else { return 0..<p.tokens.count }
        let a = p.token(atOrAfter: p.sentences[s].lowerBound)
        return a..<max(a, p.token(atOrAfter: p.sentences[s].upperBound))
    }

    /// Index of the first mention of `ms` starting at or after scalar offset `o`.
    static func firstMention(_ ms: [NameMention], atOrAfter o: Int) -> Int {
        var lo = 0
        var hi = ms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ms[mid].scalarStart < o { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func hasInnerStop(_ s: [Unicode.Scalar], _ span: QuoteSpan) -> Bool {
        var e = span.end
        while e > span.start,
            s[e - 1] == "." || s[e - 1] == "," || s[e - 1] == "!" || s[e - 1] == "?" || s[e - 1] == " "
        {
            e -= 1
        }
        for i in span.start..<e where s[i] == "." || s[i] == "?" || s[i] == "!" {
            // A period inside an abbreviation (U.S.) is no stop.
            if s[i] == ".", i + 1 < e, !Tokenizer.isSpace(s[i + 1]) { continue }
            return true
        }
        return false
    }

    /// Every word of four letters or more is capitalized: a title ("Panmunjom Declaration for Peace …").
    static func isTitleCase(_ p: ParagraphText, _ span: QuoteSpan) -> Bool {
        let a = p.token(atOrAfter: span.start)
        let b = p.token(atOrAfter: span.end)
        var long = 0
        for k in a..<b where p.tokens[k].isWord && p.tokens[k].end - p.tokens[k].start > 3 {
            long += 1
            if !p.tokens[k].isCapitalized { return false }
        }
        return long > 0
    }
}
