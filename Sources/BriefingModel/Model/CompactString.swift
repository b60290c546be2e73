extension String {
    /// The same text in storage of its own length.
    ///
    /// A string made by interpolation or appending keeps the spare room its growth left (often half again its
    /// length); ids made that way for every quote and speaker of a large corpus add up to tens of megabytes.
    /// Short strings (15 UTF-8 bytes or fewer) are stored inline and returned as they are.
    var compacted: String {
        if utf8.count <= 15 { return self }
        var copy = self
        return copy.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }
}

extension Array {
    /// The same elements in storage of their own count (an array grown by appending keeps up to as much room again).
    var compacted: [Element] {
        // Less than 16 bytes spare is the allocator's rounding, which a copy would get again.
        guard (capacity - count) * MemoryLayout<Element>.stride >= 16 else { return self }
        return [Element](unsafeUninitializedCapacity: count) { out, n in
            _ = out.initialize(from: self)
            n = count
        }
    }
}
