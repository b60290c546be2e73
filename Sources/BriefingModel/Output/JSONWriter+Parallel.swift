import Dispatch
import Foundation

extension JSONWriter {
    /// An array of `items`, each written by `element`: a long array is rendered a few runs of elements at a time on
    /// `workers` threads and the runs are appended in order, so the bytes are those of writing the elements one by
    /// one (the layout of an element depends only on its depth and on whether it is the array's first).
    public mutating func array<Item: Sendable>(
        _ items: [Item], workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ element: @escaping @Sendable (Item, inout JSONWriter) -> Void
    ) {
        beginArray()
        let run = 128
        guard workers > 1, items.count >= 2 * run else {
            for item in items { element(item, &self) }
            endArray()
            return
        }
        let pretty = self.pretty
        let depth = depth
        // Enough runs per round to keep every thread busy, few enough to hold little memory.
        let runsPerRound = workers * 4
        var start = 0
        while start < items.count {
            let runs = min(runsPerRound, (items.count - start + run - 1) / run)
            let rendered = Slots<[UInt8]>(count: runs)
            let roundStart = start
            DispatchQueue.concurrentPerform(iterations: runs) { r in
                let lower = roundStart + r * run
                let upper = min(items.count, lower + run)
                var w = JSONWriter(pretty: pretty, elementsAtDepth: depth, first: lower == 0)
                for i in lower..<upper { element(items[i], &w) }
                rendered.store(w.bytes, at: r)
            }
            for r in 0..<runs {
                if let bytes = rendered.take(r) { appendRendered(bytes) }
            }
            start = min(items.count, start + runs * run)
        }
        endArray()
    }
}
