/// What a mention names.
enum MentionKind: Sendable, Hashable {
    /// A full name of two or more words ("Morgan Ortagus").
    case person
    /// One capitalized word that may be a surname ("Ortagus", "Kim").
    case surname
    /// A role without a name ("the spokeswoman").
    case roleOnly
    case group
    case organization
    case country
    /// he, she, they, it and their possessive forms.
    case pronoun
    /// A document that speaks ("the statement", "the joint declaration").
    case document
    /// An organization by its head word ("the ministry"), resolved to the last organization with that word.
    case organizationReference
    /// A part of a document ("the first point", "a closing section"): the most recent document.
    case documentPart
    /// "the two leaders", "both men": the pair named last.
    case pair
}

/// A span of tokens in a paragraph that may name a speaker.
struct NameMention: Sendable {
    var kind: MentionKind
    var paragraph: Int
    /// Token range of the whole mention, role included.
    var first: Int
    var end: Int
    /// Token range of the name part (the role excluded).
    var nameFirst: Int
    var nameEnd: Int
    /// Sentence index in the paragraph.
    var sentence: Int
    /// Sentence index counted over the whole article (set before resolution).
    var articleSentence: Int = 0
    /// Scalar offset where the mention starts.
    var scalarStart: Int = 0
    /// The name as written, apostrophes made straight (canonical country/organization names for those kinds).
    var name: String
    /// Role text ("State Department spokeswoman"), when given.
    var role: String?
    /// Hashes of the title words of the role ("spokeswoman"), to resolve a role alone.
    var titles: [UInt64] = []
    var gender: Gender = .unknown
    /// The determiner before a role alone: "the", "a", "one", "its"…; nil when none.
    var determiner: UInt64? = nil
    /// The role speaks for an organization ("the spokesman").
    var speaksForOrganization = false
    /// Hashes of the name words.
    var nameHashes: [UInt64] = []
    var isPossessive = false
    /// Stands right after a preposition ("talks with North Korean officials"): not a subject.
    var afterPreposition = false
    /// That preposition also joins clauses ("after", "before", "since"): "days after Trump said" has a subject.
    var afterConjunction = false
    /// For pronouns: plural or thing.
    var plural = false
    var thing = false
    /// A title or honorific stands right before a one-word name ("Chairman Kim").
    var titled = false
    /// A pronoun right before a reporting verb ("Kim Jong Un, she said"): its antecedent is outside the sentence.
    var speakerPronoun = false
    /// A one-word name right after "the" ("the Americans"): it may refer to a person named before, never introduce one.
    var afterArticle = false
    /// A group named by a bare group noun ("aides"), no qualifier.
    var bareGroup = false
    /// For an organization reference: the hash of its head word.
    var head: UInt64 = 0
    /// The entity it resolves to (set by `EntityResolver`).
    var entity: Int? = nil
}
