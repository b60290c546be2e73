import Foundation

/// The editable word lists of `Data/lexicon/`: one table per file, keyed by file name without extension.
///
/// A table file holds one entry per line; `#` starts a comment; fields are separated by `|` and trimmed.
/// Each stage reads the tables it needs through a typed extension (see `Lexicon+*.swift` files).
public struct Lexicon: Sendable, Hashable {
    public var tables: [String: LexiconTable]

    public init(tables: [String: LexiconTable] = [:]) {
        self.tables = tables
    }

    /// The table named `name`, empty when the lexicon has none.
    public func table(_ name: String) -> LexiconTable { tables[name] ?? LexiconTable(name: name, rows: []) }

    /// Reads every `*.txt` file of `folder`. Later folders extend earlier ones (a user's own additions).
    public static func load(folders: [String]) -> (Lexicon, [LoadWarning]) {
        var lexicon = Lexicon()
        var warnings: [LoadWarning] = []
        let fm = FileManager.default
        for folder in folders {
            guard let names = try? fm.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where name.hasSuffix(".txt") && !name.hasPrefix(".") {
                let path = folder + "/" + name
                guard let data = fm.contents(atPath: path) else {
                    warnings.append(LoadWarning(path: path, line: 0, message: "cannot read lexicon file"))
                    continue
                }
                let text = String(decoding: data, as: UTF8.self)
                let key = String(name.dropLast(4))
                let table = LexiconTable.parse(text, name: key, path: path)
                lexicon.tables[key, default: LexiconTable(name: key, rows: [])].rows.append(contentsOf: table.rows)
            }
        }
        return (lexicon, warnings)
    }
}

/// One lexicon file: rows of `|`-separated fields.
public struct LexiconTable: Sendable, Hashable {
    public var name: String
    public var rows: [LexiconRow]

    public init(name: String, rows: [LexiconRow]) {
        self.name = name
        self.rows = rows
    }

    /// The first field of every row.
    public var entries: [String] { rows.map(\.entry) }

    static func parse(_ text: String, name: String, path: String) -> LexiconTable {
        var text = text
        return text.withUTF8 { bytes in
            // Lines, comments and fields by their ASCII bytes, unless a byte could join them into one character
            // ("\r\n"; a mark after "#" or "|"): such text is read character by character.
            for (i, b) in bytes.enumerated()
            where b == 13 || ((b == 35 || b == 124) && i + 1 < bytes.count && bytes[i + 1] >= 0x80) {
                return parseCharacters(String(decoding: bytes, as: UTF8.self), name: name)
            }
            var rows: [LexiconRow] = []
            var lineNo = 0
            var lineStart = 0
            let n = bytes.count
            // As `split(separator: "\n", omittingEmptySubsequences: false)`: a final "\n" ends an empty line.
            while lineStart <= n {
                var end = lineStart
                while end < n, bytes[end] != 10 { end += 1 }
                lineNo += 1
                var stop = lineStart
                while stop < end, bytes[stop] != 35 { stop += 1 }
                var fields: [String] = []
                var fieldStart = lineStart
                for k in lineStart...stop where k == stop || bytes[k] == 124 {
                    let field = String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<k]), as: UTF8.self)
                    fields.append(trimmed(field[...]))
                    fieldStart = k + 1
                }
                if let first = fields.first, !first.isEmpty { rows.append(LexiconRow(fields: fields, line: lineNo)) }
                lineStart = end + 1
            }
            return LexiconTable(name: name, rows: rows)
        }
    }

    /// `parse` character by character.
    static func parseCharacters(_ text: String, name: String) -> LexiconTable {
        var rows: [LexiconRow] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(trimmed)
            guard let first = fields.first, !first.isEmpty else { continue }
            rows.append(LexiconRow(fields: fields, line: lineNo))
        }
        return LexiconTable(name: name, rows: rows)
    }

    /// `field` without the white space `CharacterSet.whitespaces` holds (tab, the space separators and U+200B
    /// ZERO WIDTH SPACE) at either end; scalar by scalar, without bridging to Foundation.
    static func trimmed(_ field: Substring) -> String {
        let u = field.unicodeScalars
        var a = u.startIndex
        var b = u.endIndex
        while a < b, u[a].isHorizontalWhitespace { a = u.index(after: a) }
        while b > a, u[u.index(before: b)].isHorizontalWhitespace { b = u.index(before: b) }
        return String(u[a..<b])
    }
}

/// One line of a lexicon file.
public struct LexiconRow: Sendable, Hashable {
    public var fields: [String]
    /// 1-based line in its file.
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }

    public var entry: String { fields.first ?? "" }
    /// Field `i` (0 is the entry), nil when missing or empty.
    public subscript(_ i: Int) -> String? { i < fields.count && !fields[i].isEmpty ? fields[i] : nil }
}
