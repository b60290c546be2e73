/// The word lists the event layer reads: `event_*.txt`, `places.txt` and `countries.txt` from `Data/lexicon/`.
public struct EventLexicon: Sendable {
    /// What an event word means.
    public struct Trigger: Sendable, Hashable {
        public var kind: String
        /// For verbs: the words that must follow ("met with"); `*place` for a place; empty for nouns.
        public var next: Set<String>
        /// For verbs: words of which one must follow within three words ("fired … missiles").
        public var near: Set<String> = []
        /// For verbs: words of which one must come earlier in the sentence, its subject ("remains … received in").
        public var subject: Set<String> = []
        public var product: Bool
        public var invitation: Bool
    }

    /// A kind of event: its family, rank within the family, title word and leader rule.
    public struct Kind: Sendable, Hashable {
        public var name: String
        public var family: String
        public var rank: Int
        public var title: String
        /// The number of leaders that turns an event of the family into this kind (0: never).
        public var leaders: Int
    }

    /// A place of the gazetteer.
    public struct Place: Sendable, Hashable {
        public var name: String
        /// The place it lies in, when known.
        public var within: String?
    }

    public var triggers = PhraseIndex<Trigger>()
    public var kinds: [String: Kind] = [:]
    public var outcomes = PhraseIndex<String>()
    public var followUps = PhraseIndex<String>()
    public var ordinals: [String: Int] = [:] {
        didSet { ordinalFilter = WordFilter(ordinals.keys) }
    }
    /// The keys of `ordinals`, to pass over most words without a look-up.
    public private(set) var ordinalFilter = WordFilter()
    /// Person titles (lowercased phrases) and whether the title makes a leader.
    public var titles = PhraseIndex<Bool>()
    public var determiners: [String: Bool] = [:]
    /// Month numbers by full name, capitalized (`temporal_months.txt`): the month an unresolved date still names.
    public var monthNames: [String: Int] = [:]
    /// Pronouns that stand for other events ("those held in 2000"), lowercased (`event_pronouns.txt`).
    public var otherEventPronouns: Set<String> = []
    /// Words that deny the event ("no meeting").
    public var negatives: Set<String> = []
    public var reporting = PhraseIndex<String>()
    /// Words saying an event did not happen ("never took place"): it stays planned.
    public var unrealized = PhraseIndex<String>()
    /// Places by name and other names (case-sensitive).
    public var places = PhraseIndex<String>(caseSensitive: true)
    public var gazetteer: [String: Place] = [:]
    /// Countries by name, other name or adjective (case-sensitive): the canonical name.
    public var countries = PhraseIndex<String>(caseSensitive: true)
    /// Words that name several countries at once ("the two Koreas", "inter-Korean"): their canonical names.
    public var countryGroups = PhraseIndex<[String]>()
    /// Every country name, other name and adjective → canonical name.
    public var countryCanonical: [String: String] = [:]
    /// Lowercased first words of event words, follow-up cues and ordinals: a sentence with none names no event.
    public var starters: Set<String> = [] {
        didSet { starterFilter = WordFilter(starters) }
    }
    /// The words of `starters`, to pass over most words without a look-up.
    public private(set) var starterFilter = WordFilter()
    /// Kinds that are the outcome of another event ("statement").
    public var productKinds: Set<String> = []
    /// Words right before a statement that make it the way something was said ("in a statement").
    public var channelsBefore: Set<String> = []
    /// Words within a statement's words that make it the way something was said ("a prepared statement").
    public var channelModifiers: Set<String> = []
    /// Last words of organization names ("Assembly", "Ministry"): a name after a title that ends in one names
    /// no person ("General Assembly").
    public var organizationHeads: Set<String> = []
    /// Words that open a part of a series after a plural event word ("launches, beginning in May and continuing
    /// through the summer"): each part names an event of its own.
    public var seriesCues: Set<String> = []

    public init() {}

    public init(lexicon: Lexicon) {
        for row in lexicon.table("event_triggers").rows {
            guard let kind = row[1] else { continue }
            let options = (row[2] ?? "").split(separator: " ").map(String.init)
            var next = Set<String>()
            var near = Set<String>()
            for o in options where o.hasPrefix("next=") {
                next.formUnion(o.dropFirst(5).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            for o in options where o.hasPrefix("near=") {
                near.formUnion(o.dropFirst(5).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            var subject = Set<String>()
            for o in options where o.hasPrefix("subject=") {
                subject.formUnion(o.dropFirst(8).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            triggers.add(
                row.entry,
                Trigger(
                    kind: kind, next: next, near: near, subject: subject, product: options.contains("product"),
                    invitation: options.contains("invitation")))
            if options.contains("product") { productKinds.insert(kind) }
        }
        for row in lexicon.table("event_kinds").rows {
            guard let family = row[1] else { continue }
            var leaders = 0
            if let o = row[4], o.hasPrefix("leaders=") { leaders = Int(o.dropFirst(8)) ?? 0 }
            kinds[row.entry] = Kind(
                name: row.entry, family: family, rank: row[2].flatMap { Int($0) } ?? 1,
                title: row[3] ?? row.entry.capitalized,
                leaders: leaders)
        }
        for row in lexicon.table("event_outcomes").rows { outcomes.add(row.entry, row.entry) }
        for row in lexicon.table("event_followups").rows { followUps.add(row.entry, row.entry) }
        for row in lexicon.table("event_ordinals").rows {
            if let n = row[1].flatMap({ Int($0) }) { ordinals[row.entry.lowercased()] = n }
        }
        for row in lexicon.table("event_titles").rows { titles.add(row.entry, row[1] == "leader") }
        for row in lexicon.table("event_determiners").rows {
            if row[1] == "negative" {
                negatives.insert(row.entry.lowercased())
            } else {
                determiners[row.entry.lowercased()] = row[1] == "definite"
            }
        }
        for row in lexicon.table("temporal_months").rows {
            if let n = row[1].flatMap({ Int($0) }) { monthNames[row.entry] = n }
        }
        for row in lexicon.table("event_pronouns").rows { otherEventPronouns.insert(row.entry.lowercased()) }
        for row in lexicon.table("event_reporting").rows { reporting.add(row.entry, row.entry) }
        for row in lexicon.table("event_unrealized").rows { unrealized.add(row.entry, row.entry) }
        for row in lexicon.table("event_series").rows { seriesCues.insert(row.entry.lowercased()) }
        for row in lexicon.table("event_channels").rows {
            if row[1] == "modifier" {
                channelModifiers.insert(row.entry.lowercased())
            } else {
                channelsBefore.insert(row.entry.lowercased())
            }
        }
        for row in lexicon.table("organization_heads").rows { organizationHeads.insert(row.entry) }
        for row in lexicon.table("places").rows {
            gazetteer[row.entry] = Place(name: row.entry, within: row[1])
            places.add(row.entry, row.entry)
            for alias in (row[2] ?? "").split(separator: ";") {
                let a = alias.trimmingCharacters(in: .whitespaces)
                if !a.isEmpty { places.add(a, row.entry) }
            }
        }
        starters = Set(triggers.firstKeys).union(followUps.firstKeys).union(ordinals.keys)
        starterFilter = WordFilter(starters)
        ordinalFilter = WordFilter(ordinals.keys)
        for row in lexicon.table("event_country_groups").rows {
            let names = (row[1] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            if !names.isEmpty { countryGroups.add(row.entry, names.filter { !$0.isEmpty }) }
        }
        for row in lexicon.table("countries").rows {
            countries.add(row.entry, row.entry)
            countryCanonical[row.entry] = row.entry
            for field in [row[1], row[2]] {
                for name in (field ?? "").split(separator: ";") {
                    let n = name.trimmingCharacters(in: .whitespaces)
                    if !n.isEmpty {
                        countries.add(n, row.entry)
                        countryCanonical[n] = row.entry
                    }
                }
            }
        }
    }

    /// The kind record for `name`, or a family of its own when the kind is not listed.
    public func kind(_ name: String) -> Kind { Self.kind(name, in: kinds) }

    /// `kind(_:)` over the kinds table alone: a caller holding the lexicon in a class passes the one table instead
    /// of copying the whole lexicon (every table retained) for the call.
    static func kind(_ name: String, in kinds: [String: Kind]) -> Kind {
        kinds[name]
            ?? Kind(
                name: name, family: name, rank: 1, title: name.prefix(1).uppercased() + name.dropFirst(), leaders: 0)
    }

    /// The places a place lies in, itself first ("Hanoi", "Vietnam").
    public func chain(_ place: String) -> [String] { Self.chain(place, in: gazetteer) }

    /// `chain(_:)` over the gazetteer alone.
    static func chain(_ place: String, in gazetteer: [String: Place]) -> [String] {
        var out = [place]
        var current = place
        while let up = gazetteer[current]?.within, !out.contains(up), out.count < 6 {
            out.append(up)
            current = up
        }
        return out
    }

    /// "Hanoi, Vietnam": a place with the place it lies in.
    public func display(_ place: String) -> String {
        if let up = gazetteer[place]?.within { return "\(place), \(up)" }
        return place
    }

    /// True when one place lies in (or is) the other.
    public func compatible(_ a: String, _ b: String) -> Bool { Self.compatible(a, b, in: gazetteer) }

    /// `compatible(_:_:)` over the gazetteer alone.
    static func compatible(_ a: String, _ b: String, in gazetteer: [String: Place]) -> Bool {
        compatible(a, b) { chain($0, in: gazetteer) }
    }

    /// `compatible(_:_:)` with each place's chain (`chain(_:in:)`) given by `chain`.
    static func compatible(_ a: String, _ b: String, chain: (String) -> [String]) -> Bool {
        a == b || chain(a).contains(b) || chain(b).contains(a)
    }

    /// The more specific of two compatible places.
    public func narrower(_ a: String, _ b: String) -> String { Self.narrower(a, b, in: gazetteer) }

    /// `narrower(_:_:)` over the gazetteer alone.
    static func narrower(_ a: String, _ b: String, in gazetteer: [String: Place]) -> String {
        narrower(a, b) { chain($0, in: gazetteer) }
    }

    /// `narrower(_:_:)` with each place's chain (`chain(_:in:)`) given by `chain`.
    static func narrower(_ a: String, _ b: String, chain: (String) -> [String]) -> String {
        // The same place twice (the common case): no chains to look at.
        if a == b { return a }
        return chain(a).count >= chain(b).count ? a : b
    }
}
