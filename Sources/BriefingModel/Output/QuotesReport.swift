extension TextReport {
    /// The quotes of the corpus as aligned plain text.
    public static func quotes(_ c: Corpus) -> String {
        // Filled by the stage that produces the quotes.
        ""
    }
}
