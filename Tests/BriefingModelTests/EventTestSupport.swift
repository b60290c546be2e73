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
}
