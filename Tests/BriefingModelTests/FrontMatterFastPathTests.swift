import Testing

@testable import BriefingModel

/// The front matter fast path reads exactly what the YAML library reads, or declines.
@Suite struct FrontMatterFastPathTests {
    /// Metadata and warnings from both paths, for lines of front matter starting on file line 2.
    private func both(_ yaml: String) -> (fast: (FrontMatter?, [String])?, library: (FrontMatter?, [String])) {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let fast = FrontMatterFastPath.parse(lines: lines, firstLine: 2).map { ($0.0, $0.1.map { "\($0.0): \($0.1)" }) }
        let library = FrontMatter.parse(yaml: yaml, firstLine: 2)
        return (fast, (library.0, library.1.map { "\($0.0): \($0.1)" }))
    }

    @Test(arguments: [
        "title: \"Talks: day two\"\ndate: 2019-02-28\nsource: Example Wire",
        "title: Kim's \"final\" offer\nurl: https://example.org/a?b=c",
        "title: 'Single quoted, with: colon'\nauthor: A. Writer",
        "date: 2019-13-45\ntitle: Bad date on the first line",
        "title: One\n\ndate: 2018-06-12T09:00:00+08:00",
        "tags: one, two ,three\nTitle: Capital key",
        "title: \"   \"\nsource: x",
        "title: Überraschung in Pjöngjang — “quoted” [1] {2}",
        "extra: ignored\ntitle: T",
        "title:   spaced out   ",
    ])
    func simpleFrontMatterReadsTheSameWithoutTheLibrary(_ yaml: String) throws {
        let (fast, library) = both(yaml)
        let f = try #require(fast)
        #expect(f.0 == library.0)
        #expect(f.1 == library.1)
    }

    @Test(arguments: [
        "tags: [summit, talks]",
        "title: a # comment",
        "title: \"escaped \\\" quote\"",
        "title: multi\n  line",
        "title: x\ntitle: y",
        "title: &a anchor",
        "title: *a",
        "title: - dash",
        "title: key: value",
        "title: ends with colon:",
        "title:",
        "title:\tTab",
        "  indented: key",
        "# only a comment",
        "",
        "title: 'it''s'",
        "title: |\n  block",
        "date: !!str 2019-01-01",
    ])
    func anythingElseGoesToTheLibrary(_ yaml: String) {
        #expect(both(yaml).fast == nil)
    }

    @Test func warningsCarryTheKeysFileLine() throws {
        let (fast, library) = both("title: T\nsource: S\ndate: 2019-13-45")
        let f = try #require(fast)
        #expect(f.1 == ["4: front matter date '2019-13-45' is not a date (YYYY-MM-DD or ISO 8601)"])
        #expect(library.1 == f.1)
    }
}

/// Paragraph splitting on UTF-8 bytes: white space of every kind trimmed, control characters made spaces.
@Suite struct ParagraphSplitterBytesTests {
    @Test func unicodeSpacesAreTrimmedAndControlsBecomeSpaces() {
        let body = "\u{3000}Text with ideographic space\u{00A0}\n\nNext\u{000B}line\r\n\u{2003}\n"
        let paragraphs = ParagraphSplitter.split(body[...], firstLine: 1)
        #expect(
            paragraphs == [
                Paragraph(text: "Text with ideographic space", line: 1), Paragraph(text: "Next line", line: 3),
            ])
    }

    @Test func headingsStandAloneAndWrappedLinesJoin() {
        let body = "# Title\nbody one\n  body two  \n\n#hashtag opens\nmore é\n"
        let paragraphs = ParagraphSplitter.split(body[...], firstLine: 4)
        #expect(
            paragraphs == [
                Paragraph(text: "# Title", line: 4), Paragraph(text: "body one body two", line: 5),
                Paragraph(text: "#hashtag opens more é", line: 8),
            ])
    }

    @Test func aSubstringInTheMiddleOfItsStringSplitsTheSame() throws {
        let text = "---\ntitle: x\n---\nOne \u{2019}line\u{2019}.\nTwo lines.\n"
        let start = try #require(text.firstIndex(of: "O"))
        let body = text[start...]
        #expect(ParagraphSplitter.split(body, firstLine: 4).map(\.text) == ["One \u{2019}line\u{2019}.", "Two lines."])
    }
}
