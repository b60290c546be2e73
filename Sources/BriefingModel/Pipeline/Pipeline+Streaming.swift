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
        Chunked.perform(count: files.count, workers: workers) { i in
            let parsed = loader.parse(file: files[i].path, root: files[i].root)
            var extraction: ArticleExtraction?
            if case .done(let part, .some) = parsed, part.articles.count == 1 {
                // Extracted under the id base; kept when the base turns out to be the article's id.
                extraction = extract(part.articles[0], key: .file(i))
            }
            slots.store(StreamedFile(parsed: parsed, extraction: extraction), at: i)
        }
        var load = listed
        var ids = IDAllocator()
        var found: [ArticleExtraction?] = []
        for i in 0..<files.count {
            guard let file = slots.take(i) else { continue }
            let first = load.articles.count
            loader.finish(file.parsed, ids: &ids, into: &load)
            for k in first..<load.articles.count {
                let x = file.extraction
                found.append(k == first && x?.article == load.articles[k].id ? x : nil)
            }
        }
        let missing = found.indices.filter { found[$0] == nil }
        if !missing.isEmpty {
            var redone = extract(load.articles, at: missing, workers: workers)
            for (j, i) in missing.enumerated() where j < redone.count { found[i] = redone[j] }
            // Let go here, so that `found` holds the only reference to each extraction.
            redone = []
        }
        var extractions: [ArticleExtraction] = []
        extractions.reserveCapacity(found.count)
        for i in found.indices {
            if let x = found[i].take() { extractions.append(x) }
        }
        found = []
        let skipped = load.skipped
        return (assemble(load, extractions: consume extractions, concurrent: workers > 1), skipped)
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

/// One file as a worker leaves it: parsed, and its article extracted under the id base.
private struct StreamedFile: Sendable {
    var parsed: CorpusLoader.ParsedFile
    var extraction: ArticleExtraction?
}
