/// Corpus-wide: a short quoted span whose words are an agenda's label or alias ("four pillars") is a term wherever
/// it stands; one with no speaker whose words are a term elsewhere in the corpus ("maximum pressure") too.
public enum TermReconciler {
    public static func reconcile(quotes: inout [Quote], terms: inout [Term], agendas: [Agenda]) {
        let found = candidates(quotes: quotes, terms: terms, agendas: agendas)
        apply(found, quotes: &quotes, terms: &terms)
    }

    /// What each quote can become, from its text alone (so it can be worked out before speakers are merged).
    public enum Candidate: UInt8, Sendable {
        /// Stays a quote.
        case none
        /// An agenda's label or alias: a term whoever says it.
        case label
        /// A term elsewhere: a term when the quote has no speaker.
        case unattributed

        /// Whether a quote of this candidate, said by `speaker`, is a term.
        func isTerm(speaker: String?) -> Bool { self == .label || (self == .unattributed && speaker == nil) }
    }

    /// The candidate of each quote, in order.
    public static func candidates(quotes: [Quote], terms: [Term], agendas: [Agenda]) -> [Candidate] {
        candidates(
            spans: quotes.lazy.map { (start: $0.start, end: $0.end, text: $0.textSlice) }, terms: terms,
            agendas: agendas)
    }

    /// The same from each quote's span and text (all that is read of it).
    static func candidates<Spans: Collection<(start: Int, end: Int, text: Substring)>>(
        spans: Spans, terms: [Term], agendas: [Agenda]
    ) -> [Candidate] {
        var labels = Set<String>()
        for a in agendas {
            labels.insert(key(a.label))
            for alias in a.aliases { labels.insert(key(alias)) }
        }
        var termTexts = Set(terms.map { key($0.text) })
        labels.remove("")
        termTexts.remove("")
        return spans.map { q in
            // Only short spans can be terms: count words cheaply before building the key.
            guard q.end - q.start <= 60 else { return .none }
            let (k, words) = AgendaText.wordKey(String(q.text))
            guard words <= 4 else { return .none }
            if labels.contains(k) { return .label }
            return termTexts.contains(k) ? .unattributed : .none
        }
    }

    /// Moves the quotes that are terms (`candidates`, computed on the same quotes in the same order) to `terms`.
    public static func apply(_ candidates: [Candidate], quotes: inout [Quote], terms: inout [Term]) {
        var kept: [Quote] = []
        kept.reserveCapacity(quotes.count)
        for (i, q) in quotes.enumerated() {
            let c = i < candidates.count ? candidates[i] : .none
            if c.isTerm(speaker: q.speaker) {
                terms.append(Term(article: q.article, paragraph: q.paragraph, start: q.start, end: q.end, text: q.text))
            } else {
                kept.append(q)
            }
        }
        quotes = kept
    }

    static func key(_ s: String) -> String { AgendaText.wordKey(s).key }
}
