import Foundation
import Synchronization

/// A value made once on one thread and waited for on another (a cache key, a section of the cache read meanwhile).
final class Handoff<Value: Sendable>: Sendable {
    private let slot = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Hands the value over; call once.
    func fulfil(_ value: Value) {
        slot.withLock { $0 = value }
        done.signal()
    }

    /// Waits until the value is handed over; `fallback` only if it was handed over empty, which `fulfil` never does.
    func wait(or fallback: @autoclosure () -> Value) -> Value {
        done.wait()
        return slot.withLock { $0 } ?? fallback()
    }
}
