/// Finds YAML aliases (`*name`) in front matter before the YAML parser sees it.
///
/// Front matter never needs aliases, and they are dangerous: the YAML library hashes mapping keys to find
/// duplicates, and a key that refers to nested aliases ("billion laughs") takes exponential time to hash.
/// The scan knows where a node may start (line start, after `- `, `? `, `: `, and inside `[ ]`/`{ }` after
/// `[`, `{`, `,`), and skips quoted scalars, block scalars (`|`, `>`) and comments, so a `*` inside a
/// title is not taken for an alias.
enum YAMLAliasScanner {
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// The 1-based line (within `yaml`) of the first alias, or nil when there is none.
    static func firstAliasLine(_ yaml: String) -> Int? {
        var state = State()
        var lineNo = 0
        for line in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNo += 1
            let bytes = Array(line)
            let indent = bytes.prefix(while: { $0 == space || $0 == tab }).count
            if let parent = state.blockScalarIndent {
                // A block scalar's lines are text: blank or more indented than the line that opened it.
                if indent == bytes.count || indent > parent { continue }
                state.blockScalarIndent = nil
            }
            if state.quote == nil { state.nodeStart = true }
            if state.scan(bytes, indent: indent) { return lineNo }
        }
        return nil
    }

    private struct State {
        var flowDepth = 0
        /// `'` or `"` while inside a quoted scalar (which may span lines).
        var quote: UInt8?
        var nodeStart = true
        /// The indentation of the line that opened a `|` or `>` block scalar.
        var blockScalarIndent: Int?

        /// Scans one line; true when it holds an alias.
        mutating func scan(_ bytes: [UInt8], indent: Int) -> Bool {
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                let next = i + 1 < bytes.count ? bytes[i + 1] : YAMLAliasScanner.space
                let nextIsBlank = next == YAMLAliasScanner.space || next == YAMLAliasScanner.tab
                let previousIsBlank =
                    i == 0 || bytes[i - 1] == YAMLAliasScanner.space || bytes[i - 1] == YAMLAliasScanner.tab
                i += 1
                if let q = quote {
                    if q == UInt8(ascii: "\"") && b == UInt8(ascii: "\\") {
                        i += 1  // an escaped character
                    } else if b == q {
                        if q == UInt8(ascii: "'") && next == q { i += 1 } else { quote = nil }  // '' is a quote
                    }
                    continue
                }
                if b == YAMLAliasScanner.space || b == YAMLAliasScanner.tab { continue }
                if b == UInt8(ascii: "#") && previousIsBlank { return false }  // a comment ends the line
                if nodeStart {
                    if startsNode(b, nextIsBlank: nextIsBlank, indent: indent) { return true }
                    if b == UInt8(ascii: "&") || b == UInt8(ascii: "!") {
                        // An anchor or a tag: skip its name; the node itself follows.
                        while i < bytes.count && bytes[i] != YAMLAliasScanner.space && bytes[i] != YAMLAliasScanner.tab
                        {
                            i += 1
                        }
                    }
                    continue
                }
                // Inside a scalar, or after a node: find where the next node may start.
                if b == UInt8(ascii: ":") && (nextIsBlank || i == bytes.count) {
                    nodeStart = true
                } else if flowDepth > 0 {
                    switch b {
                    case UInt8(ascii: ","), UInt8(ascii: ":"): nodeStart = true
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        flowDepth += 1
                        nodeStart = true
                    case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth -= 1
                    default: break
                    }
                }
            }
            return false
        }

        /// Handles the first character of a node; true when it is an alias.
        private mutating func startsNode(_ b: UInt8, nextIsBlank: Bool, indent: Int) -> Bool {
            switch b {
            case UInt8(ascii: "*"):
                return true
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                quote = b
                nodeStart = false
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                if flowDepth == 0 { blockScalarIndent = indent }
                nodeStart = false
            case UInt8(ascii: "&"), UInt8(ascii: "!"):
                break  // the caller skips the name
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                // A block indicator keeps a node to come; otherwise the character starts a plain scalar.
                if !nextIsBlank { nodeStart = false }
            case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if flowDepth > 0 {
                    if b != UInt8(ascii: ",") { flowDepth -= 1 }
                } else {
                    nodeStart = false
                }
            default:
                nodeStart = false
            }
            return false
        }
    }
}
