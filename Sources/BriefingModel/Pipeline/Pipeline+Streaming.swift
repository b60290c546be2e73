import Foundation

extension Pipeline {
    /// Reads, parses and extracts the articles under `paths` on all cores, then runs the corpus-wide stages.
    ///
    /// Same result as `run(loader.load(paths: paths), workers: workers)` (and the same warnings in the same order), but
    /// the load is no longer a serial step before the extraction: each worker reads and parses a file and runs the
    /// per-article stages on it at once, so a file's bytes are let go as soon as it is parsed. Ids are handed out
    /// afterwards in file order, as the serial load does; an article whose id then differs from the one it was
    /// extracted under (the same id base twice) and the articles of `.jsonl` files (ids per line) are extracted in
    /// a second pass.
    public func open(
        paths: [String], loader: CorpusLoader,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> (corpus: Corpus, skipped: [String]) {
        open(listing: loader.list(paths: paths), loader: loader, workers: workers)
    }

    /// The same for the files `loader` has listed (`CorpusLoader.list(paths:)`).
    func open(
        listing: (files: [FoundFile], result: LoadResult), loader: CorpusLoader,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> (corpus: Corpus, skipped: [String]) {
        let (files, listed) = listing
        let slots = Slots<StreamedFile>(count: files.count)
        let layout = StreamedLayout(load: listed)
        let order = InOrder(count: files.count)
        Chunked.perform(count: files.count, workers: workers) { i in
            let parsed = loader.parse(file: files[i].path, root: files[i].root)
            var extraction: ArticleExtraction?
            if case .done(let part, .some) = parsed, part.articles.count == 1 {
                // Extracted under the id base; kept when the base turns out to be the article's id.
                extraction = extract(part.articles[0], key: .file(i))
            }
            slots.store(StreamedFile(parsed: parsed, extraction: extraction), at: i)
            // Files are finished in order as they come, on whichever worker stored the next one, so an article's
            // results are laid into the tables while the workers go on (their arrays freed for the next articles).
            order.ready(i) { k in
                if let file = slots.take(k) { layout.add(file, loader: loader) }
            }
        }
        StageTrace.mark("articles read and extracted")
        var (load, parts, found) = layout.take()
        let missing = found.indices.filter { found[$0] == nil }
        let offset = load.articles.count - found.count
        if !missing.isEmpty {
            var redone = extract(load.articles, at: missing.map { $0 + offset }, workers: workers)
            for (j, i) in missing.enumerated() where j < redone.count { found[i] = redone[j] }
            // Let go here, so that `found` holds the only reference to each extraction.
            redone = []
        }
        for i in found.indices {
            if var x = found[i].take() { parts.append(&x) }
        }
        found = []
        parts.finishAppending()
        StageTrace.mark("extractions laid end to end")
        let skipped = load.skipped
        return (assemble(load, parts: consume parts, concurrent: workers > 1), skipped)
    }
}

extension Pipeline {
    /// `open(paths:loader:workers:)` from asynchronous code: it runs on a thread of its own (its workers block
    /// while they wait for each other, which the tasks' shared threads must not do).
    public func openDetached(
        paths: [String], loader: CorpusLoader, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) async -> (corpus: Corpus, skipped: [String]) {
        await withCheckedContinuation { done in
            Thread.detachNewThread { done.resume(returning: self.open(paths: paths, loader: loader, workers: workers)) }
        }
    }
}

/// The files finished in order (`CorpusLoader.finish`: ids handed out, articles and warnings added) and their
/// articles' extractions laid end to end (`Parts`) as long as each was extracted under its final id; from the
/// first that was not (the same id base twice, or a `.jsonl` file), the extractions are held in article order
/// (nil where an article must be extracted again).
///
/// Unchecked: `add` is called by one thread at a time (`InOrder`), `take` once every worker is done.
private final class StreamedLayout: @unchecked Sendable {
    private var load: LoadResult
    private var ids = IDAllocator()
    private var parts = Parts()
    private var held: [ArticleExtraction?] = []
    private var streaming = true

    init(load: LoadResult) { self.load = load }

    func add(_ file: StreamedFile, loader: CorpusLoader) {
        let first = load.articles.count
        loader.finish(file.parsed, ids: &ids, into: &load)
        var extraction = file.extraction
        for k in first..<load.articles.count {
            let x = k == first && extraction?.article == load.articles[k].id ? extraction.take() : nil
            // Quotes that name their speakers by id (none from the extractor) need every speaker's position first.
            if streaming, var found = x, !found.quotesNameSpeakersByID {
                parts.append(&found)
            } else {
                streaming = false
                held.append(x)
            }
        }
    }

    /// What was finished: the load, the extractions laid out, and those held (one per article after the laid-out
    /// ones).
    func take() -> (LoadResult, Parts, [ArticleExtraction?]) {
        defer {
            load = LoadResult()
            parts = Parts()
            held = []
        }
        return (load, parts, held)
    }
}

/// Calls `body` for the indices `0..<count` in order, each as soon as it and every index before it are ready:
/// on the thread that made the next index ready, one call at a time (a thread that finds another one calling
/// `body` leaves it the work and returns).
final class InOrder: @unchecked Sendable {
    // Unchecked: `isReady`, `next` and `calling` are read and written under `lock` only.
    private let lock = NSLock()
    private var isReady: [Bool]
    private var next = 0
    private var calling = false

    init(count: Int) { isReady = [Bool](repeating: false, count: count) }

    /// Marks `index` ready, then calls `body` for every index that can go next, unless another thread is doing so
    /// (it will reach `index` too: it checks for a ready index under the lock before it stops).
    func ready(_ index: Int, _ body: (Int) -> Void) {
        lock.lock()
        isReady[index] = true
        guard !calling else {
            lock.unlock()
            return
        }
        calling = true
        while next < isReady.count, isReady[next] {
            let k = next
            lock.unlock()
            body(k)
            lock.lock()
            next += 1
        }
        calling = false
        lock.unlock()
    }
}

/// One file as a worker leaves it: parsed, and its article extracted under the id base.
private struct StreamedFile: Sendable {
    var parsed: CorpusLoader.ParsedFile
    var extraction: ArticleExtraction?
}
