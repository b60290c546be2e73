/// The index's tokenizer: the words of `SearchText.tokenize` read from UTF-8 bytes, each folded into a reused
/// byte buffer instead of a `String`. Same rules, same words, same scalar offsets; words of ASCII letters and
/// digits (with ASCII or typographic apostrophes) fold byte by byte, others go through `SearchText.fold`.
struct WordScanner {
    private var current: [Unicode.Scalar] = []
    private var folded: [UInt8] = []

    init() {
        current.reserveCapacity(64)
        folded.reserveCapacity(64)
    }

    /// Calls `body` with each folded word of `text` (valid only during the call) and its scalar offsets.
    mutating func scan(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, Int32, Int32) -> Void) {
        var text = text
        text.withUTF8 { scan(utf8: $0, body) }
    }

    /// The same for a slice (a quote's text as the model keeps it), read in place.
    mutating func scan(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>, Int32, Int32) -> Void) {
        var text = text
        text.withUTF8 { scan(utf8: $0, body) }
    }

    private mutating func scan(
        utf8 u: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int32, Int32) -> Void
    ) {
        current.removeAll(keepingCapacity: true)
        var start = 0
        var offset = 0
        var pendingApostrophe: Unicode.Scalar?
        var i = 0
        let n = u.count
        while i < n {
            let b0 = u[i]
            let s: Unicode.Scalar
            if b0 < 0x80 {
                s = Unicode.Scalar(b0)
                i += 1
            } else {
                s = Self.decode(u, &i)
            }
            if SearchText.isWordScalar(s) {
                if current.isEmpty { start = offset }
                if let a = pendingApostrophe {
                    current.append(a)
                    pendingApostrophe = nil
                }
                current.append(s)
            } else if !current.isEmpty && SearchText.isMark(s) {
                current.append(s)
            } else if !current.isEmpty && pendingApostrophe == nil && SearchText.isApostrophe(s) {
                pendingApostrophe = s
            } else {
                if !current.isEmpty { flush(start, pendingApostrophe == nil ? offset : offset - 1, body) }
                pendingApostrophe = nil
            }
            offset += 1
        }
        if !current.isEmpty { flush(start, pendingApostrophe == nil ? offset : offset - 1, body) }
    }

    /// The scalar at `i` (a lead byte of two to four bytes; Swift strings hold valid UTF-8); moves `i` past it.
    @inline(__always)
    private static func decode(_ u: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Unicode.Scalar {
        let b0 = UInt32(u[i])
        var v: UInt32
        var more: Int
        if b0 >= 0xF0 {
            v = b0 & 0x07
            more = 3
        } else if b0 >= 0xE0 {
            v = b0 & 0x0F
            more = 2
        } else {
            v = b0 & 0x1F
            more = 1
        }
        i += 1
        while more > 0, i < u.count {
            v = (v << 6) | (UInt32(u[i]) & 0x3F)
            i += 1
            more -= 1
        }
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }

    /// Folds the collected scalars and hands the word on when anything is left.
    private mutating func flush(_ start: Int, _ end: Int, _ body: (UnsafeBufferPointer<UInt8>, Int32, Int32) -> Void) {
        folded.removeAll(keepingCapacity: true)
        var simple = true
        for s in current where s.value >= 0x80 && !Self.isTypographicApostrophe(s) {
            simple = false
            break
        }
        if simple {
            for s in current where !SearchText.isApostrophe(s) {
                var v = UInt8(truncatingIfNeeded: s.value)
                if v >= 0x41 && v <= 0x5A { v += 0x20 }
                folded.append(v)
            }
            let c = current.count
            if c >= 3, SearchText.isApostrophe(current[c - 2]), current[c - 1] == "s" || current[c - 1] == "S",
                !folded.isEmpty
            {
                folded.removeLast()
            }
        } else if let word = SearchText.fold(current) {
            folded.append(contentsOf: word.utf8)
        }
        current.removeAll(keepingCapacity: true)
        guard !folded.isEmpty else { return }
        folded.withUnsafeBufferPointer { body($0, Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: end)) }
    }

    /// Apostrophes outside ASCII that Foundation's folding leaves alone, so a word of ASCII letters and these
    /// folds like plain ASCII with the apostrophes dropped (U+00B4 is left to Foundation: it decomposes).
    @inline(__always)
    private static func isTypographicApostrophe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2019, 0x2018, 0x02BC, 0x2032: return true
        default: return false
        }
    }
}
