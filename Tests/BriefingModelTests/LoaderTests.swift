import Foundation
import Testing

@testable import BriefingModel

/// Every input kind the loader reads, in temp folders made by each test.
@Suite(.timeLimit(.minutes(3))) struct LoaderTests {
    let loader = CorpusLoader()

    // MARK: - Plain text and paragraphs

    @Test func pathExtensionsAreReadFromTheLastComponentOnly() {
        let cases: [(path: String, ext: String, stem: String)] = [
            ("a/b.TXT", "txt", "a/b"), ("x.tar.gz", "gz", "x.tar"), (".hidden", "", ".hidden"),
            ("dir.d/file", "", "dir.d/file"), ("dir.d/.rc", "", "dir.d/.rc"), ("dir/", "", "dir/"),
            ("naïve/über.Md", "md", "naïve/über"), ("a/b.", "", "a/b"), ("noext", "", "noext"),
        ]
        for c in cases {
            #expect(FolderWalker.pathExtension(c.path) == c.ext, "\(c.path)")
            #expect(FolderWalker.removingExtension(c.path) == c.stem, "\(c.path)")
        }
    }

    @Test func blankLinesSeparateParagraphsAndWrappedLinesAreJoined() throws {
        let dir = try TempFolder()
        let path = try dir.write(
            "plain.txt",
            "Talks opened in the morning and ran\nlate into the evening.\n\n\nA second paragraph   \n  follows here.\n")
        let result = loader.load(paths: [path])
        let article = try #require(result.articles.first)
        #expect(result.warnings.isEmpty)
        #expect(
            article.paragraphs == [
                Paragraph(text: "Talks opened in the morning and ran late into the evening.", line: 1),
                Paragraph(text: "A second paragraph follows here.", line: 5),
            ])
        #expect(article.date == nil)
        #expect(article.path == path)
    }

    @Test func aFileWithoutBlankLinesHasOneParagraphPerLine() throws {
        let dir = try TempFolder()
        let path = try dir.write("lines.txt", "First line.\nSecond line.\n\tThird line.\n")
        let article = try #require(loader.load(paths: [path]).articles.first)
        #expect(article.paragraphs.map(\.text) == ["First line.", "Second line.", "Third line."])
        #expect(article.paragraphs.map(\.line) == [1, 2, 3])
    }

    @Test func leadingAndTrailingBlankLinesDoNotMakeParagraphBreaks() throws {
        let dir = try TempFolder()
        let path = try dir.write("edges.txt", "\n\nOne line.\nAnother line.\n\n\n")
        let article = try #require(loader.load(paths: [path]).articles.first)
        #expect(article.paragraphs.map(\.line) == [3, 4])
    }

    @Test func windowsAndOldMacLineEndsSplitLines() throws {
        let dir = try TempFolder()
        let crlf = try dir.write("crlf.txt", "---\r\ntitle: CRLF\r\n---\r\n\r\nOne\r\ntwo.\r\n\r\nThree.\r\n")
        let cr = try dir.write("cr.txt", "Alpha.\rBeta.\r")
        let result = loader.load(paths: [crlf, cr])
        #expect(result.warnings.isEmpty)
        let a = try #require(result.articles.first)
        #expect(a.title == "CRLF")
        #expect(a.paragraphs == [Paragraph(text: "One two.", line: 5), Paragraph(text: "Three.", line: 8)])
        #expect(result.articles.last?.paragraphs.map(\.text) == ["Alpha.", "Beta."])
    }

    @Test func controlCharactersInsideLinesBecomeSpaces() throws {
        let article = try #require(loader.load(text: "A\u{0B}B and\u{0C}C.", path: "x.txt").articles.first)
        #expect(article.paragraphs.map(\.text) == ["A B and C."])
    }

    // MARK: - Titles

    @Test func aMarkdownHeadingOnTheFirstLineIsTheTitle() throws {
        let dir = try TempFolder()
        let md = try dir.write(
            "a.md", "# Summit ends early ##\n\nNo agreement was signed.\n\n## Reaction\n\nMarkets moved.\n")
        let article = try #require(loader.load(paths: [md]).articles.first)
        #expect(article.title == "Summit ends early")
        #expect(article.paragraphs.map(\.text) == ["No agreement was signed.", "## Reaction", "Markets moved."])
        #expect(article.paragraphs.first?.line == 3)
    }

    @Test func hashtagsAreNotHeadings() throws {
        let article = try #require(loader.load(text: "#trending now.\n\nBody.", path: "t.txt").articles.first)
        #expect(article.title == "#trending now.")
        #expect(article.paragraphs.count == 2)
    }

    @Test func withoutHeadingTheTitleIsTheFirstSentence() throws {
        let article = try #require(
            loader.load(text: "Mr. Lee met U.S. officials on Monday. They talked for hours.", path: "s.txt").articles
                .first)
        #expect(article.title == "Mr. Lee met U.S. officials on Monday.")
        let question = try #require(loader.load(text: "Why now? Nobody said.", path: "q.txt").articles.first)
        #expect(question.title == "Why now?")
        let quoted = try #require(
            loader.load(text: "\"We are ready to talk.\" That was all.", path: "q2.txt").articles.first)
        #expect(quoted.title == "\"We are ready to talk.\"")
    }

    @Test func aLongFirstSentenceIsCutAtAWordWithAnEllipsis() throws {
        let words = Array(repeating: "negotiation", count: 30).joined(separator: " ")
        let article = try #require(loader.load(text: words + ".", path: "long.txt").articles.first)
        #expect(article.title.count <= TitleGuesser.limit)
        #expect(article.title.hasSuffix("…"))
        #expect(article.title.dropLast().hasSuffix("negotiation"))
    }

    @Test func anArticleWithOnlyAHeadingIsKeptAndReported() throws {
        let dir = try TempFolder()
        let path = try dir.write("only-heading.md", "# Just a heading\n")
        let result = loader.load(paths: [path])
        #expect(result.articles.first?.title == "Just a heading")
        #expect(result.articles.first?.paragraphs.isEmpty == true)
        #expect(result.warnings.map(\.description) == ["\(path):1: article has no body text"])
    }

    // MARK: - Front matter

    @Test func frontMatterGivesEveryField() throws {
        let dir = try TempFolder()
        let path = try dir.write(
            "fm.md",
            """
            ---
            title: "Talks: day two"
            date: 2019-02-28
            source: Example Wire
            url: https://example.org/story
            author: A. Writer
            tags: [summit, talks]
            extra: ignored
            ---
            # A heading that is not the title

            Body text.
            """)
        let result = loader.load(paths: [path])
        #expect(result.warnings.isEmpty)
        let a = try #require(result.articles.first)
        #expect(a.title == "Talks: day two")
        #expect(a.date == Day(year: 2019, month: 2, day: 28))
        #expect(a.source == "Example Wire")
        #expect(a.url == "https://example.org/story")
        #expect(a.author == "A. Writer")
        #expect(a.tags == ["summit", "talks"])
        #expect(a.paragraphs == [Paragraph(text: "Body text.", line: 12)])
    }

    @Test func frontMatterAcceptsISOTimestampsCommaTagsAndDotsFence() throws {
        let text = "---\ndate: 2018-06-12T09:00:00+08:00\ntags: one, two ,three\n...\nBody here.\n"
        let result = loader.load(text: text, path: "iso.md")
        #expect(result.warnings.isEmpty)
        let a = try #require(result.articles.first)
        #expect(a.date?.description == "2018-06-12")
        #expect(a.tags == ["one", "two", "three"])
        #expect(a.title == "Body here.")
        #expect(a.paragraphs.first?.line == 5)
    }

    @Test func defaultDateFillsOnlyMissingDates() throws {
        let dir = try TempFolder()
        let dated = try dir.write("dated.md", "---\ndate: 2019-02-27\n---\nText.\n")
        let undated = try dir.write("undated.txt", "Text.\n")
        let options = LoadOptions(defaultDate: Day(year: 2019, month: 1, day: 1))
        let result = CorpusLoader(options: options).load(paths: [dated, undated])
        #expect(result.articles.map { $0.date?.description } == ["2019-02-27", "2019-01-01"])
        #expect(loader.load(paths: [undated]).articles.first?.date == nil)
    }

    @Test func anEmptyFrontMatterIsAccepted() throws {
        let result = loader.load(text: "---\n---\nBody.\n", path: "e.md")
        #expect(result.warnings.isEmpty)
        #expect(result.articles.first?.paragraphs == [Paragraph(text: "Body.", line: 3)])
    }

    // MARK: - JSON Lines

    @Test func jsonlGivesOneArticlePerLine() throws {
        let dir = try TempFolder()
        let path = try dir.write(
            "feed.jsonl",
            """
            {"title": "First", "date": "2019-06-30", "source": "Wire", "url": "https://example.org/1", "author": "B", "tags": ["x"], "text": "Para one.\\n\\nPara two."}

            {"body": "Only a body. And more.", "date": "2019-06-30T10:00:00Z"}
            """)
        let result = loader.load(paths: [path])
        #expect(result.warnings.isEmpty)
        #expect(result.articles.count == 2)
        let first = try #require(result.articles.first)
        #expect(first.id == "feed/1")
        #expect(first.path == path + ":1")
        #expect(first.title == "First")
        #expect(first.source == "Wire")
        #expect(first.url == "https://example.org/1")
        #expect(first.author == "B")
        #expect(first.tags == ["x"])
        #expect(first.paragraphs == [Paragraph(text: "Para one.", line: 1), Paragraph(text: "Para two.", line: 1)])
        let second = try #require(result.articles.last)
        #expect(second.id == "feed/3")
        #expect(second.title == "Only a body.")
        #expect(second.date?.description == "2019-06-30")
        #expect(second.paragraphs.map(\.line) == [3])
    }

    @Test func jsonlArticlesMayCarryTheirOwnIds() throws {
        let text = "{\"id\": \"a b/c\", \"text\": \"x\"}\n{\"id\": 7, \"text\": \"y\"}\n"
        let result = loader.load(bytes: Array(text.utf8), path: "dir/f.jsonl")
        #expect(result.articles.map(\.id) == ["f/a-b-c", "f/7"])
    }

    // MARK: - Files and folders

    @Test func foldersAreWalkedRecursivelyInSortedOrderSkippingOthers() throws {
        let dir = try TempFolder()
        try dir.write("b.txt", "B.")
        try dir.write("a.md", "A.")
        try dir.write("sub/c.markdown", "C.")
        try dir.write("sub/deeper/d.TXT", "D.")
        try dir.write("sub/e.jsonl", "{\"text\": \"E.\"}")
        try dir.write(".hidden.txt", "hidden")
        try dir.write(".git/config.txt", "hidden folder")
        try dir.write("notes.html", "<p>other extension</p>")
        try dir.write("noext", "no extension")
        let result = loader.load(paths: [dir.path])
        #expect(result.warnings.isEmpty)
        #expect(result.articles.map(\.id) == ["a", "b", "sub/c", "sub/deeper/d", "sub/e/1"])
        #expect(result.articles.map { $0.paragraphs.first?.text } == ["A.", "B.", "C.", "D.", "E."])
        #expect(
            Set(result.skipped)
                == Set([".hidden.txt", ".git", "notes.html", "noext"].map { dir.path + "/" + $0 }))
    }

    @Test func filesAndFoldersMayBeMixedAndNamedFilesAreReadWhateverTheirExtension() throws {
        let dir = try TempFolder()
        try dir.write("corpus/one.txt", "One.")
        let loose = try dir.write("loose.text", "Loose.")
        let result = loader.load(paths: [loose, dir.path + "/corpus/"])
        #expect(result.warnings.isEmpty)
        #expect(result.articles.map(\.id) == ["loose", "one"])
    }

    @Test func idsAreStableAndUniqueWhenNamesRepeat() throws {
        let dir = try TempFolder()
        let first = try dir.write("x/story.txt", "First.")
        let second = try dir.write("y/story.txt", "Second.")
        try dir.write("x/story.md", "Third.")
        try dir.write("x/story-2.txt", "Fourth.")
        let named = loader.load(paths: [first, second])
        #expect(named.articles.map(\.id) == ["story", "story-2"])
        let walked = loader.load(paths: [dir.path + "/x", dir.path + "/y"])
        let ids = walked.articles.map(\.id)
        #expect(ids == ["story-2", "story", "story-3", "story-4"])
        #expect(Set(ids).count == ids.count)
        #expect(loader.load(paths: [dir.path + "/x", dir.path + "/y"]).articles.map(\.id) == ids)
        #expect(loader.load(paths: [dir.path]).articles.map(\.id) == ["x/story-2", "x/story", "x/story-3", "y/story"])
    }

    @Test func aFileReachedTwiceIsReadOnce() throws {
        let dir = try TempFolder()
        let path = try dir.write("c/one.txt", "One.")
        try dir.symlink("c/alias.txt", to: path)
        let result = loader.load(paths: [dir.path + "/c", path])
        #expect(result.articles.count == 1)
        #expect(result.warnings.count == 2)
        #expect(result.warnings.allSatisfy { $0.message.hasPrefix("same file as ") })
    }

    /// A file listed in a folder reached through a link is known by its canonical path without asking for it.
    @Test func aFileInALinkedFolderAndNamedDirectlyIsReadOnce() throws {
        let dir = try TempFolder()
        let path = try dir.write("c/one.txt", "One.")
        try dir.symlink("link", to: dir.path + "/c")
        let result = loader.load(paths: [dir.path + "/link", path])
        #expect(result.articles.map(\.path) == [dir.path + "/link/one.txt"])
        #expect(result.warnings.map(\.description) == ["\(path): same file as \(dir.path)/link/one.txt; read once"])
    }

    @Test func aMissingPathIsReportedAndTheRestLoads() throws {
        let dir = try TempFolder()
        let good = try dir.write(GoodArticle.name, GoodArticle.text)
        let result = loader.load(paths: [dir.path + "/nope.txt", good])
        #expect(result.warnings.map(\.description) == ["\(dir.path)/nope.txt: no such file or folder"])
        #expect(GoodArticle.isLoaded(in: result))
    }

    @Test func aNamedPipeIsRefusedWithoutBlocking() throws {
        let dir = try TempFolder()
        let fifo = dir.path + "/pipe.txt"
        #expect(mkfifo(fifo, 0o644) == 0)
        try dir.write(GoodArticle.name, GoodArticle.text)
        let result = loader.load(paths: [dir.path])
        #expect(
            LoadCheck.warnings(result, about: "/pipe.txt").map(\.message) == [
                "not a regular file (a named pipe); not read"
            ])
        #expect(GoodArticle.isLoaded(in: result))
    }

    @Test func filesOverTheSizeLimitAreReported() throws {
        let dir = try TempFolder()
        let big = try dir.write("big.txt", String(repeating: "word ", count: 100))
        let result = CorpusLoader(options: LoadOptions(maxFileBytes: 100)).load(paths: [big])
        #expect(result.articles.isEmpty)
        #expect(
            result.warnings.map(\.description) == ["\(big):1: file is 500 bytes, over the 100-byte limit; not read"])
    }

    @Test func inMemoryBytesLoadLikeAFile() {
        let plain = loader.load(bytes: Array("Hello there. More.".utf8), path: "mem.txt")
        #expect(plain.articles.first?.title == "Hello there.")
        let binary = loader.load(bytes: [0, 1, 2, 3], path: "mem.txt")
        #expect(binary.articles.isEmpty)
        #expect(binary.warnings.map(\.line) == [1])
    }
}
