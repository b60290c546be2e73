import Dispatch
import Foundation

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
    ///
    /// Guarded by an `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`: ThreadSanitizer sees the
    /// pthread calls, but not the futex inside `Mutex` on Linux, and reported the guarded fields as racing.
    private final class Shared<T: Sendable>: @unchecked Sendable {
        private struct State {
            var next = 0
            var results: [T?]
            var closed = false
            var helperRunning = false
        }

        private let lock = NSLock()
        // Read and written only inside `lock` (`withLock`).
        private var state: State

        init(count: Int) {
            state = State(results: Array(repeating: nil, count: count))
        }

        private func withLock<R>(_ body: (inout State) -> R) -> R {
            lock.lock()
            defer { lock.unlock() }
            return body(&state)
        }

        /// Takes and runs pieces until none is left.
        func work(_ body: (Int) -> T) {
            while let k = take() {
                let value = body(k)
                withLock { $0.results[k] = value }
            }
        }

        private func take() -> Int? {
            withLock { s in
                guard s.next < s.results.count else { return nil }
                s.next += 1
                return s.next - 1
            }
        }

        /// The helper starts, unless the caller has already closed the loop.
        func start() -> Bool {
            withLock { s in
                guard !s.closed else { return false }
                s.helperRunning = true
                return true
            }
        }

        func finish() { withLock { $0.helperRunning = false } }

        /// The caller is done taking pieces: true when the helper is still at work (the caller then waits).
        func close() -> Bool {
            withLock { s in
                s.closed = true
                return s.helperRunning
            }
        }

        func results() -> [T] {
            withLock { s in s.results.compactMap { $0 } }
        }
    }
}
