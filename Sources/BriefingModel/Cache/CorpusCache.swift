import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps the parsed model of a corpus on disk so that the next start skips loading and extraction.
///
/// One cache file per set of input paths, in `$XDG_CACHE_HOME/briefing` (or `~/.cache/briefing`). It is
/// used only when every article file still has the path, size and modification time it had when the model
/// was built (compared through a 64-bit digest of them all), the lexicons and declared agendas are unchanged, and
/// the running program is the one that wrote it (so a new extractor never reads an old model). Anything else
/// rebuilds the model and rewrites the file.
public struct CorpusCache: Sendable {
    /// The folder the cache files live in.
    public var directory: String
    public var format: CacheFormat

    public init(directory: String, format: CacheFormat = .binary) {
        self.directory = directory
        self.format = format
    }

    /// The cache in `$XDG_CACHE_HOME/briefing`, else `$HOME/.cache/briefing`; nil when neither is set.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> CorpusCache? {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return CorpusCache(directory: xdg + "/briefing") }
        if let home = environment["HOME"], !home.isEmpty { return CorpusCache(directory: home + "/.cache/briefing") }
        return nil
    }

    /// True when the cache folder exists or can be made, and files can be written in it (what is worth knowing
    /// before having another process build a model for it).
    public func canWrite() -> Bool {
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil
        else { return false }
        return access(directory, W_OK) == 0
    }

    /// How a corpus was obtained.
    public enum Outcome: String, Sendable, Hashable {
        /// Read from the cache.
        case hit
        /// Built by the pipeline and written to the cache.
        case rebuilt
        /// Built by the pipeline; the cache could not be written (the reason is in `Opened.note`).
        case uncached
    }

    /// A corpus with how it was obtained.
    public struct Opened: Sendable {
        public var corpus: Corpus
        public var skipped: [String]
        public var outcome: Outcome
        /// Why the cache was not used or not written, for `--verbose`.
        public var note: String?
    }

    /// What one cache file holds (the JSON format writes it whole; the binary one field by field).
    struct Entry: Codable {
        static let formatVersion = 9
        /// The first bytes of a binary cache file.
        static let magic: [UInt8] = Array("BRIEFING-CACHE".utf8)
        var format: Int
        var key: Key
        var corpus: Corpus
        var skipped: [String]
    }

    /// Everything the cached model depends on besides the articles' contents.
    struct Key: Codable, Hashable {
        var paths: [String]
        var defaultDate: Day?
        var extensions: [String]
        var resources: String
        var program: FileStamp?
        /// How many article files there are, and a digest of each one's path, size and modification time in
        /// order (`digest(of:)`): 16 bytes however many files, where the stamps themselves held about 3 MB of
        /// paths through a first start on 20,000 articles.
        var fileCount: Int
        var filesDigest: UInt64
    }

    /// A key no corpus has (what a key made on another thread would be if it were never handed over).
    static let noKey = Key(
        paths: [], defaultDate: nil, extensions: [], resources: "", program: nil, fileCount: 0, filesDigest: 0)

    /// Returns the cached model for `paths` when it is still valid, else runs `build` and stores its result.
    ///
    /// With `reread`, a model just built and written to a binary cache is let go and read back from the file:
    /// the cache's form of a model is the compact one (an article's paragraphs and quotes share one string), and
    /// the pipeline's working memory goes with the parsed model, so a first start goes on with what every later
    /// start holds (the reader on 20,000 articles, its search built: 484 MiB at its peak otherwise, 398–405 MiB
    /// with it, a few MiB over a warm start's). Should the file not read back, the model is built again.
    ///
    /// With `elsewhere`, a model not in the cache is first asked of it (the reader runs `briefing cache` in a
    /// child process, so that the pipeline's working memory is never its own): when it reports success and the
    /// cache now holds the model for the articles as they are, that model opens, as `rebuilt`. Otherwise `build`
    /// runs here.
    public func open(
        paths: [String], options: LoadOptions, resources: Resources, reread: Bool = false,
        elsewhere: (() -> Bool)? = nil, build: () -> (corpus: Corpus, skipped: [String])
    ) -> Opened {
        let (key, hit, note) = lookup(paths: paths, options: options, resources: resources)
        if let hit { return hit }
        if format == .binary, let elsewhere, elsewhere() {
            // Valid for the files as they are now (a file changed meanwhile makes it a miss, as for any start).
            if let built = lookup(paths: paths, options: options, resources: resources).1 {
                return Opened(corpus: built.corpus, skipped: built.skipped, outcome: .rebuilt, note: note)
            }
        }
        var opened = store(build(), key: key, note: note)
        guard reread, opened.outcome == .rebuilt, format == .binary else { return opened }
        opened.corpus = Corpus()
        HeapTrim.release()
        if let read = readBinary(file(paths: key.paths)) {
            return Opened(corpus: read.corpus, skipped: read.skipped, outcome: .rebuilt, note: note)
        }
        let again = build()
        return Opened(
            corpus: again.corpus, skipped: again.skipped, outcome: .rebuilt,
            note: "the cache just written did not read back; parsed again")
    }

    /// The same, with an asynchronous `build` (the parallel pipeline).
    public func open(
        paths: [String], options: LoadOptions, resources: Resources,
        build: () async -> (corpus: Corpus, skipped: [String])
    ) async -> Opened {
        let (key, hit, note) = lookup(paths: paths, options: options, resources: resources)
        if let hit { return hit }
        let built = await build()
        return store(built.corpus, skipped: built.skipped, key: key, note: note)
    }

    /// The key of `paths` now, and the cached model if its file holds exactly that key (else why not).
    ///
    /// The key (a walk of the folders and a `stat` of every file) is made on another thread while the file is
    /// read; a file whose stored key turns out different is dropped whole.
    func lookup(paths: [String], options: LoadOptions, resources: Resources) -> (Key, Opened?, note: String?) {
        let pending = Handoff<Key>()
        Thread.detachNewThread { pending.fulfil(Self.key(paths: paths, options: options, resources: resources)) }
        let path = file(paths: paths)
        guard format == .binary else {
            let key = pending.wait(or: Self.noKey)
            let (hit, note) = lookupJSON(key)
            return (key, hit, note)
        }
        let fd = openFile(path, O_RDONLY)
        guard fd >= 0 else { return (pending.wait(or: Self.noKey), nil, nil) }
        defer { close(fd) }
        let stored: Key
        let decoded: (corpus: Corpus, skipped: [String])
        // What the key holds besides the articles and lexicons is known now: a model another build of the program
        // wrote, or for other paths or options, is not decoded only to be dropped (that held a whole model in
        // memory through the start that rebuilds it: 12 MB more at its peak on 20,000 articles).
        let program = Self.programStamp()
        let extensions = options.extensions.sorted()
        var stale = false
        do {
            var header: Key?
            decoded = try CorpusCodec.read(descriptor: fd) { r throws(BinaryCoder.Malformed) in
                let h = try Entry.readHeader(from: &r)
                header = h
                if h.program != program || h.paths != paths || h.defaultDate != options.defaultDate
                    || h.extensions != extensions
                {
                    stale = true
                    throw BinaryCoder.Malformed(description: "out of date")
                }
            }
            guard let header else { throw BinaryCoder.Malformed(description: "no header") }
            stored = header
            StageTrace.mark("cache read")
        } catch {
            let note = stale ? Self.outOfDate : "cache unreadable (\(error)); rebuilt"
            return (pending.wait(or: Self.noKey), nil, note)
        }
        let key = pending.wait(or: Self.noKey)
        StageTrace.mark("cache key worked out")
        guard stored == key else { return (key, nil, Self.outOfDate) }
        return (key, Opened(corpus: decoded.corpus, skipped: decoded.skipped, outcome: .hit, note: nil), nil)
    }

    /// Why a cache file was not used when its key is not the corpus's.
    static let outOfDate = "cache out of date (articles, lexicons or program changed); rebuilt"

    /// The cached model for `key` if its JSON file holds exactly that key; else why not.
    func lookupJSON(_ key: Key) -> (Opened?, note: String?) {
        guard let data = FileManager.default.contents(atPath: file(paths: key.paths)) else { return (nil, nil) }
        do {
            let entry = try JSONDecoder().decode(Entry.self, from: data)
            if entry.format == Entry.formatVersion && entry.key == key {
                return (Opened(corpus: entry.corpus, skipped: entry.skipped, outcome: .hit, note: nil), nil)
            }
            return (nil, Self.outOfDate)
        } catch {
            return (nil, "cache unreadable (\(error)); rebuilt")
        }
    }

    /// The model in the binary cache file at `path`, whatever its key; nil when it cannot be read.
    func readBinary(_ path: String) -> (corpus: Corpus, skipped: [String])? {
        let fd = openFile(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return try? CorpusCodec.read(descriptor: fd) { r throws(BinaryCoder.Malformed) in
            _ = try Entry.readHeader(from: &r)
        }
    }

    /// Writes a model just built for `key`, taken straight from `build`'s result so that no local of `open` keeps
    /// it alive when a reread lets it go.
    func store(_ built: (corpus: Corpus, skipped: [String]), key: Key, note: String?) -> Opened {
        store(built.corpus, skipped: built.skipped, key: key, note: note)
    }

    /// Writes the model for `key` (to a temporary file renamed into place, so readers never see half a file).
    func store(_ corpus: Corpus, skipped: [String], key: Key, note: String?) -> Opened {
        let file = self.file(paths: key.paths)
        let temp = file + ".\(getpid()).tmp"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            switch format {
            case .binary:
                try Self.writeBinary(to: temp) { w in
                    Entry.writeHeader(key, to: &w)
                    CorpusCodec.write(corpus, skipped: skipped, to: &w)
                }
            case .json:
                let entry = Entry(format: Entry.formatVersion, key: key, corpus: corpus, skipped: skipped)
                try JSONEncoder().encode(entry).write(to: URL(fileURLWithPath: temp))
            }
            guard rename(temp, file) == 0 else {
                try? FileManager.default.removeItem(atPath: temp)
                return Opened(corpus: corpus, skipped: skipped, outcome: .uncached, note: "cannot write \(file)")
            }
            return Opened(corpus: corpus, skipped: skipped, outcome: .rebuilt, note: note)
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            return Opened(corpus: corpus, skipped: skipped, outcome: .uncached, note: "cannot write \(file): \(error)")
        }
    }

    /// A file that could not be written.
    struct WriteFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Streams what `body` writes into a new file at `path`, a megabyte at a time.
    static func writeBinary(to path: String, _ body: (inout BinaryWriter) -> Void) throws {
        let fd = openFile(path, O_WRONLY | O_CREAT | O_TRUNC)
        guard fd >= 0 else { throw WriteFailure(description: String(cString: strerror(errno))) }
        var failure: String?
        var writer = BinaryWriter { chunk in
            guard failure == nil else { return }
            chunk.withUnsafeBytes { raw in
                var at = 0
                while at < raw.count, let base = raw.baseAddress {
                    let n = write(fd, base + at, raw.count - at)
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else {
                        failure = String(cString: strerror(errno))
                        return
                    }
                    at += n
                }
            }
        }
        body(&writer)
        writer.flush()
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw WriteFailure(description: failure) }
    }

    /// Deletes every cache file (for benchmarks and `--no-cache` style resets).
    public func clear() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasSuffix(".cache") {
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }

    // MARK: - Keys

    /// The cache file of a set of paths (a relative path counts with the current folder).
    func file(paths: [String]) -> String {
        var h = StableHash()
        for p in paths { h.add(p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p) }
        return directory + "/corpus-" + h.hex + "." + format.rawValue + ".cache"
    }

    static func key(paths: [String], options: LoadOptions, resources: Resources) -> Key {
        let files = CorpusLoader(options: options).articleFiles(paths: paths)
        return Key(
            paths: paths, defaultDate: options.defaultDate, extensions: options.extensions.sorted(),
            resources: fingerprint(resources), program: programStamp(), fileCount: files.count,
            filesDigest: digest(of: files))
    }

    /// A digest of the stamps of `files` in order (a file that cannot be read counts with size and time -1).
    static func digest(of files: [String]) -> UInt64 {
        var h = StableHash()
        for path in files {
            let stamp = FileStamp.of(path) ?? FileStamp(path: path, size: -1, modified: -1)
            h.add(path)
            h.add(stamp.size)
            h.add(stamp.modified)
        }
        return h.value
    }

    /// A stable digest of the lexicons and declared agendas.
    static func fingerprint(_ resources: Resources) -> String {
        var h = StableHash()
        for name in resources.lexicon.tables.keys.sorted() {
            h.add("table\u{0}" + name)
            for row in resources.lexicon.tables[name]?.rows ?? [] { h.add(row.fields.joined(separator: "\u{1}")) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        if let agendas = try? encoder.encode(resources.declaredAgendas) { h.add(bytes: agendas) }
        for w in resources.warnings { h.add(w.description) }
        return h.hex
    }

    /// The running executable's stamp: a rebuilt program never trusts a model an older one wrote.
    static func programStamp() -> FileStamp? {
        #if os(Linux)
            let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        #else
            let exe = CommandLine.arguments.first
        #endif
        return exe.flatMap(FileStamp.of)
    }
}

/// 64-bit FNV-1a over strings and bytes: the same digest in every process (unlike `Hasher`).
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ s: String) {
        for b in s.utf8 { mix(b) }
        mix(0xff)
    }

    mutating func add(_ n: Int64) {
        for k in 0..<8 { mix(UInt8(truncatingIfNeeded: n >> (8 * Int64(k)))) }
    }

    mutating func add(bytes: Data) {
        for b in bytes { mix(b) }
        mix(0xff)
    }

    private mutating func mix(_ b: UInt8) {
        value ^= UInt64(b)
        value &*= 0x100_0000_01b3
    }

    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// `open(2)` under another name, out of reach of `CorpusCache.open`.
private func openFile(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags, 0o644)
}

extension CorpusCache.Entry {
    /// Writes the magic bytes, the format version and the key: what a reader checks before the model.
    static func writeHeader(_ key: CorpusCache.Key, to w: inout BinaryWriter) {
        w.bytes(magic)
        w.unsigned(UInt64(formatVersion))
        w.strings(key.paths)
        CorpusCodec.write(key.defaultDate, to: &w)
        w.strings(key.extensions)
        w.string(key.resources)
        w.bool(key.program != nil)
        if let p = key.program { write(p, to: &w) }
        w.int(key.fileCount)
        w.unsigned(key.filesDigest)
    }

    /// The key of a binary cache file; throws when the file is not one, or of another format version.
    static func readHeader(from r: inout BinaryReader) throws(BinaryCoder.Malformed) -> CorpusCache.Key {
        guard try r.bytes(magic.count) == magic else { throw BinaryCoder.Malformed(description: "not a cache file") }
        guard try r.unsigned() == UInt64(formatVersion) else {
            throw BinaryCoder.Malformed(description: "cache of another format version")
        }
        let paths = try r.strings()
        let defaultDate = try CorpusCodec.readDay(&r)
        let extensions = try r.strings()
        let resources = try r.string()
        let program = try r.bool() ? try readStamp(&r) : nil
        let fileCount = try r.int()
        let filesDigest = try r.unsigned()
        return CorpusCache.Key(
            paths: paths, defaultDate: defaultDate, extensions: extensions, resources: resources, program: program,
            fileCount: fileCount, filesDigest: filesDigest)
    }

    private static func write(_ f: FileStamp, to w: inout BinaryWriter) {
        w.string(f.path)
        w.int(Int(f.size))
        w.int(Int(f.modified))
    }

    private static func readStamp(_ r: inout BinaryReader) throws(BinaryCoder.Malformed) -> FileStamp {
        FileStamp(path: try r.string(), size: Int64(try r.int()), modified: Int64(try r.int()))
    }
}
