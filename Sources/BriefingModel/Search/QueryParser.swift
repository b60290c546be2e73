import Foundation

/// Reads query text into a `QueryNode` tree: a lexer over characters, then a recursive-descent parser.
///
/// Grammar: `sequence := group*` (ANDed), `group := unary ("OR" unary)*`, `unary := "-" unary | atom`,
/// `atom := word | word* | "phrase" | name:value | name:"value" | "(" sequence ")"`. OR binds tighter
/// than the implicit AND: `a b OR c` is `a AND (b OR c)`.
struct QueryParser {
    enum Lexeme: Equatable {
        case word(String)
        case phrase(String)
        case filter(name: String, value: String)
        case open, close, or, not
    }

    struct Located: Equatable {
        var lexeme: Lexeme
        /// 1-based column of the first character.
        var column: Int
    }

    static let maxDepth = 32

    let chars: [Character]
    var lexemes: [Located] = []
    var position = 0

    init(_ text: String) {
        chars = Array(text)
    }

    static func isQuoteMark(_ c: Character) -> Bool {
        switch c {
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2033}", "\u{FF02}":
            return true
        default: return false
        }
    }

    static func endsRun(_ c: Character) -> Bool { c.isWhitespace || c == "(" || c == ")" || isQuoteMark(c) }

    mutating func parse() throws(QueryError) -> QueryNode? {
        lexemes = try lex()
        position = 0
        let nodes = try parseSequence(depth: 0)
        if position < lexemes.count {
            // parseSequence stops only at ')' at the top level.
            throw .unmatchedParenthesis(column: lexemes[position].column)
        }
        return Self.combine(nodes, and: true)
    }

    static func combine(_ nodes: [QueryNode], and: Bool) -> QueryNode? {
        switch nodes.count {
        case 0: return nil
        case 1: return nodes[0]
        default: return and ? .and(nodes) : .or(nodes)
        }
    }

    // MARK: Lexer

    /// Reads a quoted phrase starting at the quotation mark at `i`; returns the inside and the index past the close.
    func readPhrase(at i: Int) throws(QueryError) -> (String, Int) {
        var j = i + 1
        while j < chars.count, !Self.isQuoteMark(chars[j]) { j += 1 }
        guard j < chars.count else { throw .unclosedPhrase(column: i + 1) }
        return (String(chars[(i + 1)..<j]), j + 1)
    }

    func lex() throws(QueryError) -> [Located] {
        var out: [Located] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c.isWhitespace {
                i += 1
            } else if c == "(" {
                out.append(Located(lexeme: .open, column: column))
                i += 1
            } else if c == ")" {
                out.append(Located(lexeme: .close, column: column))
                i += 1
            } else if Self.isQuoteMark(c) {
                let (inside, next) = try readPhrase(at: i)
                out.append(Located(lexeme: .phrase(inside), column: column))
                i = next
            } else if c == "-" || c == "\u{2212}" {
                guard i + 1 < chars.count, !chars[i + 1].isWhitespace, chars[i + 1] != ")" else {
                    throw .nothingToExclude(column: column)
                }
                out.append(Located(lexeme: .not, column: column))
                i += 1
            } else {
                var j = i
                while j < chars.count, !Self.endsRun(chars[j]) { j += 1 }
                let run = String(chars[i..<j])
                if run == "OR" {
                    out.append(Located(lexeme: .or, column: column))
                    i = j
                    continue
                }
                if let colon = run.firstIndex(of: ":"), colon != run.startIndex,
                    run[..<colon].allSatisfy({ $0.isLetter })
                {
                    let name = run[..<colon].lowercased()
                    guard QueryFilterName(rawValue: name) != nil else {
                        throw .unknownFilter(name: String(run[..<colon]), column: column)
                    }
                    var value = String(run[run.index(after: colon)...])
                    if value.isEmpty, j < chars.count, Self.isQuoteMark(chars[j]) {
                        let (inside, next) = try readPhrase(at: j)
                        value = inside
                        j = next
                    }
                    out.append(Located(lexeme: .filter(name: name, value: value), column: column))
                } else {
                    out.append(Located(lexeme: .word(run), column: column))
                }
                i = j
            }
        }
        return out
    }

    // MARK: Parser

    var atEnd: Bool { position >= lexemes.count }

    func peek() -> Located? { position < lexemes.count ? lexemes[position] : nil }

    mutating func parseSequence(depth: Int) throws(QueryError) -> [QueryNode] {
        var nodes: [QueryNode] = []
        while let next = peek(), next.lexeme != .close {
            if next.lexeme == .or { throw .danglingOr(column: next.column) }
            if let node = try parseGroup(depth: depth) { nodes.append(node) }
        }
        return nodes
    }

    mutating func parseGroup(depth: Int) throws(QueryError) -> QueryNode? {
        var members: [QueryNode] = []
        if let first = try parseUnary(depth: depth) { members.append(first) }
        while let next = peek(), next.lexeme == .or {
            position += 1
            guard let after = peek(), after.lexeme != .or, after.lexeme != .close else {
                throw .danglingOr(column: next.column)
            }
            if let member = try parseUnary(depth: depth) { members.append(member) }
        }
        return Self.combine(members, and: false)
    }

    mutating func parseUnary(depth: Int) throws(QueryError) -> QueryNode? {
        guard let next = peek() else { return nil }
        if next.lexeme == .not {
            position += 1
            guard let after = peek(), after.lexeme != .or, after.lexeme != .close else {
                throw .nothingToExclude(column: next.column)
            }
            return try parseUnary(depth: depth).map { .not($0) }
        }
        return try parseAtom(depth: depth)
    }

    mutating func parseAtom(depth: Int) throws(QueryError) -> QueryNode? {
        guard let next = peek() else { return nil }
        position += 1
        switch next.lexeme {
        case .open:
            guard depth < Self.maxDepth else { throw .tooDeep(column: next.column) }
            let inner = try parseSequence(depth: depth + 1)
            guard peek()?.lexeme == .close else { throw .unclosedParenthesis(column: next.column) }
            position += 1
            guard let node = Self.combine(inner, and: true) else { throw .emptyGroup(column: next.column) }
            return node
        case .close:
            throw .unmatchedParenthesis(column: next.column)
        case .or:
            throw .danglingOr(column: next.column)
        case .not:
            throw .nothingToExclude(column: next.column)
        case .word(let run):
            return try Self.wordNode(run, column: next.column)
        case .phrase(let inside):
            let words = SearchText.words(inside)
            switch words.count {
            case 0: throw .emptyPhrase(column: next.column)
            case 1: return .word(words[0])
            default: return .phrase(words)
            }
        case .filter(let name, let value):
            return .filter(try Self.filter(name: name, value: value, column: next.column))
        }
    }

    /// A bare word: a word, a prefix (`word*`) or, when it folds to several words ("follow-up"), a phrase.
    static func wordNode(_ run: String, column: Int) throws(QueryError) -> QueryNode? {
        var body = Substring(run)
        var prefix = false
        if body.hasSuffix("*") {
            body = body.dropLast()
            prefix = true
        }
        if body.contains("*") { throw .misplacedWildcard(word: run, column: column) }
        let words = SearchText.words(String(body))
        if prefix {
            guard words.count == 1 else { throw .misplacedWildcard(word: run, column: column) }
            return .prefix(words[0])
        }
        switch words.count {
        case 0: return nil
        case 1: return .word(words[0])
        default: return .phrase(words)
        }
    }

    static func filterWords(_ value: String, name: String, column: Int) throws(QueryError) -> FilterWords {
        var body = Substring(value)
        var prefix = false
        if body.hasSuffix("*") {
            body = body.dropLast()
            prefix = true
        }
        if body.contains("*") { throw .misplacedWildcard(word: value, column: column) }
        let words = SearchText.words(String(body))
        guard !words.isEmpty else { throw .missingFilterValue(filter: name, column: column) }
        return FilterWords(words: words, lastIsPrefix: prefix)
    }

    /// Parses a date value: YYYY-MM-DD, YYYY-MM (its first day) or YYYY (its first day).
    static func day(_ value: String) -> Day? {
        if let d = Day(iso: value) { return d }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        if parts.count == 1 { return Day(year: y, month: 1, day: 1) }
        guard parts[1].count == 2, let m = Int(parts[1]) else { return nil }
        return Day(year: y, month: m, day: 1)
    }

    static func filter(name: String, value: String, column: Int) throws(QueryError) -> QueryFilter {
        guard let kind = QueryFilterName(rawValue: name) else { throw .unknownFilter(name: name, column: column) }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { throw .missingFilterValue(filter: name, column: column) }
        switch kind {
        case .speaker:
            return .speaker(try filterWords(trimmed, name: name, column: column))
        case .event:
            return .event(try filterWords(trimmed, name: name, column: column))
        case .pillar:
            if trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) {
                guard let n = Int(trimmed), n >= 1 else {
                    throw .badFilterValue(
                        filter: name, value: trimmed, expected: "an item number from 1 or words of the item",
                        column: column)
                }
                return .pillarNumber(n)
            }
            return .pillar(try filterWords(trimmed, name: name, column: column))
        case .article:
            return .article(id: trimmed.lowercased(), words: try filterWords(trimmed, name: name, column: column))
        case .after, .before:
            guard let d = day(trimmed) else { throw .badDate(filter: name, value: trimmed, column: column) }
            return kind == .after ? .after(d) : .before(d)
        case .kind:
            let v = trimmed.lowercased()
            let matches = SpeakerKind.allCases.filter { $0.rawValue.hasPrefix(v) }
            guard matches.count == 1, let k = matches.first else {
                throw .badFilterValue(
                    filter: name, value: trimmed,
                    expected: SpeakerKind.allCases.map(\.rawValue).joined(separator: ", "), column: column)
            }
            return .kind(k)
        }
    }
}
