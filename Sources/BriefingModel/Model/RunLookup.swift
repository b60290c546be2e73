/// A dictionary looked up for runs of equal keys (quotes come article by article, a speaker's often in a row): the
/// last key's answer is given again without hashing it.
public struct RunLookup<Value> {
    private let table: [String: Value]
    private var last: (key: String, value: Value?)?

    public init(_ table: [String: Value]) { self.table = table }

    public subscript(key: String) -> Value? {
        mutating get {
            if let last, last.key == key { return last.value }
            let value = table[key]
            last = (key, value)
            return value
        }
    }
}
