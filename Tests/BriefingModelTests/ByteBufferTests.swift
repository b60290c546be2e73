import Testing

@testable import BriefingModel

@Suite struct ByteBufferTests {
    /// Pieces of every size the writers append, across several doublings of the storage.
    static func pieces(seed: UInt64) -> [[UInt8]] {
        var rng = SplitMix64(seed: seed)
        return (0..<600).map { i in
            let n = i % 50 == 0 ? 700 + Int(rng.next() % 700) : Int(rng.next() % 12)
            return (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        }
    }

    /// Every way of appending keeps the bytes in order, whatever the starting capacity.
    @Test(arguments: [0, 1, 255, 4096]) func appendsKeepEveryByteInOrder(capacity: Int) {
        var buffer = ByteBuffer(capacity: capacity)
        var expected: [UInt8] = []
        for (i, piece) in Self.pieces(seed: UInt64(capacity)).enumerated() {
            switch i % 4 {
            case 0:
                buffer.append(piece)
            case 1:
                for b in piece { buffer.append(b) }
            case 2:
                piece.withUnsafeBufferPointer { buffer.append($0) }
            default:
                buffer.append(upTo: piece.count + 3) { p in
                    piece.withUnsafeBytes {
                        if let base = $0.baseAddress { p.copyMemory(from: base, byteCount: $0.count) }
                    }
                    return piece.count
                }
            }
            expected += piece
            #expect(buffer.count == expected.count)
        }
        #expect(buffer.bytes == expected)
        #expect(buffer.withUnsafeBytes { Array($0) } == expected)
    }

    @Test func spacesAndNewLinesAtEveryWidth() {
        var buffer = ByteBuffer()
        var expected: [UInt8] = []
        for n in [0, 1, 63, 64, 65, 130, -3] {
            buffer.appendSpaces(n)
            expected += [UInt8](repeating: UInt8(ascii: " "), count: max(0, n))
        }
        for depth in [0, 1, 32, 33, 70] {
            buffer.appendNewline(indent: depth)
            expected += [UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: 2 * depth)
        }
        buffer.append("static")
        expected += Array("static".utf8)
        #expect(buffer.bytes == expected)
    }

    /// A body that claims more than it was allowed, or less than nothing, moves the count only within its room.
    @Test func appendUpToKeepsTheCountWithinTheRoomGiven() {
        var buffer = ByteBuffer()
        buffer.append(Array("ab".utf8))
        buffer.append(upTo: 2) { p in
            p.storeBytes(of: UInt8(ascii: "c"), as: UInt8.self)
            (p + 1).storeBytes(of: UInt8(ascii: "d"), as: UInt8.self)
            return 9
        }
        buffer.append(upTo: 4) { _ in -1 }
        #expect(buffer.bytes == Array("abcd".utf8))
    }

    @Test func takeHandsOverTheBytesAndEmptiesTheBuffer() {
        var buffer = ByteBuffer(capacity: 1000)
        buffer.append(Array("hello".utf8))
        let taken = buffer.take()
        #expect(taken == Array("hello".utf8))
        #expect(buffer.isEmpty)
        buffer.append(Array("again".utf8))
        #expect(buffer.bytes == Array("again".utf8))
        buffer.removeAll()
        #expect(buffer.isEmpty && buffer.bytes.isEmpty)
        buffer.append(UInt8(ascii: "x"))
        #expect(buffer.bytes == [UInt8(ascii: "x")])
    }

    /// A copy of a buffer is a value: appending to it leaves the original as it was.
    @Test func copiesAreIndependent() {
        var a = ByteBuffer(capacity: 64)
        a.append(Array("one".utf8))
        var b = a
        b.append(Array("two".utf8))
        a.append(UInt8(ascii: "!"))
        #expect(a.bytes == Array("one!".utf8))
        #expect(b.bytes == Array("onetwo".utf8))
    }
}
