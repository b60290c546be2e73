import Dispatch
import Synchronization

/// A loop over independent pieces of work that a second thread may help with.
///
/// The calling thread takes the pieces one after the other; a helper queued on a global queue takes pieces too
/// once it runs. The caller waits only for a piece the helper is still working on when the last one is taken:
/// when no thread is free to help, the caller does every piece itself, so the loop is never slower than a plain
/// one by more than the queueing. (A nested `DispatchQueue.concurrentPerform` would run on one thread of a
/// two-core machine when the caller already runs inside one.)
enum HelpedLoop {
    /// `body(k)` for every `k` in `0..<count`, in that order.
    static func run<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let loop = Shared<T>(count: count)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            guard loop.start() else { return }
            loop.work(body)
            loop.finish()
            done.signal()
        }
        loop.work(body)
        if loop.close() { done.wait() }
        return loop.results()
    }

    /// The pieces taken and their results, shared by the caller and the helper.
    private final class Shared<T: Sendable>: Sendable {
        private struct State {
            var next = 0
            var results: [T?]
            var closed = false
            var helperRunning = false
        }

        private let state: Mutex<State>

        init(count: Int) {
            state = Mutex(State(results: Array(repeating: nil, count: count)))
        }

        /// Takes and runs pieces until none is left.
        func work(_ body: (Int) -> T) {
            while let k = take() {
                let value = body(k)
                state.withLock { $0.results[k] = value }
            }
        }

        private func take() -> Int? {
            state.withLock { s in
                guard s.next < s.results.count else { return nil }
                s.next += 1
                return s.next - 1
            }
        }

        /// The helper starts, unless the caller has already closed the loop.
        func start() -> Bool {
            state.withLock { s in
                guard !s.closed else { return false }
                s.helperRunning = true
                return true
            }
        }

        func finish() { state.withLock { $0.helperRunning = false } }

        /// The caller is done taking pieces: true when the helper is still at work (the caller then waits).
        func close() -> Bool {
            state.withLock { s in
                s.closed = true
                return s.helperRunning
            }
        }

        func results() -> [T] {
            state.withLock { s in s.results.compactMap { $0 } }
        }
    }
}
