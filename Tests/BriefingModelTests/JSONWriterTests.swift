import Foundation
import Testing

@testable import BriefingModel

@Suite struct JSONWriterTests {
    /// Every ASCII character, then the awkward ones beyond it.
    static let awkward: [String] =
        (0..<128).map { String(UnicodeScalar(UInt8($0))) } + [
            "\u{2028}\u{2029}", "\u{85}", "\u{FEFF}", "é", "e\u{301}", "😀👍🏽", "🇰🇷", "a/b//c", "\r\n", "\"\\\"",
            "tab\there", "", "中文 한국어", "\u{7F}\u{80}\u{FFFF}\u{10FFFF}", "\u{0}x\u{1F}",
        ]

    /// What the writer makes of `strings`, in an array.
    static func written(_ strings: [String], pretty: Bool) -> Data {
        var w = JSONWriter(pretty: pretty)
        w.strings(strings)
        return Data(w.bytes)
    }

    @Test(arguments: [true, false]) func stringsAreEscapedAsJSONEncoderEscapesThem(pretty: Bool) throws {
        let expected = try ReferenceJSON.encoder(pretty: pretty).encode(Self.awkward)
        let got = Self.written(Self.awkward, pretty: pretty)
        #expect(got == expected, "\(String(decoding: got, as: UTF8.self))")
        #expect(try JSONDecoder().decode([String].self, from: got) == Self.awkward)
        // JSONSerialization (unlike JSONDecoder) drops a U+FEFF inside a string: compare the rest.
        let parsed = try #require(try JSONSerialization.jsonObject(with: got) as? [String])
        #expect(parsed.count == Self.awkward.count)
        for (p, a) in zip(parsed, Self.awkward) where !a.unicodeScalars.contains("\u{FEFF}") { #expect(p == a) }
    }

    /// The writer skips sixteen, then eight bytes at a time while none needs escaping: a character to escape at every
    /// position of strings longer than a few words, among ASCII and multi-byte text, must still be escaped as
    /// `JSONEncoder` does.
    @Test(arguments: ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", "é", " "])
    func escapesAtEveryPositionOfLongStrings(special: String) throws {
        var strings: [String] = []
        for filler in ["a", "ü", "~"] {
            for length in [7, 8, 9, 15, 16, 17, 23, 24, 31, 32, 33, 40] {
                for position in 0..<length {
                    var chars = [String](repeating: filler, count: length)
                    chars[position] = special
                    strings.append(chars.joined())
                    chars[length - 1 - position] = "\""
                    strings.append(chars.joined())
                }
            }
        }
        for pretty in [true, false] {
            let expected = try ReferenceJSON.encoder(pretty: pretty).encode(strings)
            #expect(Self.written(strings, pretty: pretty) == expected)
        }
    }

    /// Arrays nested `depth` deep, a string in each.
    struct Nest: Encodable {
        var depth: Int
        func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode("d\(depth)")
            if depth > 0 { try c.encode(Nest(depth: depth - 1)) }
        }
        func write(to w: inout JSONWriter) {
            w.beginArray()
            w.string("d\(depth)")
            if depth > 0 { Nest(depth: depth - 1).write(to: &w) }
            w.endArray()
        }
    }

    /// Lines are indented from a table 32 levels deep and byte by byte below it: both as `JSONEncoder` indents.
    @Test(arguments: [0, 1, 31, 32, 33, 40]) func indentationMatchesJSONEncoderAtEveryDepth(depth: Int) throws {
        var w = JSONWriter(pretty: true)
        Nest(depth: depth).write(to: &w)
        let expected = try ReferenceJSON.encoder(pretty: true).encode(Nest(depth: depth))
        #expect(Data(w.bytes) == expected, "\(String(decoding: w.bytes, as: UTF8.self))")
    }

    @Test func controlCharactersUseShortEscapesOrLowercaseHex() {
        let got = String(decoding: Self.written(["\u{8}\u{C}\n\r\t\u{1}\u{1F}\u{7F}/"], pretty: false), as: UTF8.self)
        #expect(got == #"["\b\f\n\r\t\u0001\u001f"# + "\u{7F}/\"]")
    }

    @Test func numbersMatchJSONEncoder() throws {
        let ints = [0, 1, -1, 9, 10, 99, 100, 12345, -9_999_999_999, 9_999_999_999, 10_000_000_000, .max, .min]
        var w = JSONWriter(pretty: false)
        w.beginArray()
        for n in ints { w.int(n) }
        w.endArray()
        #expect(Data(w.bytes) == (try ReferenceJSON.encoder(pretty: false).encode(ints)))

        let doubles = [0, 1, -0.0, 0.5, 2.25, 1e-5, 1e-7, 1e16, 1e20, 123456789.125, 0.1 + 0.2, 3e300, -42]
        var d = JSONWriter(pretty: true)
        d.beginArray()
        for x in doubles { try d.double(x) }
        d.endArray()
        #expect(Data(d.bytes) == (try ReferenceJSON.encoder().encode(doubles)))
        #expect(throws: JSONWriter.Failure.self) { try d.double(.nan) }
        #expect(throws: JSONWriter.Failure.self) { try d.double(-.infinity) }
    }

    /// Objects, arrays, empty ones, nulls and booleans at several depths, in both layouts.
    struct Nested: Encodable {
        var a: [[Int]]
        var b: [String: [String]]
        var c: Bool
        var d: String?
        var e: [Nested]

        func encode(to encoder: Encoder) throws {
            enum K: String, CodingKey { case a, b, c, d, e }
            var k = encoder.container(keyedBy: K.self)
            try k.encode(a, forKey: .a)
            try k.encode(b, forKey: .b)
            try k.encode(c, forKey: .c)
            try k.encode(d, forKey: .d)
            try k.encode(e, forKey: .e)
        }

        func write(to w: inout JSONWriter) {
            w.beginObject()
            w.key("a")
            w.beginArray()
            for row in a {
                w.beginArray()
                for n in row { w.int(n) }
                w.endArray()
            }
            w.endArray()
            w.key("b")
            w.beginObject()
            // The test's dictionaries use only these keys.
            for key in ["x", "y"] {
                guard let list = b[key] else { continue }
                if key == "x" { w.key("x") } else { w.key("y") }
                w.strings(list)
            }
            w.endObject()
            w.key("c")
            w.bool(c)
            w.key("d")
            w.string(d)
            w.key("e")
            w.beginArray()
            for n in e { n.write(to: &w) }
            w.endArray()
            w.endObject()
        }
    }

    @Test(arguments: [true, false]) func layoutMatchesJSONEncoder(pretty: Bool) throws {
        let leaf = Nested(a: [], b: [:], c: false, d: nil, e: [])
        let mid = Nested(a: [[1, 2], [], [3]], b: ["x": [], "y": ["q"]], c: true, d: "s", e: [leaf, leaf])
        let top = Nested(a: [[]], b: ["y": ["1", "2"]], c: false, d: nil, e: [mid, leaf])
        var w = JSONWriter(pretty: pretty)
        top.write(to: &w)
        let expected = try ReferenceJSON.encoder(pretty: pretty).encode(top)
        #expect(Data(w.bytes) == expected, "\(String(decoding: w.bytes, as: UTF8.self))")
    }

    /// A key writes its comma, new line and indentation in one piece: objects nested 40 deep (80 levels of
    /// indentation, past the 32 of the new-line table) are laid out as `JSONEncoder` lays them out.
    @Test(arguments: [true, false]) func keysDeepInNestedObjectsMatchJSONEncoder(pretty: Bool) throws {
        var chain = Nested(a: [[1]], b: ["x": ["deep"]], c: true, d: "end", e: [])
        for level in 0..<40 {
            chain = Nested(a: [], b: [:], c: level % 2 == 0, d: nil, e: [chain])
        }
        var w = JSONWriter(pretty: pretty)
        chain.write(to: &w)
        let expected = try ReferenceJSON.encoder(pretty: pretty).encode(chain)
        #expect(Data(w.bytes) == expected, "\(String(decoding: w.bytes, as: UTF8.self))")
    }

    @Test func chunksAddUpToTheWholeDocument() {
        let strings = (0..<500).map { "line \($0) " + Self.awkward[$0 % Self.awkward.count] }
        let whole = Self.written(strings, pretty: true)
        final class Collector: @unchecked Sendable {
            var bytes: [UInt8] = []
            var chunks = 0
        }
        let c = Collector()
        var w = JSONWriter(pretty: true, chunkSize: 100) { chunk in
            c.bytes.append(contentsOf: chunk)
            c.chunks += 1
        }
        w.strings(strings)
        w.flush()
        #expect(Data(c.bytes) == whole)
        #expect(c.chunks > 10)
        #expect(w.bytes.isEmpty)
    }

    /// A corpus with every optional set and unset, awkward text and the real pipeline's output.
    static let corpus: Corpus = {
        var c = ExtractionSupport.corpus([
            [
                "“We will not \"negotiate\" under pressure,” said Kim Yo Jong, vice director of the party's department.",
                "The talks\u{2028}broke down. “Sanctions/relief is the key,” a U.S. official said.\t😀",
            ],
            ["President Trump said: “The four pillars are important.” Line\u{1}control."],
        ])
        c.warnings.append(LoadWarning(path: "bad/one.txt", line: 3, message: "binary \"file\"\\ skipped"))
        c.articles[0].date = Day(iso: "2019-02-28")
        c.articles[0].tags = ["a", "b/c"]
        c.articles[0].url = "https://example.org/a?x=1&y=2"
        c.events.append(
            Event(
                id: "e1", kind: "summit", title: "A summit", place: "Hanoi",
                date: EventDate(value: "2019-02", precision: .month, earliest: Day(iso: "2019-02-01"), latest: nil),
                planned: true, participants: ["kim"], mentions: [EventMention(article: "a1", paragraph: 0, text: "t")],
                related: [EventRelation(event: "e2", relation: .followUp, cue: nil)], outcomes: ["none"],
                dateText: "in February"))
        c.events.append(Event(id: "e2", kind: "talks", title: "Talks"))
        return c
    }()

    @Test(arguments: [true, false]) func contractMatchesJSONEncoder(pretty: Bool) throws {
        let got = try ContractJSON.encode(Self.corpus, pretty: pretty)
        #expect(got == (try ReferenceJSON.contract(Self.corpus, pretty: pretty)))
        #expect(!Self.corpus.quotes.isEmpty && !Self.corpus.agendas.isEmpty)
    }

    @Test func sampleCorpusContractMatchesJSONEncoder() throws {
        let corpus = ExtractionSupport.pipeline.run(PipelineConcurrencyTests.load)
        #expect(try ContractJSON.encode(corpus) == (try ReferenceJSON.contract(corpus)))
        #expect(try QuoteJSON.encode(corpus) == (try ReferenceJSON.quotes(corpus)))
    }

    @Test func streamedContractEqualsTheWholeOne() throws {
        final class Collector: @unchecked Sendable { var bytes: [UInt8] = [] }
        let c = Collector()
        ContractJSON.write(Self.corpus, chunkSize: 64) { c.bytes.append(contentsOf: $0) }
        #expect(Data(c.bytes) == (try ContractJSON.encode(Self.corpus)))
    }

    @Test func quoteListingAndSearchMatchJSONEncoder() throws {
        typealias F = SearchFixture
        #expect(try QuoteJSON.encode(F.corpus) == (try ReferenceJSON.quotes(F.corpus)))
        for query in ["sanctions", "\"creative ideas\" dprk", "nothingmatchesthis"] {
            let results = try F.index.search(query, limit: 5)
            #expect(try QuoteJSON.encode(results) == (try ReferenceJSON.results(results)), "\(query)")
        }
    }
}
