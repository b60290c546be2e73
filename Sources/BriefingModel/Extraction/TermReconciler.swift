/// Corpus-wide: a short quoted span whose words are an agenda's label or alias ("four pillars") is a term wherever
/// it stands; one with no speaker whose words are a term elsewhere in the corpus ("maximum pressure") too.
public enum TermReconciler {
    public static func reconcile(quotes: inout [Quote], terms: inout [Term], agendas: [Agenda]) {
        var labels = Set<String>()
        for a in agendas {
            labels.insert(key(a.label))
            for alias in a.aliases { labels.insert(key(alias)) }
        }
        var termTexts = Set(terms.map { key($0.text) })
        labels.remove("")
        termTexts.remove("")
        var kept: [Quote] = []
        for q in quotes {
            // Only short spans can be terms: count words cheaply before building the key.
            guard q.end - q.start <= 60 else {
                kept.append(q)
                continue
            }
            let k = key(q.text)
            if k.split(separator: " ").count <= 4, labels.contains(k) || (q.speaker == nil && termTexts.contains(k)) {
                terms.append(Term(article: q.article, paragraph: q.paragraph, start: q.start, end: q.end, text: q.text))
            } else {
                kept.append(q)
            }
        }
        quotes = kept
    }

    static func key(_ s: String) -> String { AgendaText.words(s).joined(separator: " ") }
}
