import Dispatch
import Foundation

extension Pipeline {
    /// Runs the whole pipeline over loaded articles: the per-article stages on `workers` threads (one: all on this
    /// thread), then the corpus-wide stages (on two threads when `workers` > 1).
    ///
    /// For articles already in memory; `open(paths:loader:workers:)` reads files in the workers as well.
    public func run(_ load: LoadResult, workers: Int) -> Corpus {
        assemble(load, extractions: extract(load.articles, workers: workers), concurrent: workers > 1)
    }

    /// The per-article stages for `articles` (those at `indices`, else all), in order, on `workers` threads: the
    /// articles are split into chunks and each extraction is written to its own slot, so no two threads touch the
    /// same memory.
    func extract(_ articles: [Article], at indices: [Int]? = nil, workers: Int) -> [ArticleExtraction] {
        let count = indices?.count ?? articles.count
        guard workers > 1, count > 1 else {
            return (0..<count).map { j in
                let i = indices?[j] ?? j
                return extract(articles[i], key: .article(i))
            }
        }
        let slots = Slots<ArticleExtraction>(count: count)
        Chunked.perform(count: count, workers: workers) { j in
            let i = indices?[j] ?? j
            slots.store(extract(articles[i], key: .article(i)), at: j)
        }
        return slots.collect()
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
