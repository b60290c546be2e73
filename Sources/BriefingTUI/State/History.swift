/// Back and forward stacks of locations, like a browser's.
public struct History: Sendable, Hashable {
    public private(set) var back: [Location] = []
    public private(set) var forward: [Location] = []
    static let limit = 500

    public init() {}

    /// Records `current` before a jump; the forward stack is dropped.
    public mutating func push(_ current: Location) {
        if back.last != current { back.append(current) }
        if back.count > History.limit { back.removeFirst(back.count - History.limit) }
        forward.removeAll()
    }

    /// The location to go back to from `current`, or nil.
    public mutating func goBack(from current: Location) -> Location? {
        guard let previous = back.popLast() else { return nil }
        forward.append(current)
        return previous
    }

    /// The location to go forward to from `current`, or nil.
    public mutating func goForward(from current: Location) -> Location? {
        guard let next = forward.popLast() else { return nil }
        back.append(current)
        return next
    }
}
