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
        var rows: [LexiconRow] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let first = fields.first, !first.isEmpty else { continue }
            rows.append(LexiconRow(fields: fields, line: lineNo))
        }
        return LexiconTable(name: name, rows: rows)
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
