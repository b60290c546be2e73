/// Where frames go: the terminal, or memory in tests.
public protocol Screen {
    /// Current size in columns and rows.
    var size: Size { get }
    /// Shows a whole frame.
    mutating func present(_ frame: CellGrid)
}

/// A terminal size.
public struct Size: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// A screen that keeps the last frame in memory, for tests.
public struct MemoryScreen: Screen {
    public var size: Size
    public private(set) var frames: [CellGrid] = []

    public init(size: Size) { self.size = size }

    public mutating func present(_ frame: CellGrid) { frames.append(frame) }

    public var last: CellGrid? { frames.last }
}
