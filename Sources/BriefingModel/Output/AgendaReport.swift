extension TextReport {
    /// The agenda of the corpus as aligned plain text.
    public static func agenda(_ c: Corpus) -> String {
        // Filled by the stage that produces the agenda.
        ""
    }
}
