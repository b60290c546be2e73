import BriefingModel
import Foundation

@testable import BriefingTUI

/// A small invented corpus with every kind of item: articles, speakers, quotes, an agenda and related events.
enum Fixture {
    static let corpus: Corpus = {
        let a1 = Article(
            id: "a1", path: "news/a1.md", title: "Envoys meet in Geneva", date: Day(iso: "2021-03-02"),
            source: "Daily Wire Service",
            paragraphs: [
                Paragraph(
                    text: "Envoys from Arland and Borovia met in Geneva on Monday for a first round of talks.", line: 5),
                Paragraph(
                    text: "Mara Velde said the talks were “useful but slow” and that disarmament stays the goal.",
                    line: 7),
                Paragraph(text: "Velde added that a summit in Oslo could follow “within weeks.”", line: 9),
            ])
        let a2 = Article(
            id: "a2", path: "news/a2.md", title: "Oslo summit ends without a deal", date: Day(iso: "2021-05-20"),
            paragraphs: [
                Paragraph(text: "The Oslo summit ended early after leaders failed to agree on disarmament.", line: 4),
                Paragraph(text: "Ivo Brandt told reporters: “We were never closer, and never further.”", line: 6),
                Paragraph(text: "漢字 and emoji 👍 test line with a “quoted” term.", line: 8),
            ])
        let velde = Speaker(
            id: "velde", name: "Mara Velde", kind: .person, role: "chief negotiator", aliases: ["Velde"],
            mentions: [Mention(article: "a1", paragraph: 1), Mention(article: "a1", paragraph: 2)])
        let brandt = Speaker(
            id: "brandt", name: "Ivo Brandt", kind: .person, role: "foreign minister",
            mentions: [Mention(article: "a2", paragraph: 1)])
        let borovia = Speaker(
            id: "borovia", name: "Borovia", kind: .country, mentions: [Mention(article: "a1", paragraph: 0)])
        func quote(
            _ id: String, _ a: Article, _ p: Int, _ text: String, _ speaker: String?, pillars: [String] = [],
            events: [String] = []
        ) -> Quote {
            let para = a.paragraphs[p].text
            let start =
                para.unicodeScalars.count - para.components(separatedBy: text).last!.unicodeScalars.count
                - text.unicodeScalars.count
            return Quote(
                id: id, article: a.id, paragraph: p, start: start, end: start + text.unicodeScalars.count, text: text,
                speaker: speaker, cue: "said", pillars: pillars, events: events)
        }
        let quotes = [
            quote("q1", a1, 1, "useful but slow", "velde", pillars: ["p1"], events: ["geneva"]),
            quote("q2", a1, 2, "within weeks.", "velde", events: ["oslo"]),
            quote("q3", a2, 1, "We were never closer, and never further.", "brandt", pillars: ["p1"], events: ["oslo"]),
        ]
        let termPara = a2.paragraphs[2].text
        let termStart =
            termPara.unicodeScalars.count - termPara.components(separatedBy: "quoted").last!.unicodeScalars.count - 6
        let terms = [Term(article: "a2", paragraph: 2, start: termStart, end: termStart + 6, text: "quoted")]
        let agenda = Agenda(
            id: "ag", label: "Three goals", article: "a1", paragraph: 1,
            items: [
                AgendaItem(
                    id: "p1", text: "complete disarmament", name: "disarmament", keywords: ["disarmament"],
                    passages: [Mention(article: "a2", paragraph: 0), Mention(article: "a1", paragraph: 1)]),
                AgendaItem(id: "p2", text: "open trade routes", name: "trade", keywords: ["trade"]),
            ])
        let geneva = Event(
            id: "geneva", kind: "talks", title: "Geneva talks", place: "Geneva",
            date: EventDate(value: "2021-03-01", precision: .day), participants: ["Arland", "Borovia"],
            mentions: [EventMention(article: "a1", paragraph: 0, text: "a first round of talks")],
            related: [EventRelation(event: "oslo", relation: .before)],
            outcomes: ["useful"])
        let oslo = Event(
            id: "oslo", kind: "summit", title: "Oslo summit", place: "Oslo",
            date: EventDate(value: "2021-05-19", precision: .day), participants: ["Arland", "Borovia"],
            mentions: [
                EventMention(article: "a2", paragraph: 0, text: "The Oslo summit"),
                EventMention(article: "a1", paragraph: 2, text: "a summit in Oslo"),
            ],
            related: [EventRelation(event: "geneva", relation: .after, cue: "after")], outcomes: ["ended early"])
        let oslo2 = Event(
            id: "oslo2", kind: "talks", title: "Working-level talks", place: nil,
            date: EventDate(value: "2021-09", precision: .month), planned: true,
            related: [EventRelation(event: "geneva", relation: .followUp)])
        let warning = LoadWarning(path: "news/a2.md", line: 3, message: "unknown front matter key 'mood'")
        return Corpus(
            articles: [a2, a1], speakers: [velde, brandt, borovia], quotes: quotes, terms: terms, agendas: [agenda],
            events: [oslo2, oslo, geneva], warnings: [warning])
    }()

    static let index = CorpusIndex(corpus)

    static func state(_ width: Int = 120, _ height: Int = 40) -> AppState {
        AppState(index: index, size: Size(width: width, height: height), searcher: SubstringSearch(index))
    }

    /// Applies keys through the key map and the reducer, as the run loop does.
    static func press(_ state: AppState, _ keys: [Key]) -> AppState {
        var s = state
        for k in keys {
            if let a = KeyMap.action(for: k, in: s) { s = Reducer.update(s, a) }
        }
        return s
    }

    static func press(_ state: AppState, _ text: String) -> AppState {
        press(state, text.map { Key.char($0) })
    }

    static func frame(_ state: AppState) -> String { FrameRenderer.render(state).text }
}
