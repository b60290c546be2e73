import Testing

@testable import BriefingModel

/// `WordHashMap` answers as a dictionary would: values set, replaced and looked up through growth, and its keys.
@Suite struct WordHashMapTests {
    @Test func answersAsADictionary() {
        var rng = SplitMix64(seed: 7)
        var map = WordHashMap()
        var oracle: [UInt64: Int] = [:]
        // Keys from a small range collide in their slots; the rest are spread.
        for step in 0..<3000 {
            let key = step % 3 == 0 ? rng.next() % 64 : rng.next()
            let value = Int(truncatingIfNeeded: rng.next() % 100_000)
            map.set(key, value)
            oracle[key] = value
            if step % 7 == 0, let old = oracle.keys.first {
                map.set(old, step)
                oracle[old] = step
            }
        }
        #expect(map.count == oracle.count)
        for (k, v) in oracle { #expect(map[k] == v, "\(k)") }
        for _ in 0..<2000 {
            let k = rng.next()
            #expect(map[k] == oracle[k])
            #expect(map.contains(k) == (oracle[k] != nil))
        }
        #expect(Set(map.allKeys) == Set(oracle.keys))
        #expect(map.allKeys.count == oracle.count)
        var set = WordHashSet([1, 2, 3, 2])
        set.insert(0)
        #expect(set.count == 4 && set.contains(0) && !set.contains(4))
        #expect(Set(set.elements) == [0, 1, 2, 3])
    }
}
