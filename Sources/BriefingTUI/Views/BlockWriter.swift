import BriefingModel

/// Writes the text of the detail's blocks that hold references (`Block.Content`) when they are laid out and drawn:
/// paragraphs through the `ParagraphStyler`, a list's rows (a quote's line, a passage's heading) from the index.
struct BlockWriter {
    let index: CorpusIndex

    /// Styles the paragraph blocks.
    var styler: ParagraphStyler { ParagraphStyler(index: index) }

    /// A block's spans, a paragraph's styled without search matches.
    func spans(_ content: Block.Content) -> [Span] {
        switch content {
        case .spans(let spans): return spans
        case .paragraph(let p): return styler.spans(p, query: nil)
        case .quote(let id, let withSpeaker):
            return index.quote(id).map { quoteLine($0, withSpeaker: withSpeaker) } ?? []
        case .passageHeading(let p): return passageHeading(p)
        }
    }

    /// A quote in a list: its date, its speaker when asked, its text.
    private func quoteLine(_ q: Quote, withSpeaker: Bool) -> [Span] {
        var spans = [Span((index.date(ofArticle: q.article)?.description ?? "undated") + "  ", .dim)]
        if withSpeaker {
            let name = q.speaker.flatMap { index.speaker($0)?.name } ?? "unattributed"
            spans.append(Span(name + ": ", q.speaker == nil ? .dim : .speaker(index.slot(ofSpeaker: q.speaker))))
        }
        spans.append(Span("“" + q.text + "”", .quote))
        return spans
    }

    /// A passage in a list: the article's date and title, the paragraph's number.
    func passageHeading(_ p: ParagraphRef) -> [Span] {
        let a = index.article(p.article)
        return [
            Span((a?.date?.description ?? "undated") + "  ", .dim), Span(a?.title ?? p.article, .link),
            Span("  ¶\(p.paragraph + 1)", .dim),
        ]
    }
}
