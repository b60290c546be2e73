/// A dictionary looked up for runs of equal keys (quotes come article by article, a speaker's often in a row): the
/// last key's answer is given again without hashing it.
///
/// Inlinable so that other modules (the reader's index) get it specialized for their value type: called through
/// the generic entry point, every look-up asked the runtime for its metadata (a quarter of the samples of a warm
/// reader start on 20,000 articles).
@frozen
public struct RunLookup<Value> {
    @usableFromInline let table: [String: Value]
    @usableFromInline var last: (key: String, value: Value?)?

    @inlinable
    public init(_ table: [String: Value]) {
        self.table = table
        last = nil
    }

    @inlinable
    public subscript(key: String) -> Value? {
        mutating get {
            if let last, last.key == key { return last.value }
            let value = table[key]
            last = (key, value)
            return value
        }
    }
}
