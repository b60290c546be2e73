import Foundation

/// A compact binary encoding for `Codable` values, used by the corpus cache.
///
/// Every value sits in a slot: a 4-byte little-endian length, then its bytes. A keyed container is a run of
/// entries (key length, key bytes, slot); an unkeyed one a run of slots; a nil value the length 0xFFFFFFFF. Numbers
/// are 8 little-endian bytes, strings their UTF-8 bytes (the slot gives the length). Nested containers
/// obtained by `nestedContainer`/`superEncoder` are not supported (the model types never ask for them).
/// Decoding checks every length against the buffer and throws on anything malformed.
enum BinaryCoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = BinaryWriter()
        try value.encode(to: BinaryValueEncoder(writer: writer))
        return writer.bytes
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try T(from: BinaryValueDecoder(reader: BinaryReader(bytes: bytes), range: 0..<bytes.count))
    }

    /// A malformed or foreign cache file.
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }
}

/// The growing output buffer shared by every encoder of one value.
final class BinaryWriter {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1 << 20)
    }

    func int(_ v: Int64) {
        var x = UInt64(bitPattern: v)
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: x))
            x >>= 8
        }
    }

    func string(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Writes a slot: a length placeholder, then whatever `body` writes, then the length.
    func slot(_ body: () throws -> Void) rethrows {
        let at = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        pendingNil = false
        try body()
        if pendingNil && bytes.count == at + 4 {
            pendingNil = false
            bytes[at] = 0xFF
            bytes[at + 1] = 0xFF
            bytes[at + 2] = 0xFF
            bytes[at + 3] = 0xFF
            return
        }
        pendingNil = false
        let n = UInt32(truncatingIfNeeded: bytes.count - at - 4)
        bytes[at] = UInt8(truncatingIfNeeded: n)
        bytes[at + 1] = UInt8(truncatingIfNeeded: n >> 8)
        bytes[at + 2] = UInt8(truncatingIfNeeded: n >> 16)
        bytes[at + 3] = UInt8(truncatingIfNeeded: n >> 24)
    }

    func key(_ k: String) {
        var k = k
        k.withUTF8 { b in
            let n = min(b.count, 255)
            bytes.append(UInt8(n))
            bytes.append(contentsOf: b.prefix(n))
        }
    }

    /// Set by `encodeNil` inside a slot, so the slot is written as nil rather than empty.
    var pendingNil = false

    func nilSlot() {
        bytes.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF])
    }
}

struct BinaryValueEncoder: Encoder, SingleValueEncodingContainer {
    let writer: BinaryWriter
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(BinaryKeyedEncoder<Key>(writer: writer))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { BinaryUnkeyedEncoder(writer: writer) }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    mutating func encodeNil() throws { writer.pendingNil = true }
    mutating func encode(_ value: Bool) throws { writer.bytes.append(value ? 1 : 0) }
    mutating func encode(_ value: String) throws { writer.string(value) }
    mutating func encode(_ value: Double) throws { writer.int(Int64(bitPattern: value.bitPattern)) }
    mutating func encode(_ value: Float) throws { writer.int(Int64(value.bitPattern)) }
    mutating func encode(_ value: Int) throws { writer.int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { writer.int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { writer.int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { writer.int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { writer.int(value) }
    mutating func encode(_ value: UInt) throws { writer.int(Int64(bitPattern: UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { writer.int(Int64(value)) }
    mutating func encode(_ value: UInt16) throws { writer.int(Int64(value)) }
    mutating func encode(_ value: UInt32) throws { writer.int(Int64(value)) }
    mutating func encode(_ value: UInt64) throws { writer.int(Int64(bitPattern: value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: self) }
}

struct BinaryKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: BinaryWriter
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws {
        writer.key(key.stringValue)
        writer.nilSlot()
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writer.key(key.stringValue)
        var single = BinaryValueEncoder(writer: writer)
        try writer.slot { try single.encode(value) }
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        writer.key(key.stringValue)
        writer.slot { writer.string(value) }
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        writer.key(key.stringValue)
        writer.slot { writer.int(Int64(value)) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        preconditionFailure("BinaryCoder does not support nested containers")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("BinaryCoder does not support nested containers")
    }

    mutating func superEncoder() -> any Encoder { preconditionFailure("BinaryCoder does not support superEncoder") }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        preconditionFailure("BinaryCoder does not support superEncoder")
    }
}

struct BinaryUnkeyedEncoder: UnkeyedEncodingContainer {
    let writer: BinaryWriter
    var codingPath: [any CodingKey] = []
    var count = 0

    mutating func encodeNil() throws {
        writer.nilSlot()
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        var single = BinaryValueEncoder(writer: writer)
        try writer.slot { try single.encode(value) }
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        preconditionFailure("BinaryCoder does not support nested containers")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("BinaryCoder does not support nested containers")
    }

    mutating func superEncoder() -> any Encoder { preconditionFailure("BinaryCoder does not support superEncoder") }
}

// MARK: - Decoding

/// The whole encoded buffer, with bounds-checked reads.
struct BinaryReader {
    let bytes: [UInt8]

    func int(_ range: Range<Int>) throws -> Int64 {
        guard range.count == 8 else { throw BinaryCoder.Malformed(description: "number of \(range.count) bytes") }
        var x: UInt64 = 0
        for i in range.reversed() { x = x << 8 | UInt64(bytes[i]) }
        return Int64(bitPattern: x)
    }

    /// The slot starting at `at` within `limit`: its value range, empty and flagged for a nil.
    func slot(at: Int, limit: Int) throws -> (range: Range<Int>, isNil: Bool) {
        guard at >= 0, at + 4 <= limit else { throw BinaryCoder.Malformed(description: "truncated slot") }
        let n = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        if n == 0xFFFF_FFFF { return ((at + 4)..<(at + 4), true) }
        guard at + 4 + n <= limit else { throw BinaryCoder.Malformed(description: "slot overruns its container") }
        return ((at + 4)..<(at + 4 + n), false)
    }
}

struct BinaryValueDecoder: Decoder, SingleValueDecodingContainer {
    let reader: BinaryReader
    let range: Range<Int>
    var isNil = false
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try BinaryKeyedDecoder<Key>(reader: reader, range: range))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try BinaryUnkeyedDecoder(reader: reader, range: range)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { isNil }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard range.count == 1 else { throw BinaryCoder.Malformed(description: "bool of \(range.count) bytes") }
        return reader.bytes[range.lowerBound] != 0
    }

    func decode(_ type: String.Type) throws -> String {
        String(decoding: reader.bytes[range], as: UTF8.self)
    }

    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: UInt64(bitPattern: try reader.int(range))) }
    func decode(_ type: Float.Type) throws -> Float {
        Float(bitPattern: UInt32(truncatingIfNeeded: try reader.int(range)))
    }
    func decode(_ type: Int.Type) throws -> Int { try exact(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try exact(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try exact(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try exact(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.int(range) }
    func decode(_ type: UInt.Type) throws -> UInt { UInt(UInt64(bitPattern: try reader.int(range))) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try exact(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try exact(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try exact(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { UInt64(bitPattern: try reader.int(range)) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    private func exact<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let v = T(exactly: try reader.int(range)) else {
            throw BinaryCoder.Malformed(description: "number out of range for \(T.self)")
        }
        return v
    }
}

struct BinaryKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: BinaryReader
    var codingPath: [any CodingKey] = []
    /// Each entry's key bytes and value range, in encoding order.
    let entries: [(key: Range<Int>, value: (range: Range<Int>, isNil: Bool))]

    init(reader: BinaryReader, range: Range<Int>) throws {
        self.reader = reader
        var entries: [(key: Range<Int>, value: (range: Range<Int>, isNil: Bool))] = []
        var at = range.lowerBound
        while at < range.upperBound {
            let n = Int(reader.bytes[at])
            let key = (at + 1)..<(at + 1 + n)
            guard key.upperBound <= range.upperBound else { throw BinaryCoder.Malformed(description: "truncated key") }
            let value = try reader.slot(at: key.upperBound, limit: range.upperBound)
            entries.append((key, value))
            at = value.range.upperBound
        }
        self.entries = entries
    }

    var allKeys: [Key] {
        entries.compactMap { Key(stringValue: String(decoding: reader.bytes[$0.key], as: UTF8.self)) }
    }

    func find(_ key: Key) -> (range: Range<Int>, isNil: Bool)? {
        var name = key.stringValue
        return name.withUTF8 { want in
            for e in entries where e.key.count == want.count {
                if reader.bytes[e.key].elementsEqual(want) { return e.value }
            }
            return nil
        }
    }

    func value(_ key: Key) throws -> BinaryValueDecoder {
        guard let r = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing in cache"))
        }
        return BinaryValueDecoder(reader: reader, range: r.range, isNil: r.isNil)
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNil }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key).decode(type) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try value(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try value(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw BinaryCoder.Malformed(description: "superDecoder unsupported") }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        throw BinaryCoder.Malformed(description: "superDecoder unsupported")
    }
}

struct BinaryUnkeyedDecoder: UnkeyedDecodingContainer {
    let reader: BinaryReader
    let range: Range<Int>
    var codingPath: [any CodingKey] = []
    var count: Int?
    var currentIndex = 0
    private var at: Int

    init(reader: BinaryReader, range: Range<Int>) throws {
        self.reader = reader
        self.range = range
        at = range.lowerBound
        var n = 0
        var p = range.lowerBound
        while p < range.upperBound {
            p = try reader.slot(at: p, limit: range.upperBound).range.upperBound
            n += 1
        }
        count = n
    }

    var isAtEnd: Bool { at >= range.upperBound }

    private mutating func next() throws -> BinaryValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                Any.self, .init(codingPath: codingPath, debugDescription: "unkeyed container is at its end"))
        }
        let r = try reader.slot(at: at, limit: range.upperBound)
        at = r.range.upperBound
        currentIndex += 1
        return BinaryValueDecoder(reader: reader, range: r.range, isNil: r.isNil)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        let r = try reader.slot(at: at, limit: range.upperBound)
        guard r.isNil else { return false }
        at = r.range.upperBound
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder {
        throw BinaryCoder.Malformed(description: "superDecoder unsupported")
    }
}
