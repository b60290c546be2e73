import BriefingModel
import Foundation

/// What one fuzz input turns into: the first byte picks the form, the rest is the file's bytes.
enum FuzzForm: UInt8, CaseIterable {
    /// A plain `.txt` article.
    case plainText
    /// A `.md` article opened by `---`, so the rest lands in front matter (YAML) first.
    case frontMatter
    /// A `.jsonl` file.
    case jsonLines
    /// A `.md` file written to disk and loaded through the folder walker and file reader.
    case onDisk
    /// The cache file of a one-article corpus, read back by `Briefing.openCached` (selector byte `cacheSelector`
    /// only, so that the inputs of the other forms keep theirs).
    case cacheFile

    /// The selector byte of `cacheFile` ("CA").
    static let cacheSelector: UInt8 = 0xCA
    /// The forms of the other selector bytes, taken modulo their count.
    static let loaderForms: [FuzzForm] = [.plainText, .frontMatter, .jsonLines, .onDisk]

    init(selector: UInt8) {
        self =
            selector == Self.cacheSelector
            ? .cacheFile : Self.loaderForms[Int(selector) % Self.loaderForms.count]
    }
}

/// The lexicons and agendas, loaded once: `BRIEFING_DATA`, else the checkout's `Data/`.
let fuzzResources: Resources = {
    let fromEnvironment = ProcessInfo.processInfo.environment["BRIEFING_DATA"].flatMap { $0.isEmpty ? nil : $0 }
    let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data").path
    return Resources.load(dataDirectory: fromEnvironment ?? checkout)
}()

/// A private folder for the on-disk form, made once per process.
let fuzzFolder: String = {
    let path = NSTemporaryDirectory() + "/briefing-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

/// The load options of every form.
let fuzzOptions = LoadOptions(defaultDate: Day(year: 2019, month: 2, day: 27))

/// A folder with one article and a cache folder beside it, for the cache form; the cache file is the one
/// `Briefing.openCached` writes for that folder.
struct CachedCorpus {
    let articles: String
    let cache: CorpusCache
    let file: String

    /// Makes the folders and the cache file (by opening the corpus once); nil when the file cannot be found.
    static func make(in folder: String) -> CachedCorpus? {
        let articles = folder + "/articles"
        let directory = folder + "/cache"
        try? FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let text = """
            ---
            title: Talks resume
            date: 2019-02-27
            ---
            “We had a very productive time,” Trump said in Hanoi on February 28, 2019. The summit ended early.

            North Korea wants sanctions relief, Pompeo told reporters.
            """
        guard FileManager.default.createFile(atPath: articles + "/talks.md", contents: Data(text.utf8)) else {
            return nil
        }
        let cache = CorpusCache(directory: directory)
        _ = try? Briefing.openCached(paths: [articles], options: fuzzOptions, resources: fuzzResources, cache: cache)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        guard let name = names.first(where: { $0.hasSuffix(".cache") }) else { return nil }
        return CachedCorpus(articles: articles, cache: cache, file: directory + "/" + name)
    }

    /// The cache file's bytes now.
    var bytes: [UInt8]? { FileManager.default.contents(atPath: file).map { Array($0) } }

    /// Puts `body` in place of the cache file and opens the corpus: the file is read (and trusted only when it
    /// holds this corpus's key) or the article parsed again.
    func open(with body: [UInt8]) {
        guard FileManager.default.createFile(atPath: file, contents: Data(body)) else { return }
        guard
            let opened = try? Briefing.openCached(
                paths: [articles], options: fuzzOptions, resources: fuzzResources, cache: cache)
        else { return }
        if opened.outcome != .hit {
            precondition(opened.corpus.articles.count == 1, "a rejected cache lost the article")
        }
        _ = try? ContractJSON.encode(opened.corpus, pretty: false)
    }
}

/// The cache form's corpus, made on first use, in a folder of its own (the on-disk form loads all of
/// `fuzzFolder`).
let fuzzCachedCorpus: CachedCorpus? = CachedCorpus.make(
    in: NSTemporaryDirectory() + "/briefing-fuzz-cache-\(ProcessInfo.processInfo.processIdentifier)")

/// Loads the input in its form and runs every pipeline stage plus the JSON contract over it.
func fuzzOne(_ input: [UInt8]) {
    guard let selector = input.first else { return }
    let body = Array(input.dropFirst())
    let loader = CorpusLoader(options: fuzzOptions)
    let load: LoadResult
    switch FuzzForm(selector: selector) {
    case .plainText:
        load = loader.load(bytes: body, path: "fuzz.txt")
    case .frontMatter:
        load = loader.load(bytes: Array("---\n".utf8) + body, path: "fuzz.md")
    case .jsonLines:
        load = loader.load(bytes: body, path: "fuzz.jsonl")
    case .onDisk:
        let file = fuzzFolder + "/input.md"
        guard FileManager.default.createFile(atPath: file, contents: Data(body)) else { return }
        load = loader.load(paths: [fuzzFolder])
    case .cacheFile:
        // Read through the cache, which parses again what it rejects (`CachedCorpus.open`).
        fuzzCachedCorpus?.open(with: body)
        return
    }
    let corpus = Pipeline(resources: fuzzResources).run(load)
    precondition(corpus.articles.count == load.articles.count, "the pipeline lost articles")
    precondition(Set(corpus.articles.map(\.id)).count == corpus.articles.count, "article ids are not unique")
    for warning in load.warnings {
        precondition(!warning.path.isEmpty && warning.line >= 0, "a warning without a place: \(warning)")
    }
    _ = try? ContractJSON.encode(corpus, pretty: false)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// libFuzzer's driver, for a program that has its own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links executables with `main` aliased to `<Module>_main`, which `-parse-as-library` never emits;
/// this provides it and hands control to libFuzzer's driver.
@_cdecl("BriefingFuzz_main")
public func briefingFuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    // `BRIEFING_FUZZ_CACHE_SEED=FILE`: writes a seed of the cache form (the selector byte, then a valid cache
    // file) to FILE and exits (`seed.sh`).
    if let seed = ProcessInfo.processInfo.environment["BRIEFING_FUZZ_CACHE_SEED"], !seed.isEmpty {
        guard let bytes = fuzzCachedCorpus?.bytes,
            FileManager.default.createFile(atPath: seed, contents: Data([FuzzForm.cacheSelector] + bytes))
        else { return 1 }
        return 0
    }
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector, fuzzerTestOneInput)
}
