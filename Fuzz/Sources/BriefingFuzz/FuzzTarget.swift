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

    init(selector: UInt8) {
        self = FuzzForm.allCases[Int(selector) % FuzzForm.allCases.count]
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

/// Loads the input in its form and runs every pipeline stage plus the JSON contract over it.
func fuzzOne(_ input: [UInt8]) {
    guard let selector = input.first else { return }
    let body = Array(input.dropFirst())
    let loader = CorpusLoader(options: LoadOptions(defaultDate: Day(year: 2019, month: 2, day: 27)))
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
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector, fuzzerTestOneInput)
}
