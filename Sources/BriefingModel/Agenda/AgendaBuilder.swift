/// Unifies agendas found in the text with declared ones and tags quotes and passages with their items.
public enum AgendaBuilder {
    public static func build(found: [Agenda], declared: [Agenda], articles: [Article], quotes: inout [Quote])
        -> [Agenda]
    {
        // Filled by the extraction pipeline (issue 4).
        found + declared
    }
}
