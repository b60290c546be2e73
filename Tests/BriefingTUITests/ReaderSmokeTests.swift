import Testing

@testable import BriefingTUI

@Suite struct ReaderPlaceholderTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}
