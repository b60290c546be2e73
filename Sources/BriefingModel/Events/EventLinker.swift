/// Merges event mentions across the corpus, relates events, and gives every quote its events.
public enum EventLinker {
    public static func link(
        _ candidates: [EventCandidate], articles: [Article], speakers: [Speaker], quotes: inout [Quote],
        lexicon: Lexicon
    ) -> [Event] {
        // Filled by the event layer (issue 5).
        []
    }
}
