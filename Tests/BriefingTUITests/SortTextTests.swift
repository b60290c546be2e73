import Testing

@testable import BriefingTUI

/// The reader sorts speakers by name and id through `SortText`, which compares ASCII text by its bytes: the order
/// must be the one `String` gives.
@Suite struct SortTextTests {
    static let samples: [String] = [
        "", " ", "a", "A", "ab", "a b", "a-b", "a'b", "abc", "abd", "ab\u{0}", "ab\u{7F}", "b", "z", "Z", "~", "0",
        "kim jong un", "kim jong-un", "kim", "kim jong", "moon jae-in", "abcdefg", "abcdefgh", "abcdefghi",
        "abcdefgh\u{0}", "abcdefg\u{0}", "abcdefgi", "abcdefgha", "é", "e\u{301}", "ée", "zé", "z\u{301}",
        "中文", "a中", "😀", "\u{10FFFF}", "lee", "lee jae won", "lee min ho", "id-2", "id-10", "id",
    ]

    @Test func ordersAsStringDoes() {
        var pairs = 0
        for a in Self.samples {
            for b in Self.samples {
                let expected = a < b ? -1 : (a == b ? 0 : 1)
                #expect(SortText.compare(SortText(a), SortText(b)).signum() == expected, "\(a) against \(b)")
                pairs += 1
            }
        }
        #expect(pairs == Self.samples.count * Self.samples.count)
    }

    @Test func sortsLikeString() {
        var generator = SystemRandomNumberGenerator()
        // Long enough to pass the eight bytes compared as one number; few letters, so that many share them.
        let alphabet = Array("ab -'zAZ09~é")
        let strings = (0..<400).map { _ in
            String(
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator) ?? "a"
                })
        }
        let keys = strings.map(SortText.init)
        let sorted = strings.indices.sorted { SortText.compare(keys[$0], keys[$1]) < 0 }.map { strings[$0] }
        #expect(sorted == strings.sorted())
    }
}
