import Dispatch
import Foundation

extension JSONWriter {
    /// An array of `items`, each written by `element`: a long array is rendered in runs of elements on `workers`
    /// threads while this writer appends (and hands to its sink) the runs already rendered, in order, so the bytes are
    /// those of writing the elements one by one (the layout of an element depends only on its depth and on whether it
    /// is the array's first). At most a few runs per worker are rendered ahead of the writer, so memory stays bounded:
    /// a run ends after `runLength` elements, or sooner once the elements' `weight` (an estimate of their bytes, when
    /// given) reaches `runBytes`, so a run of large elements (a speaker named in every article) stays small.
    public mutating func array<Item: Sendable>(
        _ items: [Item], workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        weight: ((Item) -> Int)? = nil, _ element: @escaping @Sendable (Item, inout JSONWriter) -> Void
    ) {
        beginArray()
        guard workers > 1, items.count >= 2 * Self.runLength else {
            for item in items { element(item, &self) }
            endArray()
            return
        }
        let pretty = self.pretty
        let depth = depth
        let bounds = Self.runBounds(items, weight: weight)
        let runCount = bounds.count - 1
        // Enough runs ahead to keep every thread busy while the writer writes, few enough to hold little memory.
        let runs = RenderedRuns(count: runCount, window: workers * 4)
        let render: @Sendable (Int) -> Void = { r in
            let lower = bounds[r]
            var w = JSONWriter(pretty: pretty, elementsAtDepth: depth, first: lower == 0)
            for i in lower..<bounds[r + 1] { element(items[i], &w) }
            runs.store(w.takeBuffer(), at: r)
        }
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while let r = runs.claim() { render(r) }
            }
        }
        // The writer renders a run itself whenever the next one to write is not ready and one is left to claim, so
        // the array is written even if no worker thread gets to run.
        for r in 0..<runCount {
            while true {
                switch runs.take(r) {
                case .rendered(let bytes):
                    appendRendered(bytes)
                case .claimed(let own):
                    render(own)
                    continue
                }
                break
            }
        }
        group.wait()
        endArray()
    }

    /// The most elements in one run of `array(_:workers:weight:_:)`.
    static let runLength = 128
    /// The estimated bytes after which a run ends before `runLength` elements.
    static let runBytes = 256 * 1024

    /// Where each run of `items` starts, and `items.count` last: runs of `runLength` elements, ended sooner when
    /// their weight reaches `runBytes`.
    static func runBounds<Item>(_ items: [Item], weight: ((Item) -> Int)?) -> [Int] {
        var bounds = [0]
        guard let weight else {
            bounds += stride(from: runLength, to: items.count, by: runLength)
            bounds.append(items.count)
            return bounds
        }
        var start = 0
        var bytes = 0
        for i in items.indices {
            bytes += max(0, weight(items[i]))
            if i + 1 - start == runLength || bytes >= runBytes {
                start = i + 1
                bytes = 0
                if start < items.count { bounds.append(start) }
            }
        }
        bounds.append(items.count)
        return bounds
    }
}

/// The runs of a long array being rendered on worker threads, handed to the writer in order: workers claim the next
/// run to render, at most `window` runs ahead of the last one written.
final class RenderedRuns: @unchecked Sendable {
    /// What the writer gets when it asks for a run: its bytes, or another run to render itself meanwhile.
    enum Next {
        case rendered(ByteBuffer)
        case claimed(Int)
    }

    private let condition = NSCondition()
    private var rendered: [ByteBuffer?]
    /// The next run to claim.
    private var next = 0
    /// How many runs the writer has taken.
    private var taken = 0
    private let window: Int

    init(count: Int, window: Int) {
        rendered = [ByteBuffer?](repeating: nil, count: count)
        self.window = max(1, window)
    }

    /// The next run for a worker to render, waiting while it would be too far ahead of the writer; nil when every
    /// run is claimed.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < rendered.count && next >= taken + window { condition.wait() }
        guard next < rendered.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ bytes: ByteBuffer, at r: Int) {
        condition.lock()
        rendered[r] = bytes
        condition.broadcast()
        condition.unlock()
    }

    /// Run `r`'s bytes once rendered (the writer takes the runs in order), or, while they are not, an unclaimed run
    /// within the window for the writer to render.
    func take(_ r: Int) -> Next {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let bytes = rendered[r] {
                rendered[r] = nil
                taken = r + 1
                condition.broadcast()
                return .rendered(bytes)
            }
            if next < rendered.count && next < taken + window {
                next += 1
                return .claimed(next - 1)
            }
            condition.wait()
        }
    }
}
