import Foundation
import Testing

@testable import BriefingModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Each bad input of issue 9, next to a good article: a clear `path:line: message` warning, the good article
/// still loaded, and the whole pipeline run over the result without a crash.
/// The time limit only turns a hang into a failure (generous for sanitizer builds); no speed is asserted.
@Suite(.timeLimit(.minutes(10))) struct BadInputTests {
    /// Copies committed fixtures (paths relative to `Tests/Fixtures/bad`) next to the good article,
    /// loads the folder and runs the pipeline over it.
    func loadFixtures(_ names: [String], options: LoadOptions = LoadOptions()) async throws -> (LoadResult, TempFolder)
    {
        let dir = try TempFolder("bad-input")
        try dir.write(GoodArticle.name, GoodArticle.text)
        for name in names {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Checkout.badFixtures + "/" + name))
            try dir.write(name, bytes: Array(bytes))
        }
        let result = CorpusLoader(options: options).load(paths: [dir.path])
        #expect(GoodArticle.isLoaded(in: result))
        await LoadCheck.throughPipeline(result)
        return (result, dir)
    }

    /// Loads a temp folder that already holds the good article and whatever the test wrote, then runs the pipeline.
    func loadFolder(_ dir: TempFolder, parallel: Bool = true) async -> LoadResult {
        let result = CorpusLoader().load(paths: [dir.path])
        #expect(GoodArticle.isLoaded(in: result))
        await LoadCheck.throughPipeline(result, parallel: parallel)
        return result
    }

    // MARK: - Encodings and file kinds

    @Test func invalidUTF8IsRepairedAndReportedOnItsLine() async throws {
        let (result, dir) = try await loadFixtures(["invalid-utf8.txt"])
        #expect(
            LoadCheck.warnings(result, about: "invalid-utf8.txt").map(\.description) == [
                "\(dir.path)/invalid-utf8.txt:3: invalid UTF-8 (3 bad byte sequences); replaced with U+FFFD"
            ])
        let article = try #require(result.articles.first { $0.path.hasSuffix("invalid-utf8.txt") })
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[1].text.contains("\u{FFFD}"))
        #expect(article.paragraphs[2].text == "A later paragraph is intact.")
    }

    @Test func utf16WithAByteOrderMarkIsDecodedAndReported() async throws {
        let (result, dir) = try await loadFixtures(["utf16-bom.txt"])
        #expect(
            LoadCheck.warnings(result, about: "utf16-bom.txt").map(\.description) == [
                "\(dir.path)/utf16-bom.txt:1: decoded as UTF-16 (little-endian, with a byte order mark); save as UTF-8"
            ])
        let article = try #require(result.articles.first { $0.path.hasSuffix("utf16-bom.txt") })
        #expect(article.title == "A note saved as UTF-16")
        #expect(article.paragraphs.map(\.line) == [3, 5])
    }

    @Test func bigEndianUTF16AndUTF32AreDecodedToo() async throws {
        let dir = try TempFolder("bad-input")
        try dir.write(GoodArticle.name, GoodArticle.text)
        let text = "Plain words here."
        try dir.write("be16.txt", bytes: [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        try dir.write(
            "le32.txt",
            bytes: [0xFF, 0xFE, 0, 0]
                + text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } })
        try dir.write("odd16.txt", bytes: [0xFF, 0xFE, 0x41, 0x00, 0x42])
        let result = await loadFolder(dir)
        for name in ["be16.txt", "le32.txt"] {
            #expect(result.articles.first { $0.path.hasSuffix(name) }?.paragraphs.first?.text == text)
        }
        #expect(LoadCheck.warnings(result, about: "be16.txt").first?.line == 1)
        #expect(LoadCheck.warnings(result, about: "le32.txt").first?.message.hasPrefix("decoded as UTF-32") == true)
        #expect(
            LoadCheck.warnings(result, about: "odd16.txt").map(\.message).contains {
                $0.contains("odd number of bytes")
            })
    }

    @Test func aBinaryFileIsReportedAndNotRead() async throws {
        let (result, dir) = try await loadFixtures(["binary.txt"])
        #expect(
            LoadCheck.warnings(result, about: "binary.txt").map(\.description) == [
                "\(dir.path)/binary.txt:1: binary file (contains NUL or control bytes); not read"
            ])
        #expect(!result.articles.contains { $0.path.hasSuffix("binary.txt") })
    }

    @Test func emptyAndWhitespaceOnlyFilesAreReported() async throws {
        let (result, dir) = try await loadFixtures(["empty.txt", "whitespace-only.md"])
        #expect(
            LoadCheck.warnings(result, about: "empty.txt").map(\.description) == ["\(dir.path)/empty.txt:1: empty file"]
        )
        #expect(
            LoadCheck.warnings(result, about: "whitespace-only.md").map(\.description) == [
                "\(dir.path)/whitespace-only.md:1: file holds only white space"
            ])
        #expect(result.articles.count == 1)
    }

    @Test func emptyJSONLIsReported() async throws {
        let dir = try TempFolder("bad-input")
        try dir.write(GoodArticle.name, GoodArticle.text)
        try dir.write("none.jsonl", "\n  \n")
        let result = await loadFolder(dir)
        #expect(LoadCheck.warnings(result, about: "none.jsonl").map(\.message) == ["file holds only white space"])
    }

    @Test func malformedJSONLinesAreReportedAndTheOthersLoad() async throws {
        let (result, dir) = try await loadFixtures(["malformed.jsonl"])
        let path = dir.path + "/malformed.jsonl"
        #expect(
            LoadCheck.warnings(result, about: "malformed.jsonl").map(\.description) == [
                "\(path):2: line is not valid JSON; skipped",
                "\(path):3: line is not a JSON object; skipped",
                "\(path):4: article has no 'text' or 'body'; skipped",
                "\(path):5: date '2019-13-45' is not a date (YYYY-MM-DD or ISO 8601)",
                "\(path):5: 'title' should be a string; ignored",
            ])
        let loaded = result.articles.filter { $0.path.hasPrefix(path) }
        #expect(loaded.map(\.path) == [path + ":1", path + ":5", path + ":7"])
        #expect(loaded.map { $0.date?.description } == ["2019-06-12", nil, "2019-06-12"])
        #expect(loaded[1].title == "Body with a bad date and a number title.")
    }

    @Test func aFiveMegabyteLineLoadsAsOneParagraph() async throws {
        let dir = try TempFolder("bad-input")
        try dir.write(GoodArticle.name, GoodArticle.text)
        let sentence = "The talks went on and on without a pause. "
        let line = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count + 1)
        try dir.write("huge-line.txt", line + "\n")
        // The extraction stages take tens of seconds on 5 MB in a debug build: one pipeline run is enough.
        let result = await loadFolder(dir, parallel: false)
        let article = try #require(result.articles.first { $0.path.hasSuffix("huge-line.txt") })
        #expect(article.paragraphs.count == 1)
        #expect(article.paragraphs[0].text.utf8.count >= 5_000_000 - 1)
        #expect(article.title == "The talks went on and on without a pause.")
        #expect(LoadCheck.warnings(result, about: "huge-line.txt").isEmpty)
    }

    // MARK: - Quotation marks

    @Test func tenThousandQuotationMarksLoadIntact() async throws {
        let (result, _) = try await loadFixtures(["quotes-10000.txt"])
        let article = try #require(result.articles.first { $0.path.hasSuffix("quotes-10000.txt") })
        #expect(article.paragraphs.map(\.text) == [String(repeating: "\"", count: 10_000)])
        #expect(article.title.count <= TitleGuesser.limit)
        #expect(LoadCheck.warnings(result, about: "quotes-10000.txt").isEmpty)
    }

    @Test(arguments: ["quotes-unbalanced.txt", "quotes-nested.txt", "quotes-mismatched.txt"])
    func oddQuotationMarksLoadIntact(name: String) async throws {
        let (result, _) = try await loadFixtures([name])
        let article = try #require(result.articles.first { $0.path.hasSuffix(name) })
        let source = try String(contentsOfFile: Checkout.badFixtures + "/" + name, encoding: .utf8)
        let expected = source.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        #expect(article.paragraphs.map(\.text) == expected)
        #expect(LoadCheck.warnings(result, about: name).isEmpty)
    }

    // MARK: - Front matter

    @Test func unterminatedFrontMatterIsReportedAndReadAsBody() async throws {
        let (result, dir) = try await loadFixtures(["frontmatter-unterminated.md"])
        #expect(
            LoadCheck.warnings(result, about: "frontmatter-unterminated.md").map(\.description) == [
                "\(dir.path)/frontmatter-unterminated.md:1: front matter opened with '---' is never closed; read as body text"
            ])
        let article = try #require(result.articles.first { $0.path.hasSuffix("frontmatter-unterminated.md") })
        #expect(article.date == nil)
        #expect(article.paragraphs.last?.text == "The summit began on Wednesday evening.")
    }

    @Test func invalidYAMLIsReportedWithItsLine() async throws {
        let (result, dir) = try await loadFixtures(["frontmatter-invalid-yaml.md"])
        let warnings = LoadCheck.warnings(result, about: "frontmatter-invalid-yaml.md")
        #expect(warnings.count == 1)
        let w = try #require(warnings.first)
        #expect(w.path == dir.path + "/frontmatter-invalid-yaml.md")
        #expect((4...6).contains(w.line))
        #expect(w.message.hasPrefix("front matter is not valid YAML: "))
        let article = try #require(result.articles.first { $0.path == w.path })
        #expect(article.paragraphs.map(\.text) == ["The second day ended early."])
        #expect(article.paragraphs.first?.line == 8)
    }

    @Test func wrongTypesInFrontMatterAreReportedPerKey() async throws {
        let (result, dir) = try await loadFixtures(["frontmatter-wrong-types.md"])
        let path = dir.path + "/frontmatter-wrong-types.md"
        #expect(
            Set(LoadCheck.warnings(result, about: "frontmatter-wrong-types.md").map(\.description)) == [
                "\(path):2: front matter 'title' should be text, not a list",
                "\(path):5: front matter 'date' should be text, not a mapping",
                "\(path):7: front matter 'source' should be text, not a mapping",
            ])
        let article = try #require(result.articles.first { $0.path == path })
        #expect(article.title == "The body of an article whose metadata has the wrong shapes.")
        #expect(article.tags == ["7"])
    }

    @Test func anImpossibleDateIsReportedAndTheArticleKept() async throws {
        let (result, dir) = try await loadFixtures(["frontmatter-bad-date.md"])
        let path = dir.path + "/frontmatter-bad-date.md"
        #expect(
            LoadCheck.warnings(result, about: "frontmatter-bad-date.md").map(\.description) == [
                "\(path):3: front matter date '2019-13-45' is not a date (YYYY-MM-DD or ISO 8601)"
            ])
        let article = try #require(result.articles.first { $0.path == path })
        #expect(article.date == nil)
        #expect(article.source == "Example Wire")
    }

    @Test func anImpossibleDateFallsBackToTheDefaultDate() async throws {
        let options = LoadOptions(defaultDate: Day(year: 2019, month: 1, day: 2))
        let (result, _) = try await loadFixtures(["frontmatter-bad-date.md"], options: options)
        #expect(
            result.articles.first { $0.path.hasSuffix("frontmatter-bad-date.md") }?.date?.description == "2019-01-02")
    }

    @Test func frontMatterThatIsNotAMappingIsReported() async throws {
        let (result, dir) = try await loadFixtures(["frontmatter-not-mapping.md"])
        #expect(
            LoadCheck.warnings(result, about: "frontmatter-not-mapping.md").map(\.description) == [
                "\(dir.path)/frontmatter-not-mapping.md:2: front matter must be a mapping of keys to values"
            ])
    }

    @Test func deeplyNestedFrontMatterAndJSONAreRefusedWithoutRecursing() async throws {
        let dir = try TempFolder("bad-input")
        try dir.write(GoodArticle.name, GoodArticle.text)
        let flow = try dir.write("flow.md", "---\ntags: " + String(repeating: "[", count: 20_000) + "\n---\nBody.\n")
        let block = try dir.write("block.md", "---\n" + String(repeating: "- ", count: 20_000) + "x\n---\nBody.\n")
        let json = try dir.write(
            "deep.jsonl", "{\"text\": " + String(repeating: "[", count: 50_000) + "\n{\"text\": \"ok\"}\n")
        let shallow = try dir.write("shallow.md", "---\ntags: [[[a]]]\n---\nBody.\n")
        let result = await loadFolder(dir)
        for path in [flow, block] {
            #expect(
                LoadCheck.warnings(result, about: path).map(\.description) == [
                    "\(path):2: front matter nests deeper than \(NestingGuard.limit) levels; not read"
                ])
            #expect(result.articles.first { $0.path == path }?.paragraphs.map(\.text) == ["Body."])
        }
        #expect(
            LoadCheck.warnings(result, about: json).map(\.description) == [
                "\(json):1: line nests deeper than \(NestingGuard.limit) levels; skipped"
            ])
        #expect(result.articles.first { $0.path == json + ":2" }?.paragraphs.first?.text == "ok")
        #expect(LoadCheck.warnings(result, about: shallow).isEmpty)
    }

    @Test func frontMatterLongerThanTheLimitIsReadAsBody() async throws {
        let dir = try TempFolder("bad-input")
        try dir.write(GoodArticle.name, GoodArticle.text)
        let keys = (1...300).map { "key\($0): value" }.joined(separator: "\n")
        let path = try dir.write("long-fm.md", "---\n" + keys + "\n---\nBody.\n")
        let result = await loadFolder(dir)
        #expect(
            LoadCheck.warnings(result, about: path).map(\.description) == [
                "\(path):1: front matter opened with '---' is not closed within \(FrontMatter.maxLines) lines; read as body text"
            ])
        #expect(result.articles.contains { $0.path == path })
    }

    // MARK: - Ids, links, permissions, size

    @Test func duplicateIdsAreMadeUnique() async throws {
        let (result, _) = try await loadFixtures([
            "duplicate-ids/story.txt", "duplicate-ids/story.md", "duplicate-ids/stories.jsonl",
        ])
        let ids = result.articles.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(
            Set(ids)
                == [
                    "good", "duplicate-ids/story", "duplicate-ids/story-2", "duplicate-ids/stories/same",
                    "duplicate-ids/stories/same-2",
                ])
    }

    @Test func symbolicLinkLoopsAreReportedAndDoNotHang() async throws {
        let dir = try TempFolder("bad-input")
        try dir.write(GoodArticle.name, GoodArticle.text)
        try dir.folder("loop/inner")
        try dir.symlink("loop/inner/back", to: "..")
        try dir.symlink("self.txt", to: "self.txt")
        try dir.symlink("ping.txt", to: "pong.txt")
        try dir.symlink("pong.txt", to: "ping.txt")
        try dir.symlink("dangling.txt", to: "missing.txt")
        let result = await loadFolder(dir)
        #expect(
            LoadCheck.warnings(result, about: "/loop/inner/back").map(\.description) == [
                "\(dir.path)/loop/inner/back: folder already read (a symbolic link loop?); skipped"
            ])
        for name in ["self.txt", "ping.txt", "pong.txt"] {
            #expect(LoadCheck.warnings(result, about: "/" + name).map(\.message) == ["symbolic link loop; skipped"])
        }
        #expect(LoadCheck.warnings(result, about: "/dangling.txt").map(\.message) == ["broken symbolic link; skipped"])
        #expect(result.articles.count == 1)
    }

    @Test func anUnreadableFileNeverStopsTheLoad() async throws {
        let dir = try TempFolder("bad-input")
        try dir.write(GoodArticle.name, GoodArticle.text)
        let locked = try dir.write("locked.txt", "Secret text.")
        #expect(chmod(locked, 0) == 0)
        let result = await loadFolder(dir)
        // Root reads the file anyway; anyone else gets the warning.
        let loaded = result.articles.contains { $0.path == locked }
        let warned = LoadCheck.warnings(result, about: "locked.txt").map(\.description)
        #expect(loaded != (warned == ["\(locked):1: cannot open file: Permission denied"]))
    }

    @Test(
        .enabled(
            if: LoadCheck.permissionsAreEnforced,
            "running as root: chmod 000 does not stop root from reading, so no 'permission denied' warning can happen"))
    func anUnreadableFileIsReportedAsPermissionDenied() async throws {
        let dir = try TempFolder("bad-input")
        try dir.write(GoodArticle.name, GoodArticle.text)
        let locked = try dir.write("locked.txt", "Secret text.")
        #expect(chmod(locked, 0) == 0)
        let result = await loadFolder(dir)
        #expect(
            LoadCheck.warnings(result, about: "locked.txt").map(\.description) == [
                "\(locked):1: cannot open file: Permission denied"
            ])
        #expect(!result.articles.contains { $0.path == locked })
    }

    @Test(
        .enabled(
            if: LoadCheck.permissionsAreEnforced,
            "running as root: chmod 000 does not stop root from listing a folder"))
    func anUnreadableFolderIsReported() async throws {
        let dir = try TempFolder("bad-input")
        try dir.write(GoodArticle.name, GoodArticle.text)
        let locked = try dir.folder("locked")
        try dir.write("locked/inside.txt", "Inside.")
        #expect(chmod(locked, 0) == 0)
        let result = await loadFolder(dir)
        #expect(
            LoadCheck.warnings(result, about: "/locked").map(\.description) == [
                "\(locked): cannot read folder: Permission denied"
            ])
    }

    @Test func aFolderOfTenThousandTinyFilesLoadsEveryOne() async throws {
        let dir = try TempFolder("bad-input")
        try dir.write(GoodArticle.name, GoodArticle.text)
        let many = try dir.folder("many")
        for i in 0..<10_000 {
            let name = String(format: "%05d.txt", i)
            _ = FileManager.default.createFile(atPath: many + "/" + name, contents: Data("Note \(i).".utf8))
        }
        let result = await loadFolder(dir)
        #expect(result.warnings.isEmpty)
        #expect(result.articles.count == 10_001)
        #expect(result.articles.dropFirst().first?.id == "many/00000")
        #expect(result.articles.last?.paragraphs.first?.text == "Note 9999.")
    }

    // MARK: - The whole fixtures folder

    /// The committed fixtures loaded in place, all at once: every bad file reported, every readable one kept.
    @Test func theWholeFixturesFolderLoads() async throws {
        let result = CorpusLoader().load(paths: [Checkout.badFixtures])
        await LoadCheck.throughPipeline(result)
        let warned = Set(result.warnings.map { ($0.path as NSString).lastPathComponent })
        for name in [
            "invalid-utf8.txt", "utf16-bom.txt", "binary.txt", "empty.txt", "whitespace-only.md",
            "frontmatter-unterminated.md", "frontmatter-invalid-yaml.md", "frontmatter-wrong-types.md",
            "frontmatter-bad-date.md", "frontmatter-not-mapping.md", "malformed.jsonl",
        ] {
            #expect(warned.contains(name), "no warning for \(name)")
        }
        #expect(result.warnings.allSatisfy { $0.line >= 1 && $0.description.hasPrefix($0.path + ":\($0.line): ") })
        #expect(
            result.skipped.map { ($0 as NSString).lastPathComponent }.sorted() == [".gitattributes", "README.notes"])
        let ids = result.articles.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(result.articles.count == 19)
    }
}
