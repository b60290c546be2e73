/// How the corpus cache writes its files.
public enum CacheFormat: String, Sendable, Hashable, CaseIterable {
    /// `CorpusCodec` over `BinaryCoder`'s primitives: varints and interned strings, read in one streaming pass.
    case binary
    /// Foundation's JSON coders: much slower, readable with any JSON tool.
    case json
}
