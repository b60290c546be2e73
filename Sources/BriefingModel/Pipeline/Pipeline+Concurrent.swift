import Dispatch
import Foundation

extension Pipeline {
    /// Runs the per-article stages on all cores from synchronous code, then the corpus-wide ones.
    ///
    /// Same result as `run(_:)`; articles are split into chunks and each chunk's extractions are written
    /// to its own slots, so no two threads touch the same memory.
    public func runConcurrently(
        _ load: LoadResult, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> Corpus {
        let articles = load.articles
        guard workers > 1, articles.count > 1 else { return run(load) }
        let slots = Slots<ArticleExtraction>(count: articles.count)
        Chunked.perform(count: articles.count, workers: workers) { i in slots.store(extract(articles[i]), at: i) }
        return assemble(load, extractions: slots.collect())
    }
}

/// Fixed slots that worker threads fill, each index written by exactly one thread.
final class Slots<Value>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Value?>
    let count: Int

    init(count: Int) {
        self.count = count
        base = UnsafeMutablePointer<Value?>.allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func store(_ value: Value, at index: Int) { base[index] = value }

    /// The value at `index`, moved out so the slot holds nothing more.
    func take(_ index: Int) -> Value? { base[index].take() }

    /// Every slot's value, in order, moved out so the slots hold nothing more (after all workers are done).
    func collect() -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            if let x = base[i].take() { out.append(x) }
        }
        return out
    }
}

/// Runs `body` on `0..<count` split into contiguous chunks spread over `workers` threads (a few chunks per thread,
/// so a slow chunk does not leave the other threads idle for long).
enum Chunked {
    static func perform(count: Int, workers: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        guard workers > 1, count > 1 else {
            for i in 0..<count { body(i) }
            return
        }
        // About 16 items per chunk, at least 8 chunks per worker: iterations are handed out as threads free up.
        let chunkCount = min(count, max(workers * 8, count / 16))
        let chunkSize = (count + chunkCount - 1) / chunkCount
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = chunk * chunkSize
            let upper = min(count, lower + chunkSize)
            guard lower < upper else { return }
            for i in lower..<upper { body(i) }
        }
    }
}

/// Runs two independent pieces of work side by side and waits for both.
enum Concurrently {
    /// `(a(), b())`, on two threads when `concurrent`, else one after the other.
    static func both<A: Sendable, B: Sendable>(
        _ concurrent: Bool, _ a: @Sendable () -> A, _ b: @Sendable () -> B
    ) -> (A, B) {
        guard concurrent, ProcessInfo.processInfo.activeProcessorCount > 1 else { return (a(), b()) }
        let results = PairSlots<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { results.first = a() } else { results.second = b() }
        }
        guard let first = results.first, let second = results.second else {
            // concurrentPerform returns after both iterations ran: the slots are filled.
            return (results.first ?? a(), results.second ?? b())
        }
        return (first, second)
    }
}

/// Two result slots, each written by exactly one thread before `concurrentPerform` returns.
private final class PairSlots<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}
