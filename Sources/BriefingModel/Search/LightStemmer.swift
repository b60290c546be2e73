/// A light English stemmer: maps inflected and a few derived forms of a folded word to one key.
///
/// Rules, applied in order to words of ASCII letters longer than three letters (others are kept as they are):
/// 1. plurals and third person: `-ies` → `-y`, `-sses` → `-ss`, `-es` after x/ch/sh/z is dropped, a final `-s`
///    is dropped unless the word ends in `ss`, `us` or `is`;
/// 2. `-ied` → `-y`; `-eed` → `-ee` after a vowel (`agreed` → `agree`, `need` stays); `-ed` and `-ing` are dropped when at least three letters with a vowel remain, and a
///    doubled final consonant is then undoubled (`stopped` → `stop`, but `falling` → `fall`);
/// 3. `-ization` → `-ize`, `-ation` → `-ate` when at least three letters remain before the suffix;
/// 4. a final `-e` is dropped when at least three letters remain and it does not follow another `e`.
///
/// So talks/talked/talking → `talk`, denuclearization/denuclearize/denuclearized → `denucleariz`,
/// displeased/displease → `displeas`, negotiations/negotiated → `negotiat`.
public enum LightStemmer {
    public static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard stem(bytes: &w) else { return word }
        return String(decoding: w, as: UTF8.self)
    }

    /// Stems the UTF-8 bytes of a folded word in place; false (bytes untouched) when the rules leave it as it is.
    static func stem(bytes w: inout [UInt8]) -> Bool {
        guard w.count > 3, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        stripPlural(&w)
        stripInflection(&w)
        stripDerivation(&w)
        if w.count >= 4, w[w.count - 1] == ascii("e"), w[w.count - 2] != ascii("e") { w.removeLast() }
        return true
    }

    private static func ascii(_ c: Character) -> UInt8 { c.asciiValue ?? 0 }

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        let n = suffix.utf8.count
        guard w.count >= n else { return false }
        var i = w.count - n
        for c in suffix.utf8 {
            if w[i] != c { return false }
            i += 1
        }
        return true
    }

    private static func isVowel(_ w: [UInt8], _ i: Int) -> Bool {
        switch w[i] {
        case ascii("a"), ascii("e"), ascii("i"), ascii("o"), ascii("u"): return true
        case ascii("y"): return i > 0
        default: return false
        }
    }

    private static func hasVowel(_ w: [UInt8], before end: Int) -> Bool {
        (0..<end).contains { isVowel(w, $0) }
    }

    private static func stripPlural(_ w: inout [UInt8]) {
        if ends(w, "ies") && w.count > 4 {
            w.removeLast(3)
            w.append(ascii("y"))
        } else if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "xes") || ends(w, "ches") || ends(w, "shes") || ends(w, "zes") {
            w.removeLast(2)
        } else if w.last == ascii("s") && !ends(w, "ss") && !ends(w, "us") && !ends(w, "is") {
            w.removeLast()
        }
    }

    private static func stripInflection(_ w: inout [UInt8]) {
        if ends(w, "ied") && w.count > 4 {
            w.removeLast(3)
            w.append(ascii("y"))
            return
        }
        if ends(w, "eed") && w.count > 4 {
            if hasVowel(w, before: w.count - 3) { w.removeLast() }
            return
        }
        var cut = 0
        if ends(w, "ed") {
            cut = 2
        } else if ends(w, "ing") {
            cut = 3
        }
        guard cut > 0, w.count - cut >= 3, hasVowel(w, before: w.count - cut) else { return }
        w.removeLast(cut)
        let n = w.count
        if n >= 2, w[n - 1] == w[n - 2], !isVowel(w, n - 1),
            w[n - 1] != ascii("l"), w[n - 1] != ascii("s"), w[n - 1] != ascii("z")
        {
            w.removeLast()
        }
    }

    private static func stripDerivation(_ w: inout [UInt8]) {
        if ends(w, "ization") && w.count - 7 >= 3 {
            w.removeLast(7)
            w.append(contentsOf: Array("ize".utf8))
        } else if ends(w, "ation") && w.count - 5 >= 3 {
            w.removeLast(5)
            w.append(contentsOf: Array("ate".utf8))
        }
    }
}
