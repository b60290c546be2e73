/// Why a search query cannot be read; each case names the 1-based column (character) where the problem is.
public enum QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    case unclosedPhrase(column: Int)
    case emptyPhrase(column: Int)
    case unknownFilter(name: String, column: Int)
    case missingFilterValue(filter: String, column: Int)
    case badDate(filter: String, value: String, column: Int)
    case badFilterValue(filter: String, value: String, expected: String, column: Int)
    case danglingOr(column: Int)
    case nothingToExclude(column: Int)
    case misplacedWildcard(word: String, column: Int)
    case unmatchedParenthesis(column: Int)
    case unclosedParenthesis(column: Int)
    case emptyGroup(column: Int)
    case tooDeep(column: Int)

    /// The column the problem is at.
    public var column: Int {
        switch self {
        case .unclosedPhrase(let c), .emptyPhrase(let c), .unknownFilter(_, let c), .missingFilterValue(_, let c),
            .badDate(_, _, let c), .badFilterValue(_, _, _, let c), .danglingOr(let c), .nothingToExclude(let c),
            .misplacedWildcard(_, let c), .unmatchedParenthesis(let c), .unclosedParenthesis(let c),
            .emptyGroup(let c), .tooDeep(let c):
            return c
        }
    }

    public var description: String {
        switch self {
        case .unclosedPhrase(let c):
            return "column \(c): the phrase opened here has no closing quotation mark"
        case .emptyPhrase(let c):
            return "column \(c): the phrase is empty; put words between the quotation marks"
        case .unknownFilter(let name, let c):
            return "column \(c): unknown filter '\(name):'; filters are \(QueryFilterName.list); "
                + "to search for the word itself, put it in quotation marks"
        case .missingFilterValue(let f, let c):
            return "column \(c): '\(f):' needs a value, e.g. \(QueryFilterName(rawValue: f)?.example ?? "\(f):word")"
        case .badDate(let f, let v, let c):
            return "column \(c): '\(v)' is not a date for '\(f):'; use YYYY-MM-DD, YYYY-MM or YYYY"
        case .badFilterValue(let f, let v, let expected, let c):
            return "column \(c): '\(v)' is not a value for '\(f):'; expected \(expected)"
        case .danglingOr(let c):
            return "column \(c): OR needs a term on both sides"
        case .nothingToExclude(let c):
            return "column \(c): '-' must stand right before the word, phrase or filter to exclude"
        case .misplacedWildcard(let w, let c):
            return "column \(c): in '\(w)' the * must end a single word (prefix search, e.g. sanction*)"
        case .unmatchedParenthesis(let c):
            return "column \(c): ')' closes no '('"
        case .unclosedParenthesis(let c):
            return "column \(c): the '(' opened here is never closed"
        case .emptyGroup(let c):
            return "column \(c): the parentheses hold no term"
        case .tooDeep(let c):
            return "column \(c): parentheses are nested too deeply"
        }
    }
}
