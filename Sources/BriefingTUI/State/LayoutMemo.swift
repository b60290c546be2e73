import Synchronization

/// The last detail layout built, kept so keys that do not change what the detail shows do not rebuild it.
/// Shared by the copies of one `AppState`: the key holds everything the layout depends on besides the index,
/// which a state never changes.
final class LayoutMemo: Sendable {
    /// What a detail layout is built from.
    struct Key: Hashable {
        var pane: Pane
        var row: Int
        var width: Int
    }

    private let last = Mutex<(key: Key, layout: DocLayout)?>(nil)

    /// The layout for `key`, built by `build` unless it is the one kept.
    func layout(_ key: Key, build: () -> DocLayout) -> DocLayout {
        if let kept = last.withLock({ $0 }), kept.key == key { return kept.layout }
        let layout = build()
        last.withLock { $0 = (key, layout) }
        return layout
    }
}
