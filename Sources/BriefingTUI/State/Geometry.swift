/// Where everything goes on a screen of a given size.
public struct Geometry: Sendable, Hashable {
    public static let minWidth = 40
    public static let minHeight = 10
    public let size: Size

    public init(_ size: Size) { self.size = size }

    public var tooSmall: Bool { size.width < Geometry.minWidth || size.height < Geometry.minHeight }
    /// Width of the list column (the separator follows it).
    public var listWidth: Int { min(48, max(24, size.width * 35 / 100)) }
    public var detailX: Int { listWidth + 1 }
    public var detailWidth: Int { max(1, size.width - detailX) }
    /// The detail text starts after a two-column gutter that marks the cursor.
    public var textX: Int { detailX + 2 }
    public var textWidth: Int { max(1, detailWidth - 3) }
    public let tabRow = 0
    public let bodyTop = 1
    public var bodyHeight: Int { max(1, size.height - 3) }
    public var statusRow: Int { size.height - 2 }
    public var commandRow: Int { size.height - 1 }

    /// Columns of each tab label in the tab row.
    public var tabs: [(pane: Pane, range: Range<Int>)] {
        var col = 1
        var out: [(Pane, Range<Int>)] = []
        for p in Pane.allCases {
            let w = DisplayWidth.of(Geometry.tabLabel(p))
            out.append((p, col..<(col + w)))
            col += w + 1
        }
        return out
    }

    static func tabLabel(_ p: Pane) -> String { " \(p.rawValue + 1) \(p.title) " }
}
