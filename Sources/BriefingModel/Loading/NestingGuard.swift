/// Measures how deeply JSON or YAML text nests before a recursive parser sees it.
///
/// The JSON and YAML parsers recurse once per level; a few kilobytes of `[[[[` or `- - - -` would otherwise
/// exhaust a thread's stack. Articles never need more than a handful of levels.
enum NestingGuard {
    /// Deepest nesting accepted in front matter or a JSON line.
    static let limit = 64

    /// The deepest `[`/`{` nesting of a JSON text, not counting brackets inside strings.
    static func jsonDepth(_ bytes: some Sequence<UInt8>) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for b in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return deepest
    }

    /// An upper estimate of a YAML text's nesting: flow brackets (quotes ignored, so never under-counted),
    /// or on one line its indentation plus the block indicators (`- `, `? `) that open it.
    static func yamlDepth(_ text: String) -> Int {
        var deepest = 0
        var flow = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var i = line.startIndex
            var block = 0
            // Indentation and leading "- " / "? " indicators each open a level at most.
            while i < line.endIndex {
                let b = line[i]
                if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") {
                    block += 1
                    i = line.index(after: i)
                } else if b == UInt8(ascii: "-") || b == UInt8(ascii: "?"),
                    line.index(after: i) == line.endIndex || line[line.index(after: i)] == UInt8(ascii: " ")
                {
                    block += 2
                    i = line.index(after: i)
                } else {
                    break
                }
            }
            deepest = max(deepest, block / 2)
            for b in line[i...] {
                if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                    flow += 1
                    deepest = max(deepest, flow)
                } else if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                    flow = max(0, flow - 1)
                }
            }
        }
        return deepest
    }
}
