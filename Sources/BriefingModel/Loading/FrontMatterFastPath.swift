/// Reads front matter made only of simple one-line `key: value` pairs without the YAML library, which costs
/// more than all the rest of loading a file.
///
/// Taken only when the YAML reading is certain: every line is empty or `key: value` with a plain ASCII key at
/// the start of the line and a single-line value that is either plain (no YAML indicator first, no `: ` or `#`)
/// or quoted without escapes; every character is one YAML allows; no key repeats. Anything else
/// (lists, nesting, comments, block or multi-line scalars, escapes, aliases, tags) answers nil and goes to the
/// YAML library, so metadata and warnings are the same either way.
enum FrontMatterFastPath {
    /// The metadata and warnings, or nil when the lines need the YAML library.
    static func parse(lines: [Substring], firstLine: Int) -> (FrontMatter?, [(Int, String)])? {
        var pairs: [(key: String, value: String, line: Int)] = []
        for (k, line) in lines.enumerated() {
            if line.utf8.isEmpty { continue }
            guard let (key, value) = pair(line) else { return nil }
            guard !pairs.contains(where: { $0.key == key }) else { return nil }
            pairs.append((key, value, firstLine + k))
        }
        // An empty document is left to the library (it reads it as no mapping at all).
        guard !pairs.isEmpty else { return nil }
        var fm = FrontMatter()
        var warnings: [(Int, String)] = []
        for p in pairs {
            fm.set(key: p.key, text: p.value, kind: "scalar", line: p.line, warnings: &warnings)
        }
        return (fm, warnings)
    }

    /// `key: value` read from one line, or nil when the line is anything else.
    static func pair(_ line: Substring) -> (String, String)? {
        let u = line.utf8
        guard allPrintable(line) else { return nil }
        // The key: an ASCII letter, then letters, digits, `_` and `-`.
        var i = u.startIndex
        guard i < u.endIndex, isLetter(u[i]) else { return nil }
        while i < u.endIndex, isKeyByte(u[i]) { u.formIndex(after: &i) }
        let keyEnd = i
        guard u.distance(from: u.startIndex, to: keyEnd) <= 128 else { return nil }
        // ": " and the value after any further spaces.
        guard i < u.endIndex, u[i] == colon else { return nil }
        u.formIndex(after: &i)
        guard i < u.endIndex, u[i] == space else { return nil }
        while i < u.endIndex, u[i] == space { u.formIndex(after: &i) }
        guard i < u.endIndex else { return nil }
        // Trailing spaces are never part of the value.
        var end = u.endIndex
        while end > i, u[u.index(before: end)] == space { u.formIndex(before: &end) }
        let key = String(line[u.startIndex..<keyEnd])
        let first = u[i]
        if first == doubleQuote || first == singleQuote {
            // A quoted value closing at the end of the line, with no escape and no quote inside.
            let last = u.index(before: end)
            guard last > i, u[last] == first else { return nil }
            let inner = u.index(after: i)..<last
            guard !u[inner].contains(where: { $0 == first || $0 == backslash }) else { return nil }
            return (key, String(line[inner]))
        }
        guard !indicators.contains(first) else { return nil }
        var previous = first
        var k = u.index(after: i)
        while k < end {
            let b = u[k]
            // ": " or a final ":" would start a mapping, " #" a comment (any "#" is left to the library).
            if b == hash { return nil }
            if previous == colon && b == space { return nil }
            previous = b
            u.formIndex(after: &k)
        }
        guard previous != colon else { return nil }
        return (key, String(line[i..<end]))
    }

    /// Every scalar is one YAML takes as printable text on a line: tab, line and paragraph separators, the
    /// byte order mark and other control characters are left to the library.
    private static func allPrintable(_ line: Substring) -> Bool {
        for b in line.utf8 where b < 0x20 || b == 0x7F || b >= 0x80 {
            if b < 0x80 { return false }
            // Non-ASCII: check by scalar (rare in front matter).
            for s in line.unicodeScalars {
                let v = s.value
                let ok =
                    (v >= 0x20 && v <= 0x7E) || (v >= 0xA0 && v <= 0xD7FF)
                    || (v >= 0xE000 && v <= 0xFFFD && v != 0xFEFF)
                    || v >= 0x10000
                if !ok || v == 0x2028 || v == 0x2029 { return false }
            }
            return true
        }
        return true
    }

    private static let space: UInt8 = 0x20
    private static let colon: UInt8 = 0x3A
    private static let hash: UInt8 = 0x23
    private static let doubleQuote: UInt8 = 0x22
    private static let singleQuote: UInt8 = 0x27
    private static let backslash: UInt8 = 0x5C
    /// Bytes that give a plain value a YAML meaning when they open it.
    private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    @inline(__always) private static func isKeyByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 48 && b <= 57) || b == 0x5F || b == 0x2D
    }
}
