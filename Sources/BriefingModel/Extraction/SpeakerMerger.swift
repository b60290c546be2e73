/// Merges per-article speakers into corpus speakers (one person, one speaker) and rewrites quote speaker ids.
public enum SpeakerMerger {
    public static func merge(_ extractions: [ArticleExtraction]) -> (speakers: [Speaker], quotes: [Quote]) {
        // Filled by the extraction pipeline (issue 4).
        (extractions.flatMap(\.speakers), extractions.flatMap(\.quotes))
    }
}
