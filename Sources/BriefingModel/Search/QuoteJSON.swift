import Foundation

/// JSON for `briefing quotes`: quotes with speaker names and article dates resolved, and search hits.
///
/// A quote object has `id, article, paragraph (0-based), start, end, text, speaker, speakerName, cue, date,
/// pillars, events`; a hit adds `score` and `matches` (`[[start, end], …]` in Unicode scalar offsets of `text`).
/// Optional fields are written as `null`. Written through `JSONWriter`, like the contract (`ContractJSON`).
public enum QuoteJSON {
    /// What a listing adds to the contract's quote object.
    struct Listing {
        var speakerName: String?
        var date: Day?
        /// Search hits only.
        var score: Double?
        var matches: [Range<Int>]?
    }

    /// `{"quotes": [...]}` for every quote of the corpus.
    public static func encode(_ corpus: Corpus) throws -> Data {
        Data(JSONWriter.document { write(corpus, to: &$0) })
    }

    /// The same, handed to `sink` in chunks.
    public static func write(_ corpus: Corpus, sink: @escaping JSONWriter.Sink) {
        JSONWriter.stream(sink: sink) { write(corpus, to: &$0) }
    }

    static func write(_ corpus: Corpus, to w: inout JSONWriter) {
        let names = Dictionary(corpus.speakers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let dates = Dictionary(
            corpus.articles.compactMap { a in a.date.map { (a.id, $0) } }, uniquingKeysWith: { a, _ in a })
        w.beginObject()
        w.key("quotes")
        w.beginArray()
        for q in corpus.quotes {
            let listing = Listing(speakerName: q.speaker.flatMap { names[$0] }, date: dates[q.article])
            ContractJSON.quote(q, listing: listing, to: &w)
        }
        w.endArray()
        w.endObject()
    }

    /// `{"hits": [...], "notices": [...], "query": ..., "total": N}` for search results.
    public static func encode(_ results: SearchResults) throws -> Data {
        Data(JSONWriter.document { write(results, to: &$0) })
    }

    /// The same, handed to `sink` in chunks.
    public static func write(_ results: SearchResults, sink: @escaping JSONWriter.Sink) {
        JSONWriter.stream(sink: sink) { write(results, to: &$0) }
    }

    static func write(_ results: SearchResults, to w: inout JSONWriter) {
        w.beginObject()
        w.key("hits")
        w.beginArray()
        for hit in results.hits {
            let listing = Listing(
                speakerName: hit.speakerName, date: hit.date, score: hit.score, matches: hit.matches)
            ContractJSON.quote(hit.quote, listing: listing, to: &w)
        }
        w.endArray()
        w.key("notices")
        w.strings(results.notices)
        w.key("query")
        w.string(results.query.text)
        w.key("total")
        w.int(results.total)
        w.endObject()
    }
}
