import Foundation
import Testing

@testable import BriefingModel

/// The reference article against its gold annotations in `../shared/seeds` (skipped when `../shared` is absent).
@Suite struct ReferenceArticleTests {
    static let seeds = ExtractionSupport.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let articlePath = seeds.appendingPathComponent("000_84dba37f60b77d87.txt").path
    static let goldPath = seeds.appendingPathComponent("000_84dba37f60b77d87.gold.json").path
    static let available =
        FileManager.default.fileExists(atPath: articlePath)
        && FileManager.default.fileExists(atPath: goldPath)

    struct Gold: Decodable {
        struct GoldSpeaker: Decodable {
            var name: String
            var kind: String
            var role: String?
            var aliases: [String]
        }
        struct GoldQuote: Decodable {
            var paragraph: Int
            var speaker: String?
            var text: String
        }
        struct GoldAgenda: Decodable {
            var label: String
            var paragraph: Int
            var items: [String]
        }
        var speakers: [GoldSpeaker]
        var quotes: [GoldQuote]
        var notQuotes: [GoldQuote]
        var agenda: GoldAgenda

        enum CodingKeys: String, CodingKey {
            case speakers, quotes, agenda
            case notQuotes = "not_quotes"
        }
    }

    static func load() throws -> (Corpus, Gold) {
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: URL(fileURLWithPath: goldPath)))
        let loaded = CorpusLoader(options: LoadOptions()).load(paths: [articlePath])
        return (ExtractionSupport.pipeline.run(loaded), gold)
    }

    /// Compared as score.py does: trimmed of spaces and trailing punctuation, straight apostrophes.
    static func norm(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "’", with: "'").trimmingCharacters(in: .whitespaces)
        while let last = t.last, ",.;:".contains(last) { t.removeLast() }
        return t
    }

    @Test(.enabled(if: available)) func speakersMatchTheGold() throws {
        let (c, gold) = try Self.load()
        for g in gold.speakers {
            let s = c.speakers.first { $0.name == g.name }
            #expect(s != nil, "missing speaker \(g.name)")
            guard let s else { continue }
            #expect(s.kind.rawValue == g.kind, "\(g.name)")
            #expect(s.aliases == g.aliases, "\(g.name)")
            if g.kind == "person" { #expect(s.role.map(Self.norm) == g.role.map(Self.norm), "\(g.name)") }
        }
        // No person besides the gold's.
        let people = Set(gold.speakers.filter { $0.kind == "person" }.map(\.name))
        #expect(Set(c.speakers.filter { $0.kind == .person }.map(\.name)) == people)
    }

    @Test(.enabled(if: available)) func quotesMatchTheGold() throws {
        let (c, gold) = try Self.load()
        let got = c.quotes.map { ($0.paragraph, Self.norm($0.text), ExtractionSupport.speakerName($0, in: c)) }
        let want = gold.quotes.map { ($0.paragraph, Self.norm($0.text), $0.speaker) }
        #expect(got.count == want.count)
        for (g, w) in zip(got, want) {
            #expect(g.0 == w.0)
            #expect(g.1 == w.1)
            #expect(g.2 == w.2)
        }
    }

    @Test(.enabled(if: available)) func scareQuotedTermAndAgenda() throws {
        let (c, gold) = try Self.load()
        #expect(c.terms.map { Self.norm($0.text) } == gold.notQuotes.map { Self.norm($0.text) })
        let agenda = c.agendas.first { $0.label == gold.agenda.label && $0.article != nil }
        #expect(agenda?.paragraph == gold.agenda.paragraph)
        #expect(agenda?.items.map { Self.norm($0.text) } == gold.agenda.items.map(Self.norm))
    }
}
