/// The eight basic terminal colors.
public enum TermColor: Int16, Sendable, Hashable {
    case black = 0
    case red, green, yellow, blue, magenta, cyan, white
}

/// How a role looks: colors (nil = terminal default) and attributes.
public struct Style: Sendable, Hashable {
    public var fg: TermColor?
    public var bg: TermColor?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(
        fg: TermColor? = nil, bg: TermColor? = nil, bold: Bool = false, underline: Bool = false,
        reverse: Bool = false, dim: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }
}

/// Maps roles to styles, in color or in monochrome (no color support, or NO_COLOR set).
public struct Palette: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    static let speakerColors: [TermColor] = [.green, .magenta, .cyan, .yellow, .blue, .red]

    public func style(_ role: Role) -> Style {
        color ? colored(role) : mono(role)
    }

    private func colored(_ role: Role) -> Style {
        switch role {
        case .text, .command: return Style()
        case .dim, .axis: return Style(dim: true)
        case .heading, .label: return Style(fg: .cyan, bold: true)
        case .title: return Style(bold: true, underline: true)
        case .quote: return Style(fg: .yellow)
        case .term: return Style(fg: .cyan, underline: true)
        case .warning, .error: return Style(fg: .red, bold: true)
        case .match: return Style(fg: .black, bg: .yellow)
        case .speaker(let slot):
            return Style(fg: Palette.speakerColors[abs(slot) % Palette.speakerColors.count], bold: true)
        case .link: return Style(fg: .blue, bold: true)
        case .cursor, .markerSelected: return Style(fg: .yellow, bold: true, reverse: false)
        case .selectedRow: return Style(fg: .white, bg: .blue, bold: true)
        case .selectedRowInactive: return Style(fg: .black, bg: .white)
        case .tab: return Style(fg: .white, bg: .black)
        case .tabActive: return Style(fg: .black, bg: .cyan, bold: true)
        case .border: return Style(fg: .blue)
        case .status: return Style(fg: .black, bg: .white)
        case .statusKey: return Style(fg: .black, bg: .white, bold: true)
        case .marker: return Style(bold: true)
        case .relation: return Style(fg: .magenta, bold: true)
        }
    }

    private func mono(_ role: Role) -> Style {
        switch role {
        case .text, .command, .axis, .border, .tab: return Style()
        case .dim: return Style(dim: true)
        case .heading, .label, .speaker, .marker, .relation, .warning, .error, .link: return Style(bold: true)
        case .title: return Style(bold: true, underline: true)
        case .quote, .term: return Style(underline: true)
        case .match, .cursor, .markerSelected, .selectedRow, .tabActive, .status: return Style(reverse: true)
        case .selectedRowInactive: return Style(bold: true, underline: true)
        case .statusKey: return Style(bold: true, reverse: true)
        }
    }
}
