extension TextReport {
    /// The speakers of the corpus as aligned plain text.
    public static func speakers(_ c: Corpus) -> String {
        // Filled by the stage that produces the speakers.
        ""
    }
}
