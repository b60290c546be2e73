import Foundation

@testable import BriefingModel

/// Shared helpers for the temporal and event tests: the checkout's lexicon and paths.
enum EventTestSupport {
    /// The package root, found from this file's path.
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The lexicon of the checkout's `Data/lexicon`.
    static let lexicon: Lexicon = Lexicon.load(folders: [root + "/Data/lexicon"]).0

    /// The resources of the checkout's `Data/`.
    static let resources: Resources = Resources.load(dataDirectory: root + "/Data")

    static func day(_ s: String) -> Day? { Day(iso: s) }

    /// An article `id` dated `date` (none when nil) made of `paragraphs`, one per line.
    static func article(_ id: String, _ date: String?, _ paragraphs: [String]) -> Article {
        Article(
            id: id, path: id + ".txt", title: id, date: date.flatMap { Day(iso: $0) },
            paragraphs: paragraphs.enumerated().map { Paragraph(text: $1, line: $0 + 1) })
    }

    /// The events of one article dated `date` made of `paragraphs`, through the whole pipeline.
    static func events(_ date: String, _ paragraphs: [String]) -> [Event] {
        let pipeline = Pipeline(resources: resources)
        let a = article("a", date, paragraphs)
        return pipeline.assemble(LoadResult(articles: [a]), extractions: [pipeline.extract(a)]).events
    }
}
