import Testing

@testable import BriefingModel

/// One row of the temporal table: a text, its reference date and tense, the words expected and what they mean.
struct TemporalCase: Sendable, CustomStringConvertible {
    var text: String
    var reference: String?
    /// nil: inferred from the sentence.
    var tense: Tense?
    /// The words of the (single) expression; nil to skip the check.
    var words: String?
    /// `YYYY-MM-DD` for one day; `value/precision/earliest/latest` otherwise; `unresolved`; `offset D M ±W`;
    /// `anchor RELATION RULE [N] | span words`; `none` when no expression may be found.
    var expected: String

    init(_ text: String, _ reference: String?, _ tense: Tense?, _ words: String?, _ expected: String) {
        self.text = text
        self.reference = reference
        self.tense = tense
        self.words = words
        self.expected = expected
    }

    var description: String { "\(text) @\(reference ?? "-") \(tense?.rawValue ?? "inferred")" }
}

let r = "2019-10-05"  // a Saturday

let temporalCases: [TemporalCase] = [
    // Explicit dates.
    TemporalCase("June 12, 2018", nil, .past, "June 12, 2018", "2018-06-12"),
    TemporalCase("They met on June 12, 2018 in Singapore.", nil, nil, "on June 12, 2018", "2018-06-12"),
    TemporalCase("Oct. 5", r, .past, "Oct. 5", "2019-10-05"),
    TemporalCase("Oct. 5", nil, .past, "Oct. 5", "unresolved"),
    TemporalCase("5 October 2019", nil, .past, "5 October 2019", "2019-10-05"),
    TemporalCase("2019-10-05", nil, .past, "2019-10-05", "2019-10-05"),
    TemporalCase("Feb. 27-28, 2019", nil, .past, "Feb. 27-28, 2019", "2019-02-27/day/2019-02-27/2019-02-28"),
    TemporalCase("on Feb. 28", r, .past, "on Feb. 28", "2019-02-28"),
    TemporalCase("Dec. 20", r, .past, "Dec. 20", "2018-12-20"),
    TemporalCase("Dec. 20", r, .future, "Dec. 20", "2019-12-20"),
    TemporalCase("March 3", r, .future, "March 3", "2020-03-03"),
    TemporalCase("5th of October", "2019-10-10", .past, "5th of October", "2019-10-05"),
    TemporalCase("12 June 2018", nil, .past, "12 June 2018", "2018-06-12"),
    TemporalCase("Sept. 30, 2019", nil, .past, "Sept. 30, 2019", "2019-09-30"),
    TemporalCase("June 30 2019", nil, .past, "June 30 2019", "2019-06-30"),
    TemporalCase("2018-06-12", nil, .future, "2018-06-12", "2018-06-12"),
    TemporalCase("May 9", r, .past, "May 9", "2019-05-09"),
    TemporalCase("January 1, 2020", r, .past, "January 1, 2020", "2020-01-01"),
    // Weekdays: on or before the reference in the past, after it in the future.
    TemporalCase("on Saturday", r, .past, "on Saturday", "2019-10-05"),
    TemporalCase("on Saturday", r, .future, "on Saturday", "2019-10-12"),
    TemporalCase("on Friday", r, .past, "on Friday", "2019-10-04"),
    TemporalCase("on Monday", r, .past, "on Monday", "2019-09-30"),
    TemporalCase("on Monday", r, .future, "on Monday", "2019-10-07"),
    TemporalCase("last Saturday", r, .past, "last Saturday", "2019-09-28"),
    TemporalCase("next Saturday", r, .past, "next Saturday", "2019-10-12"),
    TemporalCase("on Sunday", "2019-10-09", .past, "on Sunday", "2019-10-06"),
    TemporalCase("Saturday", nil, .past, "Saturday", "unresolved"),
    TemporalCase("The two sides will meet on Saturday.", r, nil, "on Saturday", "2019-10-12"),
    TemporalCase("North Korean officials met on Saturday.", r, nil, "on Saturday", "2019-10-05"),
    TemporalCase("On Tuesday, the envoys will meet again.", r, nil, "On Tuesday", "2019-10-08"),
    TemporalCase("Saturday's talks ended early.", r, nil, "Saturday's", "2019-10-05"),
    TemporalCase("next Monday", "2019-10-07", .past, "next Monday", "2019-10-14"),
    TemporalCase("last Monday", "2019-10-07", .past, "last Monday", "2019-09-30"),
    TemporalCase("on Wednesday", "2019-02-28", .past, "on Wednesday", "2019-02-27"),
    TemporalCase("Ortagus said talks would resume on Monday.", r, nil, "on Monday", "2019-10-07"),
    TemporalCase("the Saturday talks would be seen as a first round", r, nil, "Saturday", "2019-10-05"),
    TemporalCase("after eight-and-a-half hours Saturday.", r, nil, "Saturday", "2019-10-05"),
    // Months and years.
    TemporalCase(
        "in February of this year", r, .past, "in February of this year", "2019-02/month/2019-02-01/2019-02-28"),
    TemporalCase("in February of this year", nil, .past, "in February of this year", "unresolved"),
    TemporalCase("last June", r, .past, "last June", "2019-06/month/2019-06-01/2019-06-30"),
    TemporalCase("last June", "2019-05-01", .past, "last June", "2018-06/month/2018-06-01/2018-06-30"),
    TemporalCase("next June", r, .past, "next June", "2020-06/month/2020-06-01/2020-06-30"),
    TemporalCase("this June", r, .past, "this June", "2019-06/month/2019-06-01/2019-06-30"),
    TemporalCase("in 2018", nil, .past, "in 2018", "2018/year/2018-01-01/2018-12-31"),
    TemporalCase("in 2018", r, .future, "in 2018", "2018/year/2018-01-01/2018-12-31"),
    TemporalCase("June of 2018", nil, .past, "June of 2018", "2018-06/month/2018-06-01/2018-06-30"),
    TemporalCase(
        "talks with North Korea in June of 2018.", nil, nil, "in June of 2018", "2018-06/month/2018-06-01/2018-06-30"),
    TemporalCase("June 2018", nil, .past, "June 2018", "2018-06/month/2018-06-01/2018-06-30"),
    TemporalCase("earlier this month", r, .past, "earlier this month", "2019-10/month/2019-10-01/2019-10-05"),
    TemporalCase("late last month", r, .past, "late last month", "2019-09/month/2019-09-21/2019-09-30"),
    TemporalCase("last year", r, .past, "last year", "2018/year/2018-01-01/2018-12-31"),
    TemporalCase("this year", r, .past, "this year", "2019/year/2019-01-01/2019-12-31"),
    TemporalCase("next year", r, .past, "next year", "2020/year/2020-01-01/2020-12-31"),
    TemporalCase("last month", r, .past, "last month", "2019-09/month/2019-09-01/2019-09-30"),
    TemporalCase("next month", r, .past, "next month", "2019-11/month/2019-11-01/2019-11-30"),
    TemporalCase("this month", r, .past, "this month", "2019-10/month/2019-10-01/2019-10-31"),
    TemporalCase("last week", r, .past, "last week", "2019-09-23/week/2019-09-23/2019-09-29"),
    TemporalCase("next week", r, .past, "next week", "2019-10-07/week/2019-10-07/2019-10-13"),
    TemporalCase("this week", r, .past, "this week", "2019-09-30/week/2019-09-30/2019-10-06"),
    TemporalCase("early 2019", nil, .past, "early 2019", "2019/year/2019-01-01/2019-04-30"),
    TemporalCase("late 2018", nil, .past, "late 2018", "2018/year/2018-09-01/2018-12-31"),
    TemporalCase("mid-2018", nil, .past, "mid-2018", "2018/year/2018-05-01/2018-08-31"),
    TemporalCase("in late June", r, .past, "in late June", "2019-06/month/2019-06-21/2019-06-30"),
    TemporalCase(
        "early February of this year", r, .past, "early February of this year", "2019-02/month/2019-02-01/2019-02-10"),
    TemporalCase("later this year", r, .past, "later this year", "2019/year/2019-10-05/2019-12-31"),
    TemporalCase("earlier this year", r, .past, "earlier this year", "2019/year/2019-01-01/2019-10-05"),
    TemporalCase("in February", r, .past, "in February", "2019-02/month/2019-02-01/2019-02-28"),
    TemporalCase("in November", r, .past, "in November", "2018-11/month/2018-11-01/2018-11-30"),
    TemporalCase("Talks will resume in November.", r, nil, "in November", "2019-11/month/2019-11-01/2019-11-30"),
    TemporalCase("February last year", r, .past, "February last year", "2018-02/month/2018-02-01/2018-02-28"),
    TemporalCase("last month", nil, .past, "last month", "unresolved"),
    // Two months joined ("May or June"): one span over both, not the first month alone.
    TemporalCase(
        "The leaders are expected to meet in May or June.", "2018-04-27", nil, "in May or June",
        "2018-05/month/2018-05-01/2018-06-30"),
    TemporalCase("in June to August", "2018-10-07", .past, "in June to August", "2018-06/month/2018-06-01/2018-08-31"),
    TemporalCase("in December or January", r, .future, "in December or January", "2019-12/month/2019-12-01/2020-01-31"),
    TemporalCase("in May or later", r, .past, "in May", "2019-05/month/2019-05-01/2019-05-31"),
    TemporalCase("mid-February", r, .past, "mid-February", "2019-02/month/2019-02-11/2019-02-20"),
    // Seasons.
    TemporalCase(
        "since last spring", "2019-01-19", .past, "since last spring", "2018-03-01/approximate/2018-03-01/2019-01-19"),
    TemporalCase("over the summer", r, .past, "summer", "2019-07-16/approximate/2019-06-01/2019-08-31"),
    // Named days.
    TemporalCase("yesterday", r, .past, "yesterday", "2019-10-04"),
    TemporalCase("tomorrow", r, .future, "tomorrow", "2019-10-06"),
    TemporalCase("today", r, .past, "today", "2019-10-05"),
    TemporalCase("yesterday", nil, .past, "yesterday", "unresolved"),
    // Offsets from the reference and from the event just named.
    TemporalCase("in two weeks", r, .future, "in two weeks", "2019-10-19/approximate/2019-10-16/2019-10-22"),
    TemporalCase(
        "an invitation to return to Stockholm in two weeks", r, nil, "in two weeks",
        "2019-10-19/approximate/2019-10-16/2019-10-22"),
    TemporalCase("in two weeks", nil, .future, "in two weeks", "unresolved"),
    TemporalCase("in three days", r, .future, "in three days", "2019-10-08/approximate/2019-10-07/2019-10-09"),
    TemporalCase("in a month", r, .future, "in a month", "2019-11-05/approximate/2019-10-29/2019-11-12"),
    TemporalCase("two weeks ago", r, .past, "two weeks ago", "2019-09-21/approximate/2019-09-18/2019-09-24"),
    TemporalCase("three days ago", r, .past, "three days ago", "2019-10-02"),
    TemporalCase("two days later", r, .past, "two days later", "offset 2 0 ±0"),
    TemporalCase("a week earlier", r, .past, "a week earlier", "offset -7 0 ±1"),
    TemporalCase("a few days later", r, .past, "a few days later", "offset 3 0 ±1"),
    TemporalCase("the next day", r, .past, "the next day", "offset 1 0 ±0"),
    TemporalCase("the previous week", nil, .past, "the previous week", "offset -7 0 ±1"),
    TemporalCase("weeks later", r, .past, "weeks later", "offset 56 0 ±28"),
    TemporalCase("two months later", r, .past, "two months later", "offset 0 2 ±7"),
    TemporalCase("a year earlier", r, .past, "a year earlier", "offset 0 -12 ±60"),
    // Vague anchors: ranges after the event they name.
    TemporalCase(
        "within weeks of the failed talks", r, .past, "within weeks of", "anchor after within 56 | the failed talks"),
    TemporalCase(
        "within two weeks of the summit", r, .past, "within two weeks of", "anchor after within 14 | the summit"),
    TemporalCase("since the summit", r, .past, "since", "anchor after since | the summit"),
    TemporalCase("two weeks after the summit", r, .past, "two weeks after", "anchor after offset 14 | the summit"),
    TemporalCase("a week before the talks", r, .past, "a week before", "anchor before offset -7 | the talks"),
    TemporalCase("after the talks in Hanoi, Kim left", r, .past, "after", "anchor after none | the talks in Hanoi"),
    TemporalCase("within weeks", r, .future, "within weeks", "2019-11-02/approximate/2019-10-05/2019-11-30"),
    TemporalCase("since June 2018", r, .past, "since June 2018", "2018-06-01/approximate/2018-06-01/2019-10-05"),
    TemporalCase("in the coming weeks", r, .future, "coming weeks", "2019-11-02/approximate/2019-10-05/2019-11-30"),
    TemporalCase(
        "over the past three months", r, .past, "past three months", "2019-08-20/approximate/2019-07-05/2019-10-05"),
    // Words that are not dates.
    TemporalCase("for two weeks", r, .past, nil, "none"),
    TemporalCase("Theresa May said", r, .past, nil, "none"),
    TemporalCase("he listed 2018 reasons", r, .past, nil, "none"),
    TemporalCase("eight-and-a-half hours", r, .past, nil, "none"),
    TemporalCase("it may rain in may", r, .past, nil, "none"),
]

@Suite struct TemporalTaggerTests {
    let tagger = TemporalTagger(lexicon: EventTestSupport.lexicon)

    static func describe(_ e: TemporalExpression, tokens: [WordToken], source: [Unicode.Scalar]) -> String {
        switch e.value {
        case .date(let d):
            if d.precision == .day, d.earliest == d.latest { return d.value }
            return
                "\(d.value)/\(d.precision.rawValue)/\(d.earliest?.description ?? "-")/\(d.latest?.description ?? "-")"
        case .unresolved:
            return "unresolved"
        case .offset(let o):
            return "offset \(o.days) \(o.months) ±\(o.window)"
        case .anchor(let relation, let dating, let span):
            let words = tokens[span].map(\.text).joined(separator: " ")
            let rule: String
            switch dating {
            case .none: rule = "none"
            case .since: rule = "since"
            case .within(let days): rule = "within \(days)"
            case .offset(let o): rule = "offset \(o.days + o.months * 30)"
            }
            return "anchor \(relation.rawValue) \(rule) | \(words)"
        }
    }

    @Test func tableHasEnoughRows() {
        #expect(temporalCases.count >= 80)
    }

    @Test(arguments: temporalCases)
    func resolves(_ c: TemporalCase) {
        let scalars = Array(c.text.unicodeScalars)
        let tokens = WordTokenizer.tokenize(scalars)
        let found = tagger.tag(
            tokens, in: 0..<tokens.count, source: scalars, reference: c.reference.flatMap(EventTestSupport.day),
            tense: c.tense)
        if c.expected == "none" {
            #expect(found.isEmpty, "\(found.map(\.text))")
            return
        }
        #expect(found.count == 1, "\(found.map(\.text))")
        guard let e = found.first else { return }
        if let words = c.words {
            let spanWords = e.text
            #expect(spanWords == words)
        }
        #expect(Self.describe(e, tokens: tokens, source: scalars) == c.expected)
    }
}
