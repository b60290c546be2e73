import Foundation
import Testing

@testable import BriefingModel

/// Runs the real pipeline, with the project's own lexicons and declared agendas, on made-up articles.
enum ExtractionSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let resources = Resources.load(dataDirectory: packageRoot.appendingPathComponent("Data").path)
    static let pipeline = Pipeline(resources: resources)

    /// An article whose paragraphs are `paragraphs`.
    /// `base` as scalars, empty, and with each mark put at offsets around the eight- and sixteen-scalar steps of the
    /// vector scans (and cut right after it): the texts those scans are checked on against a scalar-by-scalar reading.
    static func textsWithMarks(_ base: String, marks: [String]) -> [[Unicode.Scalar]] {
        let scalars = Array(base.unicodeScalars)
        var texts: [[Unicode.Scalar]] = [[], scalars]
        for mark in marks {
            for at in [0, 1, 6, 7, 8, 9, 15, 16, 23, 24, 40, scalars.count - 1] {
                var s = scalars
                s.insert(contentsOf: mark.unicodeScalars, at: at)
                texts.append(s)
                texts.append(Array(s.prefix(at + 1)))
            }
        }
        return texts
    }

    static func article(_ id: String, _ paragraphs: [String]) -> Article {
        Article(
            id: id, path: id + ".txt", title: id,
            paragraphs: paragraphs.enumerated().map { Paragraph(text: $0.element, line: $0.offset + 1) })
    }

    /// The corpus of one or more articles, each given as paragraphs.
    static func corpus(_ articles: [[String]]) -> Corpus {
        let list = articles.enumerated().map { article("a\($0.offset + 1)", $0.element) }
        return pipeline.run(LoadResult(articles: list))
    }

    static func corpus(_ paragraphs: String...) -> Corpus { corpus([paragraphs]) }

    /// The speaker name of a quote, nil when it has none.
    static func speakerName(_ q: Quote, in c: Corpus) -> String? {
        q.speaker.flatMap { id in c.speakers.first { $0.id == id }?.name }
    }

    /// (text, speaker name, cue) of every quote.
    static func quotes(_ c: Corpus) -> [(text: String, speaker: String?, cue: String?)] {
        c.quotes.map { ($0.text, speakerName($0, in: c), $0.cue) }
    }
}
