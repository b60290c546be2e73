import Testing

@testable import BriefingModel

@Suite struct SearchQueryTests {
    func parsed(_ text: String) throws -> String { try SearchQuery(text).description }

    func failure(_ text: String) -> QueryError? {
        do {
            _ = try SearchQuery(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesEveryForm() throws {
        #expect(try parsed("talks") == "talks")
        #expect(try parsed("Talks Hanoi") == "(talks hanoi)")
        #expect(try parsed("\"Peace Regime\"") == "\"peace regime\"")
        #expect(try parsed("\u{201C}peace regime\u{201D}") == "\"peace regime\"")
        #expect(try parsed("talks -stockholm") == "(talks -stockholm)")
        #expect(try parsed("sanction*") == "sanction*")
        #expect(try parsed("walk OR sanctions") == "(walk OR sanctions)")
        #expect(try parsed("trump walk OR sanctions") == "(trump (walk OR sanctions))")
        #expect(try parsed("(walk deal) OR sanctions") == "((walk deal) OR sanctions)")
        #expect(try parsed("follow-up") == "\"follow up\"")
        #expect(try parsed("-\"peace regime\"") == "-\"peace regime\"")
        #expect(try parsed("talks or walks") == "(talks or walks)")  // lowercase or is a word
        #expect(try parsed("") == "")
        #expect(try parsed("  — ") == "")
    }

    @Test func parsesEveryFilter() throws {
        #expect(try parsed("speaker:Ortagus") == "speaker:ortagus")
        #expect(try parsed("speaker:\"Morgan Ortagus\"") == "speaker:\"morgan ortagus\"")
        #expect(try parsed("speaker:ort*") == "speaker:ort*")
        #expect(try parsed("pillar:denuclearization") == "pillar:denuclearization")
        #expect(try parsed("pillar:3") == "pillar:3")
        #expect(try parsed("event:hanoi") == "event:hanoi")
        #expect(try parsed("after:2019-06-01 before:2019-12") == "(after:2019-06-01 before:2019-12-01)")
        #expect(try parsed("before:2019") == "before:2019-01-01")
        #expect(try parsed("article:a3") == "article:a3")
        #expect(try parsed("kind:group") == "kind:group")
        #expect(try parsed("kind:org") == "kind:organization")
        #expect(try parsed("-speaker:trump talks") == "(-speaker:trump talks)")
    }

    @Test func reportsMalformedQueriesWithTheirColumn() {
        #expect(failure("\"peace regime") == .unclosedPhrase(column: 1))
        #expect(failure("talks \"\"") == .emptyPhrase(column: 7))
        #expect(failure("talks foo:bar") == .unknownFilter(name: "foo", column: 7))
        #expect(failure("speaker:") == .missingFilterValue(filter: "speaker", column: 1))
        #expect(failure("speaker:\"\"") == .missingFilterValue(filter: "speaker", column: 1))
        #expect(failure("after:2019-13-01") == .badDate(filter: "after", value: "2019-13-01", column: 1))
        #expect(failure("before:June") == .badDate(filter: "before", value: "June", column: 1))
        #expect(failure("kind:robot").map { if case .badFilterValue = $0 { true } else { false } } == true)
        #expect(failure("pillar:0").map { if case .badFilterValue = $0 { true } else { false } } == true)
        #expect(failure("talks OR") == .danglingOr(column: 7))
        #expect(failure("OR talks") == .danglingOr(column: 1))
        #expect(failure("talks OR OR walk") == .danglingOr(column: 7))
        #expect(failure("talks -") == .nothingToExclude(column: 7))
        #expect(failure("talks - walk") == .nothingToExclude(column: 7))
        #expect(failure("ta*lks") == .misplacedWildcard(word: "ta*lks", column: 1))
        #expect(failure("*") == .misplacedWildcard(word: "*", column: 1))
        #expect(failure("(talks walk") == .unclosedParenthesis(column: 1))
        #expect(failure("talks)") == .unmatchedParenthesis(column: 6))
        #expect(failure("talks ()") == .emptyGroup(column: 7))
        #expect(failure(String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40)) != nil)
    }

    @Test func errorDescriptionsSayWhatAndWhere() {
        let unclosed = QueryError.unclosedPhrase(column: 3).description
        #expect(unclosed.contains("column 3") && unclosed.contains("closing quotation mark"))
        let unknown = QueryError.unknownFilter(name: "who", column: 1).description
        #expect(unknown.contains("'who:'") && unknown.contains("speaker:") && unknown.contains("kind:"))
        let date = QueryError.badDate(filter: "after", value: "June", column: 5).description
        #expect(date.contains("June") && date.contains("YYYY-MM-DD") && date.contains("column 5"))
    }

    /// Random strings of query punctuation either parse and run, or fail with a column inside the text.
    @Test func arbitraryInputParsesOrFailsWithAColumn() {
        let pieces = [
            "talks", "OR", "-", "\"", "\u{201C}", "(", ")", "*", ":", "speaker:", "after:", "kind:", "pillar:",
            "2019", "-06", " ", " ", "r\u{E9}gime", "'", "\u{2019}s", "x", "event:", "OR ",
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(n))
        }
        var parsed = 0
        for _ in 0..<2000 {
            let text = (0..<(1 + next(8))).map { _ in pieces[next(pieces.count)] }.joined()
            do {
                let query = try SearchQuery(text)
                _ = SearchFixture.index.search(query, limit: 5)
                parsed += 1
            } catch {
                #expect((1...max(1, text.count)).contains(error.column), "\(text): \(error)")
                #expect(!error.description.isEmpty)
            }
        }
        #expect(parsed > 100)
    }
}
