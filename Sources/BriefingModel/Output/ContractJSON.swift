import Foundation

/// Writes a corpus as the stable JSON contract of `briefing extract --format json` (see README).
///
/// Fields may be added, never renamed or removed. Optional fields are written as `null`, never left out. Keys are
/// written in sorted order, laid out as Foundation's `JSONEncoder` lays them out (`JSONWriter`).
public enum ContractJSON {
    /// The whole document in memory.
    public static func encode(
        _ corpus: Corpus, pretty: Bool = true, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> Data {
        Data(JSONWriter.document(pretty: pretty) { write(corpus, workers: workers, to: &$0) })
    }

    /// The whole document, handed to `sink` in chunks of about `chunkSize` bytes (never held whole in memory).
    public static func write(
        _ corpus: Corpus, pretty: Bool = true, chunkSize: Int = 1 << 16,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, sink: @escaping JSONWriter.Sink
    ) {
        JSONWriter.stream(pretty: pretty, chunkSize: chunkSize, sink: sink) {
            write(corpus, workers: workers, to: &$0)
        }
    }

    /// The document object: agendas, articles, events, quotes, speakers, terms, warnings (long lists rendered on all
    /// cores, a few runs of elements at a time, and written in order).
    public static func write(
        _ corpus: Corpus, workers: Int = ProcessInfo.processInfo.activeProcessorCount, to w: inout JSONWriter
    ) {
        w.beginObject()
        w.key("agendas")
        w.array(corpus.agendas, workers: workers, weight: Weight.agenda) { agenda($0, to: &$1) }
        w.key("articles")
        w.array(corpus.articles, workers: workers, weight: Weight.article) { article($0, to: &$1) }
        // The runs of a long list are rendered in small blocks that land in the heap's free gaps: given back to the
        // system after each list, so that they do not add up over the document.
        HeapTrim.release()
        w.key("events")
        w.array(corpus.events, workers: workers, weight: Weight.event) { event($0, to: &$1) }
        HeapTrim.release()
        w.key("quotes")
        w.array(corpus.quotes, workers: workers) { quote($0, to: &$1) }
        HeapTrim.release()
        w.key("speakers")
        w.array(corpus.speakers, workers: workers, weight: Weight.speaker) { speaker($0, to: &$1) }
        w.key("terms")
        w.array(corpus.terms, workers: workers) { term($0, to: &$1) }
        w.key("warnings")
        w.array(corpus.warnings, workers: workers) { warning($0, to: &$1) }
        w.endObject()
    }

    /// About how many bytes an element's pretty JSON takes, so that a run of large elements ends early
    /// (`JSONWriter.array(_:workers:weight:_:)`); a mention object is about 100 bytes.
    enum Weight {
        static func agenda(_ a: Agenda) -> Int {
            a.items.reduce(100 * a.occurrences.count + 500) { $0 + 100 * $1.passages.count + 300 }
        }
        static func article(_ a: Article) -> Int {
            a.paragraphs.reduce(500) { $0 + $1.utf8Count + 10 }
        }
        static func event(_ e: Event) -> Int { 120 * e.mentions.count + 100 * e.related.count + 600 }
        static func speaker(_ s: Speaker) -> Int { 100 * s.mentions.count + 300 }
    }

    static func article(_ a: Article, to w: inout JSONWriter) {
        w.beginObject()
        w.key("author")
        w.string(a.author)
        w.key("date")
        w.string(a.date?.description)
        w.key("id")
        w.string(a.id)
        w.key("paragraphs")
        w.beginArray()
        for p in a.paragraphs { w.string(p.textSlice) }
        w.endArray()
        w.key("path")
        w.string(a.path)
        w.key("source")
        w.string(a.source)
        w.key("tags")
        w.strings(a.tags)
        w.key("title")
        w.string(a.title)
        w.key("url")
        w.string(a.url)
        w.endObject()
    }

    static func speaker(_ s: Speaker, to w: inout JSONWriter) {
        w.beginObject()
        w.key("aliases")
        w.strings(s.aliases)
        w.key("id")
        w.string(s.id)
        w.key("kind")
        w.string(s.kind.rawValue)
        w.key("mentions")
        mentions(s.mentions, to: &w)
        w.key("name")
        w.string(s.name)
        w.key("role")
        w.string(s.role)
        w.endObject()
    }

    /// A quote object; `listing` adds the fields of `briefing quotes` in their sorted places.
    static func quote(_ q: Quote, listing: QuoteJSON.Listing? = nil, to w: inout JSONWriter) {
        w.beginObject()
        w.key("article")
        w.string(q.article)
        w.key("cue")
        w.string(q.cue)
        if let listing {
            w.key("date")
            w.string(listing.date?.description)
        }
        w.key("end")
        w.int(q.end)
        w.key("events")
        w.strings(q.events)
        w.key("id")
        w.string(q.id)
        if let matches = listing?.matches {
            w.key("matches")
            w.beginArray()
            for m in matches {
                w.beginArray()
                w.int(m.lowerBound)
                w.int(m.upperBound)
                w.endArray()
            }
            w.endArray()
        }
        w.key("paragraph")
        w.int(q.paragraph)
        w.key("pillars")
        w.strings(q.pillars)
        if let score = listing?.score {
            w.key("score")
            // A score is a ratio of finite counts; should one ever be NaN, `null` keeps the document valid.
            do { try w.double(score) } catch { w.null() }
        }
        w.key("speaker")
        w.string(q.speaker)
        if let listing {
            w.key("speakerName")
            w.string(listing.speakerName)
        }
        w.key("start")
        w.int(q.start)
        w.key("text")
        w.string(q.textSlice)
        w.endObject()
    }

    static func term(_ t: Term, to w: inout JSONWriter) {
        w.beginObject()
        w.key("article")
        w.string(t.article)
        w.key("end")
        w.int(t.end)
        w.key("paragraph")
        w.int(t.paragraph)
        w.key("start")
        w.int(t.start)
        w.key("text")
        w.string(t.text)
        w.endObject()
    }

    static func agenda(_ a: Agenda, to w: inout JSONWriter) {
        w.beginObject()
        w.key("aliases")
        w.strings(a.aliases)
        w.key("article")
        w.string(a.article)
        w.key("id")
        w.string(a.id)
        w.key("items")
        w.beginArray()
        for item in a.items {
            w.beginObject()
            w.key("id")
            w.string(item.id)
            w.key("keywords")
            w.strings(item.keywords)
            w.key("name")
            w.string(item.name)
            w.key("passages")
            mentions(item.passages, to: &w)
            w.key("text")
            w.string(item.text)
            w.endObject()
        }
        w.endArray()
        w.key("label")
        w.string(a.label)
        w.key("occurrences")
        mentions(a.occurrences, to: &w)
        w.key("paragraph")
        w.int(a.paragraph)
        w.endObject()
    }

    static func event(_ e: Event, to w: inout JSONWriter) {
        w.beginObject()
        w.key("date")
        if let d = e.date {
            w.beginObject()
            w.key("earliest")
            w.string(d.earliest?.description)
            w.key("latest")
            w.string(d.latest?.description)
            w.key("precision")
            w.string(d.precision.rawValue)
            w.key("value")
            w.string(d.value)
            w.endObject()
        } else {
            w.null()
        }
        w.key("dateText")
        w.string(e.dateText)
        w.key("id")
        w.string(e.id)
        w.key("kind")
        w.string(e.kind)
        w.key("mentions")
        w.beginArray()
        for m in e.mentions {
            w.beginObject()
            w.key("article")
            w.string(m.article)
            // Only for words that count several events ("three summits in 2018"): one of `count`.
            if let n = m.count {
                w.key("count")
                w.int(n)
            }
            w.key("paragraph")
            w.int(m.paragraph)
            w.key("text")
            w.string(m.text)
            w.endObject()
        }
        w.endArray()
        w.key("outcomes")
        w.strings(e.outcomes)
        w.key("participants")
        w.strings(e.participants)
        w.key("place")
        w.string(e.place)
        w.key("planned")
        w.bool(e.planned)
        w.key("related")
        w.beginArray()
        for r in e.related {
            w.beginObject()
            w.key("cue")
            w.string(r.cue)
            w.key("event")
            w.string(r.event)
            w.key("relation")
            w.string(r.relation.rawValue)
            w.endObject()
        }
        w.endArray()
        // Only for a plan told again with a new date: the dates it had before, oldest first.
        if !e.rescheduledFrom.isEmpty {
            w.key("rescheduledFrom")
            w.beginArray()
            for d in e.rescheduledFrom { w.string(d.value) }
            w.endArray()
        }
        w.key("title")
        w.string(e.title)
        w.endObject()
    }

    static func warning(_ x: LoadWarning, to w: inout JSONWriter) {
        w.beginObject()
        w.key("line")
        w.int(x.line)
        w.key("message")
        w.string(x.message)
        w.key("path")
        w.string(x.path)
        w.endObject()
    }

    /// `[{"article": …, "paragraph": …}, …]`.
    static func mentions(_ list: [Mention], to w: inout JSONWriter) {
        w.beginArray()
        for m in list {
            w.beginObject()
            w.key("article")
            w.string(m.article)
            w.key("paragraph")
            w.int(m.paragraph)
            w.endObject()
        }
        w.endArray()
    }
}
