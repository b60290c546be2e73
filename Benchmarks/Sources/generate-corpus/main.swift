import BriefingModel
import Foundation

/// `generate-corpus --articles N --seed S --out DIR [--source PATH]...`: writes a seeded synthetic corpus.
struct GenerateCorpus {
    var articles = 20_000
    var seed: UInt64 = 42
    var out: String?
    var sources: [String] = []

    static let usage = """
        usage: generate-corpus --articles N --seed S --out DIR [--source PATH]...
          Recombines the sentences of the source corpus (default: Data/articles) into N articles,
          names, places and dates varied; the same seed and source give the same files.
        """

    enum Failure: Error, CustomStringConvertible {
        case usage(String)
        case noSource

        var description: String {
            switch self {
            case .usage(let message): return message + "\n" + GenerateCorpus.usage
            case .noSource: return "no source corpus: pass --source, or run from the checkout so Data/articles is found"
            }
        }
    }

    init(arguments: [String]) throws(Failure) {
        var i = 0
        func value(_ flag: String) throws(Failure) -> String {
            i += 1
            guard i < arguments.count else { throw .usage("\(flag) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            let arg = arguments[i]
            switch arg {
            case "--articles":
                let v = try value(arg)
                guard let n = Int(v), n > 0 else { throw .usage("--articles '\(v)' is not a positive number") }
                articles = n
            case "--seed":
                let v = try value(arg)
                guard let s = UInt64(v) else { throw .usage("--seed '\(v)' is not a non-negative number") }
                seed = s
            case "--out": out = try value(arg)
            case "--source": sources.append(try value(arg))
            case "-h", "--help":
                print(Self.usage)
                exit(0)
            default: throw .usage("unknown argument '\(arg)'")
            }
            i += 1
        }
        if out == nil { throw .usage("--out is required") }
    }

    func run() throws -> CorpusGenerator.Summary {
        let resources = Resources.locate() ?? Resources()
        var paths = sources
        if paths.isEmpty, let data = DataDirectory.locate() { paths = [data + "/articles"] }
        guard !paths.isEmpty else { throw Failure.noSource }
        let pool = SentencePool.load(paths: paths, lexicon: resources.lexicon)
        let generator = CorpusGenerator(pool: pool, seed: seed)
        return try generator.write(count: articles, to: out ?? ".")
    }
}

do {
    let command = try GenerateCorpus(arguments: Array(CommandLine.arguments.dropFirst()))
    let start = Date()
    let s = try command.run()
    let seconds = Date().timeIntervalSince(start)
    print(
        "wrote \(s.articles) articles, \(s.bytes) bytes, \(s.quotedSentences) quoted sentences "
            + "(seed \(s.seed), source \(s.sourceSentences) sentences, digest \(s.sourceDigest)) in "
            + String(format: "%.1f s", seconds))
} catch {
    FileHandle.standardError.write(Data("generate-corpus: \(error)\n".utf8))
    exit(1)
}
