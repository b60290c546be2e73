/// The five lists of the reader, in tab order.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case articles, speakers, quotes, agenda, events

    public var title: String {
        switch self {
        case .articles: return "Articles"
        case .speakers: return "Speakers"
        case .quotes: return "Quotes"
        case .agenda: return "Agenda"
        case .events: return "Events"
        }
    }

    var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count) ?? .articles }
    var previous: Pane {
        Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count) ?? .articles
    }
}

/// Which column has the keyboard.
public enum Focus: Sendable, Hashable {
    case list, detail
}

/// Something the detail pane can jump to.
public enum Link: Sendable, Hashable {
    case article(String)
    case paragraph(String, Int)
    case speaker(String)
    case quote(String)
    case event(String)
    case agendaItem(String)
}
