extension TextReport {
    /// The events of the corpus as aligned plain text.
    public static func events(_ c: Corpus) -> String {
        // Filled by the stage that produces the events.
        ""
    }
}
