/// Plain-text listings for people, printed by the subcommands.
public enum TextReport {
    /// Counts of everything in the corpus, and each article with its paragraph count.
    public static func summary(_ c: Corpus) -> String { TextWriter.collect { summary(c, to: &$0) } }

    /// The same, written to `out` a line at a time.
    public static func summary(_ c: Corpus, to out: inout TextWriter) {
        out.write("\(c.articles.count) articles, \(c.speakers.count) speakers, \(c.quotes.count) quotes, ")
        out.write(
            "\(c.terms.count) terms, \(c.agendas.count) agendas, \(c.events.count) events, \(c.warnings.count) warnings\n"
        )
        for a in c.articles {
            out.write(
                "\(a.date?.description ?? "????-??-??")  \(a.id)  \(a.title)  (\(a.paragraphs.count) paragraphs)\n")
        }
    }
}
