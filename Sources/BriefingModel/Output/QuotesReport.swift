/// ANSI styling for the spans of a quote that matched a search.
public struct MatchStyle: Sendable, Hashable {
    public var on: String
    public var off: String

    public init(on: String, off: String) {
        self.on = on
        self.off = off
    }

    /// Bold reverse video, reset after.
    public static let ansi = MatchStyle(on: "\u{1B}[1;7m", off: "\u{1B}[0m")
    /// No styling (piped output, NO_COLOR).
    public static let plain = MatchStyle(on: "", off: "")
}

extension TextReport {
    /// The quotes of the corpus as aligned plain text: date, speaker, cue, article:paragraph (1-based) and the
    /// quote, each line cut to `width` columns.
    public static func quotes(_ c: Corpus, width: Int = 100) -> String {
        TextWriter.collect { quotes(c, width: width, to: &$0) }
    }

    /// The same, written to `out` a line at a time.
    public static func quotes(_ c: Corpus, width: Int = 100, to out: inout TextWriter) {
        let speakers = Dictionary(c.speakers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Each article's date written once, not once per quote and pass.
        var dates = RunLookup(
            Dictionary(
                c.articles.compactMap { a in a.date.map { (a.id, $0.description) } }, uniquingKeysWith: { a, _ in a }))
        QuoteRow.layout(count: c.quotes.count, width: width, to: &out) { i in
            let q = c.quotes[i]
            return QuoteRow(
                date: dates[q.article] ?? "undated",
                speaker: q.speaker.map { speakers[$0] ?? $0 } ?? "(unattributed)",
                cue: q.cue ?? "-",
                place: "\(q.article):\(q.paragraph + 1)",
                text: q.textSlice)
        }
    }

    /// Search hits for people: a line with date, speaker and article:paragraph (1-based), then the whole quote
    /// indented, its matches wrapped in `style`.
    public static func searchHits(_ hits: [SearchHit], style: MatchStyle = .plain) -> String {
        TextWriter.collect { searchHits(hits, style: style, to: &$0) }
    }

    /// The same, written to `out` a hit at a time.
    public static func searchHits(_ hits: [SearchHit], style: MatchStyle = .plain, to out: inout TextWriter) {
        for hit in hits {
            let q = hit.quote
            out.write("\(hit.date?.description ?? "undated")  \(hit.speakerName ?? q.speaker ?? "(unattributed)")  ")
            out.write("\(q.article):\(q.paragraph + 1)\n")
            out.write("    \u{201C}" + highlighted(q.text, hit.matches, style: style) + "\u{201D}\n")
        }
    }

    /// `text` with the scalar-offset `ranges` wrapped in the style's on/off sequences.
    public static func highlighted(_ text: String, _ ranges: [Range<Int>], style: MatchStyle) -> String {
        guard !ranges.isEmpty, !(style.on.isEmpty && style.off.isEmpty) else { return text }
        var out = ""
        var last = text.startIndex
        for r in SearchHit.stringRanges(ranges, in: text) where r.lowerBound >= last {
            out += text[last..<r.lowerBound]
            out += style.on + text[r] + style.off
            last = r.upperBound
        }
        out += text[last...]
        return out
    }
}

/// One line of the plain quote listing.
struct QuoteRow {
    var date: String
    var speaker: String
    var cue: String
    var place: String
    var text: Substring

    static let maxSpeaker = 24
    static let maxCue = 14
    static let maxPlace = 32
    /// Narrowest the speaker, cue and place columns get when the line is short of room.
    static let minSpeaker = 12
    static let minCue = 6
    static let minPlace = 14
    /// The quote keeps at least this share of the line (percent), and never less than `minText` columns.
    static let textShare = 40
    static let minText = 20

    /// Cuts an `article:paragraph` place from the middle of the article id, keeping the paragraph.
    static func cutPlace(_ s: String, _ n: Int) -> String {
        // The colon found among the bytes: a `Character` search reads every character before it.
        guard TextColumns.characters(s) > n, let colon = s.utf8.lastIndex(of: UInt8(ascii: ":")) else { return s }
        let tail = String(s[colon...])
        return TextColumns.cut(String(s[..<colon]), max(1, n - TextColumns.characters(tail))) + tail
    }

    /// Lays out `count` rows made by `row`, called twice per row (for the column widths, then for the line) so no
    /// row is kept.
    static func layout(count: Int, width: Int, to out: inout TextWriter, row: (Int) -> QuoteRow) {
        guard count > 0 else { return }
        var (dateW, speakerMax, cueMax, placeMax) = (0, 0, 0, 0)
        for i in 0..<count {
            let r = row(i)
            dateW = max(dateW, TextColumns.characters(r.date))
            speakerMax = max(speakerMax, TextColumns.characters(r.speaker))
            cueMax = max(cueMax, TextColumns.characters(r.cue))
            placeMax = max(placeMax, TextColumns.characters(r.place))
        }
        var widths = [min(maxSpeaker, speakerMax), min(maxCue, cueMax), min(maxPlace, placeMax)]
        let floors = zip(widths, [minSpeaker, minCue, minPlace]).map { Swift.min($0, $1) }
        let textFloor = max(minText, width * textShare / 100)
        // Columns, four gaps of two and the two quotation marks; narrow the widest column until the quote fits.
        let budget = width - dateW - 4 * 2 - 2 - textFloor
        while widths.reduce(0, +) > budget {
            let excess = zip(widths, floors).map { $0 - $1 }
            guard let i = excess.indices.max(by: { excess[$0] < excess[$1] }), excess[i] > 0 else { break }
            widths[i] -= 1
        }
        let (speakerW, cueW, placeW) = (widths[0], widths[1], widths[2])
        let textW = max(minText, width - dateW - speakerW - cueW - placeW - 4 * 2 - 2)
        // Each line written piece by piece: a column, then the spaces that pad it to its width and the gap.
        func column(_ s: String, _ width: Int) {
            out.write(s)
            out.spaces(width - TextColumns.characters(s) + 2)
        }
        for i in 0..<count {
            let r = row(i)
            column(r.date, dateW)
            column(TextColumns.cut(r.speaker, speakerW), speakerW)
            column(TextColumns.cut(r.cue, cueW), cueW)
            column(cutPlace(r.place, placeW), placeW)
            out.write("\u{201C}")
            out.write(TextColumns.cut(r.text, textW))
            out.write("\u{201D}\n")
        }
    }
}
