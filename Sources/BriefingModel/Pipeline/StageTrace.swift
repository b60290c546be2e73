import Foundation

/// Names the pipeline's stages as they end, for whoever listens (the command line's `BRIEFING_TRACE_STAGES`): where
/// a run spends its time and, with the resident memory at each mark, where its peak falls.
///
/// Nobody listens by default, and a mark then costs one lock; the marks are a few dozen a run, none per article.
public enum StageTrace {
    /// Called with each mark's name, on the thread that reached it.
    public typealias Listener = @Sendable (String) -> Void

    /// Sends every later mark to `listener` (nil: to nobody).
    public static func listen(_ listener: Listener?) { box.set(listener) }

    /// Tells the listener, if any, that the stage `name` is reached.
    public static func mark(_ name: @autoclosure () -> String) {
        guard let listener = box.get() else { return }
        listener(name())
    }

    private static let box = ListenerBox()

    /// The listener behind a lock (an `NSLock`, which ThreadSanitizer sees).
    private final class ListenerBox: @unchecked Sendable {
        // Unchecked: `listener` is read and written under `lock` only.
        private let lock = NSLock()
        private var listener: Listener?

        func get() -> Listener? { lock.withLock { listener } }
        func set(_ l: Listener?) { lock.withLock { listener = l } }
    }
}
