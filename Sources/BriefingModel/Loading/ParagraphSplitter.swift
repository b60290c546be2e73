import Foundation

/// Splits an article body into paragraphs.
///
/// Blank lines separate paragraphs and hard-wrapped lines are joined with a space. A body with
/// no blank line at all (one paragraph per line, as scraped text often is) gets one paragraph per line.
enum ParagraphSplitter {
    static func split(_ body: Substring, firstLine: Int) -> [Paragraph] {
        if let result = body.utf8.withContiguousStorageIfAvailable({
            split(bytes: $0, body: body, firstLine: firstLine)
        }) {
            return result
        }
        // A string of its own is contiguous.
        return split(String(body)[...], firstLine: firstLine)
    }

    /// The same on the body's UTF-8 bytes: one pass to find lines, trimmed by byte ranges, one string built for all
    /// the paragraphs.
    private static func split(bytes b: UnsafeBufferPointer<UInt8>, body: Substring, firstLine: Int) -> [Paragraph] {
        // Each line as the byte range of its trimmed text (a final "\r" dropped first), with its line number.
        var lines: [(range: Range<Int>, line: Int)] = []
        var lineNo = firstLine
        var hasBlank = false
        var sawText = false
        var pendingBlank = false
        var start = 0
        let n = b.count
        while true {
            var end = n
            if start < n, let base = b.baseAddress, let nl = memchr(base + start, 0x0A, n - start) {
                end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(nl))
            }
            var lineEnd = end
            if lineEnd > start, b[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let trimmed = trim(b, start..<lineEnd)
            if trimmed.isEmpty {
                if sawText { pendingBlank = true }
            } else {
                if pendingBlank { hasBlank = true }
                pendingBlank = false
                sawText = true
            }
            lines.append((trimmed, lineNo))
            lineNo += 1
            if end >= n { break }
            start = end + 1
        }
        // Each paragraph as a run of lines (`lines` indices), laid out at the end in one string.
        var runs: [Range<Int>] = []
        if !hasBlank {
            runs.reserveCapacity(lines.reduce(0) { $0 + ($1.range.isEmpty ? 0 : 1) })
            for (k, l) in lines.enumerated() where !l.range.isEmpty { runs.append(k..<(k + 1)) }
            return paragraphs(b, body: body, lines: lines, runs: runs)
        }
        var current: Range<Int>?
        func flush() {
            if let run = current {
                runs.append(run)
                current = nil
            }
        }
        for (k, l) in lines.enumerated() {
            let r = l.range
            if r.isEmpty {
                flush()
                continue
            }
            // A Markdown heading stands alone.
            if b[r.lowerBound] == 0x23, isHeading(text(b, [r])) {
                flush()
                runs.append(k..<(k + 1))
                continue
            }
            current = (current?.lowerBound ?? k)..<(k + 1)
        }
        flush()
        return paragraphs(b, body: body, lines: lines, runs: runs)
    }

    /// The paragraphs made of `runs` of `lines`, sharing one string with no room to spare (as `Paragraph.sharing`
    /// lays them out); one string each for a lone paragraph or 2 GB of text.
    private static func paragraphs(
        _ b: UnsafeBufferPointer<UInt8>, body: Substring, lines: [(range: Range<Int>, line: Int)], runs: [Range<Int>]
    ) -> [Paragraph] {
        func own() -> [Paragraph] {
            runs.map { Paragraph(text: text(b, lines[$0].map(\.range)), line: lines[$0.lowerBound].line) }
        }
        let lengths = runs.map { run in lines[run].reduce(run.count - 1) { $0 + $1.range.count } }
        let total = lengths.reduce(0, +)
        guard runs.count > 1, total < Int(Int32.max) else { return own() }
        // Appended as slices of the body, a string already: its bytes are not checked again as UTF-8 (a line with
        // control bytes, rare, is built on its own).
        var joined = ""
        joined.reserveCapacity(total)
        let utf8 = body.utf8
        for run in runs {
            for k in run {
                if k > run.lowerBound { joined.append(" ") }
                let r = lines[k].range
                if hasControl(b, r) {
                    joined.append(text(b, [r]))
                } else {
                    let from = utf8.index(utf8.startIndex, offsetBy: r.lowerBound)
                    joined.append(contentsOf: Substring(utf8[from..<utf8.index(from, offsetBy: r.count)]))
                }
            }
        }
        // The lines are cut between scalars, so the lengths add up; were they not, the offsets would not hold.
        guard joined.utf8.count == total else { return own() }
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(runs.count)
        var o = 0
        for (run, n) in zip(runs, lengths) {
            paragraphs.append(Paragraph(base: joined, start: o, end: o + n, line: lines[run.lowerBound].line))
            o += n
        }
        return paragraphs
    }

    /// The byte range of `r` without leading and trailing white space (as `TextScan.trimmingSpaces`).
    static func trim(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi {
            let c = b[lo]
            if c == 0x20 || c == 0x09 {
                lo += 1
            } else if c >= 0x80, let (s, len) = scalar(b, at: lo, limit: hi), TextScan.isSpace(s) {
                lo += len
            } else {
                break
            }
        }
        while hi > lo {
            let c = b[hi - 1]
            if c == 0x20 || c == 0x09 {
                hi -= 1
                continue
            }
            guard c >= 0x80 else { break }
            // The first byte of the last scalar.
            var s0 = hi - 1
            while s0 > lo, b[s0] & 0xC0 == 0x80 { s0 -= 1 }
            guard let (s, len) = scalar(b, at: s0, limit: hi), s0 + len == hi, TextScan.isSpace(s) else { break }
            hi = s0
        }
        return lo..<hi
    }

    /// The scalar of valid UTF-8 starting at `i` and its length in bytes.
    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int, limit: Int) -> (Unicode.Scalar, Int)? {
        let c = UInt32(b[i])
        let len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
        guard i + len <= limit else { return nil }
        var v = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07
        for k in 1..<len { v = v << 6 | UInt32(b[i + k] & 0x3F) }
        return Unicode.Scalar(v).map { ($0, len) }
    }

    /// The lines `ranges` of `b` joined with one space, control characters (bytes below 0x20) made spaces.
    private static func text(_ b: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> String {
        var count = max(0, ranges.count - 1)
        for r in ranges { count += r.count }
        return String(unsafeUninitializedCapacity: count) { out in
            var o = 0
            for (k, r) in ranges.enumerated() {
                if k > 0 {
                    out[o] = 0x20
                    o += 1
                }
                guard let from = b.baseAddress, let to = out.baseAddress else { continue }
                // Copied whole, then control bytes (rare) made spaces in place.
                (to + o).update(from: from + r.lowerBound, count: r.count)
                if hasControl(b, r) {
                    for i in o..<(o + r.count) where out[i] < 0x20 { out[i] = 0x20 }
                }
                o += r.count
            }
            return o
        }
    }

    /// True when a byte of `b[r]` is below 0x20; eight bytes at a time.
    private static func hasControl(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= r.upperBound {
                // Bytes below 0x20 borrow in `w - 0x2020…`; `& ~w` keeps only bytes below 0x80 (the classic
                // has-less-than test).
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080 != 0 { return true }
                i += 8
            }
        }
        while i < r.upperBound {
            if b[i] < 0x20 { return true }
            i += 1
        }
        return false
    }

    /// A Markdown ATX heading: one to six `#` followed by a space or the end of the line.
    static func isHeading(_ text: String) -> Bool {
        let hashes = text.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return false }
        let rest = text.dropFirst(hashes)
        return rest.isEmpty || rest.first == " "
    }

    /// The text of a Markdown heading without its opening and closing `#` marks.
    static func headingText(_ text: String) -> String {
        var rest = Substring(text).drop(while: { $0 == "#" })
        rest = rest.drop(while: { $0 == " " })
        // A closing sequence of `#` counts only after a space ("# Title ##").
        let trimmedEnd = rest.reversed().drop(while: { $0 == "#" })
        if trimmedEnd.count < rest.count, trimmedEnd.first == " " || trimmedEnd.isEmpty {
            rest = rest.prefix(trimmedEnd.count)
        }
        return rest.trimmingCharacters(in: .whitespaces)
    }
}
