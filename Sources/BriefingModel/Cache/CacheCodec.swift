import Foundation

/// How the corpus cache writes its files.
public enum CacheFormat: String, Sendable, Hashable, CaseIterable {
    /// `BinaryCoder`: length-prefixed slots, several times faster to read than JSON.
    case binary
    /// Foundation's JSON coders: slower, readable with any JSON tool.
    case json

    func encode<T: Encodable>(_ value: T) throws -> Data {
        switch self {
        case .binary: return Data(try BinaryCoder.encode(value))
        case .json: return try JSONEncoder().encode(value)
        }
    }

    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        switch self {
        case .binary: return try BinaryCoder.decode(type, from: [UInt8](data))
        case .json: return try JSONDecoder().decode(type, from: data)
        }
    }
}
