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
        let slots = ExtractionSlots(count: articles.count)
        let chunkCount = min(articles.count, workers * 8)
        let chunkSize = (articles.count + chunkCount - 1) / chunkCount
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = chunk * chunkSize
            let upper = min(articles.count, lower + chunkSize)
            guard lower < upper else { return }
            for i in lower..<upper { slots.store(extract(articles[i]), at: i) }
        }
        return assemble(load, extractions: slots.collect())
    }
}

/// Fixed slots that worker threads fill, each index written by exactly one thread.
private final class ExtractionSlots: @unchecked Sendable {
    private let base: UnsafeMutablePointer<ArticleExtraction?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = UnsafeMutablePointer<ArticleExtraction?>.allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func store(_ value: ArticleExtraction, at index: Int) { base[index] = value }

    /// Every slot's value, in article order, moved out so the slots hold nothing more (after all workers are
    /// done).
    func collect() -> [ArticleExtraction] {
        var out: [ArticleExtraction] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            if let x = base[i] { out.append(x) }
            base[i] = nil
        }
        return out
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
