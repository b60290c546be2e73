/// What a cell shows, mapped by each screen to colors (or to plain attributes without color).
public enum Role: Sendable, Hashable {
    case text, dim, heading, title, label
    case quote, term, warning, match
    /// A speaker's name; the slot picks one of the speaker palette colors.
    case speaker(Int)
    case link, cursor, selectedRow, selectedRowInactive
    case tab, tabActive, border, status, statusKey, command, error
    case axis, marker, markerSelected, relation

    /// How many distinct speaker colors there are.
    public static let speakerSlots = 6
}
