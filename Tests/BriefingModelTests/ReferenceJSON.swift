import Foundation

@testable import BriefingModel

/// The contract as Foundation's `JSONEncoder` wrote it before `JSONWriter`: the oracle `JSONWriterTests` compare
/// the writer's bytes with.
enum ReferenceJSON {
    static func encoder(pretty: Bool = true) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    static func contract(_ corpus: Corpus, pretty: Bool = true) throws -> Data {
        try encoder(pretty: pretty).encode(Document(corpus))
    }

    static func quotes(_ corpus: Corpus) throws -> Data {
        let names = Dictionary(corpus.speakers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let dates = Dictionary(
            corpus.articles.compactMap { a in a.date.map { (a.id, $0) } }, uniquingKeysWith: { a, _ in a })
        let items = corpus.quotes.map { q in
            ListedQuoteOut(quote: q, speakerName: q.speaker.flatMap { names[$0] }, date: dates[q.article])
        }
        return try encoder().encode(["quotes": items])
    }

    static func results(_ results: SearchResults) throws -> Data {
        try encoder().encode(ResultsOut(results: results))
    }

    struct Document: Encodable {
        let corpus: Corpus
        init(_ c: Corpus) { corpus = c }

        enum Keys: String, CodingKey { case articles, speakers, quotes, terms, agendas, events, warnings }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(corpus.articles.map(ArticleOut.init), forKey: .articles)
            try c.encode(corpus.speakers.map(SpeakerOut.init), forKey: .speakers)
            try c.encode(corpus.quotes.map(QuoteOut.init), forKey: .quotes)
            try c.encode(corpus.terms.map(TermOut.init), forKey: .terms)
            try c.encode(corpus.agendas.map(AgendaOut.init), forKey: .agendas)
            try c.encode(corpus.events.map(EventOut.init), forKey: .events)
            try c.encode(corpus.warnings.map(WarningOut.init), forKey: .warnings)
        }
    }

    struct ArticleOut: Encodable {
        let a: Article
        init(_ a: Article) { self.a = a }
        enum K: String, CodingKey { case id, path, title, date, source, url, author, tags, paragraphs }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(a.id, forKey: .id)
            try c.encode(a.path, forKey: .path)
            try c.encode(a.title, forKey: .title)
            try c.encode(a.date?.description, forKey: .date)
            try c.encode(a.source, forKey: .source)
            try c.encode(a.url, forKey: .url)
            try c.encode(a.author, forKey: .author)
            try c.encode(a.tags, forKey: .tags)
            try c.encode(a.paragraphs.map(\.text), forKey: .paragraphs)
        }
    }

    struct SpeakerOut: Encodable {
        let s: Speaker
        init(_ s: Speaker) { self.s = s }
        enum K: String, CodingKey { case id, name, kind, role, aliases, mentions }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(s.id, forKey: .id)
            try c.encode(s.name, forKey: .name)
            try c.encode(s.kind.rawValue, forKey: .kind)
            try c.encode(s.role, forKey: .role)
            try c.encode(s.aliases, forKey: .aliases)
            try c.encode(s.mentions, forKey: .mentions)
        }
    }

    struct QuoteOut: Encodable {
        let q: Quote
        init(_ q: Quote) { self.q = q }
        enum K: String, CodingKey { case id, article, paragraph, start, end, text, speaker, cue, pillars, events }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(q.id, forKey: .id)
            try c.encode(q.article, forKey: .article)
            try c.encode(q.paragraph, forKey: .paragraph)
            try c.encode(q.start, forKey: .start)
            try c.encode(q.end, forKey: .end)
            try c.encode(q.text, forKey: .text)
            try c.encode(q.speaker, forKey: .speaker)
            try c.encode(q.cue, forKey: .cue)
            try c.encode(q.pillars, forKey: .pillars)
            try c.encode(q.events, forKey: .events)
        }
    }

    struct TermOut: Encodable {
        let t: Term
        init(_ t: Term) { self.t = t }
        enum K: String, CodingKey { case article, paragraph, start, end, text }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(t.article, forKey: .article)
            try c.encode(t.paragraph, forKey: .paragraph)
            try c.encode(t.start, forKey: .start)
            try c.encode(t.end, forKey: .end)
            try c.encode(t.text, forKey: .text)
        }
    }

    struct AgendaOut: Encodable {
        let a: Agenda
        init(_ a: Agenda) { self.a = a }
        enum K: String, CodingKey { case id, label, aliases, article, paragraph, items, occurrences }
        enum IK: String, CodingKey { case id, text, name, keywords, passages }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(a.id, forKey: .id)
            try c.encode(a.label, forKey: .label)
            try c.encode(a.aliases, forKey: .aliases)
            try c.encode(a.article, forKey: .article)
            try c.encode(a.paragraph, forKey: .paragraph)
            try c.encode(a.occurrences, forKey: .occurrences)
            var items = c.nestedUnkeyedContainer(forKey: .items)
            for item in a.items {
                var ic = items.nestedContainer(keyedBy: IK.self)
                try ic.encode(item.id, forKey: .id)
                try ic.encode(item.text, forKey: .text)
                try ic.encode(item.name, forKey: .name)
                try ic.encode(item.keywords, forKey: .keywords)
                try ic.encode(item.passages, forKey: .passages)
            }
        }
    }

    struct EventOut: Encodable {
        let e: Event
        init(_ e: Event) { self.e = e }
        enum K: String, CodingKey {
            case id, kind, title, place, date, dateText, planned, participants, mentions, related, outcomes
            case rescheduledFrom
        }
        enum DK: String, CodingKey { case value, precision, earliest, latest }
        enum RK: String, CodingKey { case event, relation, cue }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(e.id, forKey: .id)
            try c.encode(e.kind, forKey: .kind)
            try c.encode(e.title, forKey: .title)
            try c.encode(e.place, forKey: .place)
            if let d = e.date {
                var dc = c.nestedContainer(keyedBy: DK.self, forKey: .date)
                try dc.encode(d.value, forKey: .value)
                try dc.encode(d.precision.rawValue, forKey: .precision)
                try dc.encode(d.earliest?.description, forKey: .earliest)
                try dc.encode(d.latest?.description, forKey: .latest)
            } else {
                try c.encodeNil(forKey: .date)
            }
            try c.encode(e.dateText, forKey: .dateText)
            try c.encode(e.planned, forKey: .planned)
            try c.encode(e.participants, forKey: .participants)
            try c.encode(e.mentions, forKey: .mentions)
            var rel = c.nestedUnkeyedContainer(forKey: .related)
            for r in e.related {
                var rc = rel.nestedContainer(keyedBy: RK.self)
                try rc.encode(r.event, forKey: .event)
                try rc.encode(r.relation.rawValue, forKey: .relation)
                try rc.encode(r.cue, forKey: .cue)
            }
            try c.encode(e.outcomes, forKey: .outcomes)
            if !e.rescheduledFrom.isEmpty { try c.encode(e.rescheduledFrom.map(\.value), forKey: .rescheduledFrom) }
        }
    }

    struct WarningOut: Encodable {
        let w: LoadWarning
        init(_ w: LoadWarning) { self.w = w }
        enum K: String, CodingKey { case path, line, message }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(w.path, forKey: .path)
            try c.encode(w.line, forKey: .line)
            try c.encode(w.message, forKey: .message)
        }
    }

    struct ListedQuoteOut: Encodable {
        var quote: Quote
        var speakerName: String?
        var date: Day?
        var score: Double?
        var matches: [Range<Int>]?

        enum K: String, CodingKey { case speakerName, date, score, matches }

        /// The contract's quote fields (ContractJSON), then what a listing or a search adds.
        func encode(to encoder: Encoder) throws {
            try QuoteOut(quote).encode(to: encoder)
            var c = encoder.container(keyedBy: K.self)
            try c.encode(speakerName, forKey: .speakerName)
            try c.encode(date?.description, forKey: .date)
            if let score { try c.encode(score, forKey: .score) }
            if let matches { try c.encode(matches.map { [$0.lowerBound, $0.upperBound] }, forKey: .matches) }
        }
    }

    struct ResultsOut: Encodable {
        var results: SearchResults
        enum K: String, CodingKey { case query, total, notices, hits }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(results.query.text, forKey: .query)
            try c.encode(results.total, forKey: .total)
            try c.encode(results.notices, forKey: .notices)
            try c.encode(
                results.hits.map {
                    ListedQuoteOut(
                        quote: $0.quote, speakerName: $0.speakerName, date: $0.date, score: $0.score,
                        matches: $0.matches)
                }, forKey: .hits)
        }
    }
}
