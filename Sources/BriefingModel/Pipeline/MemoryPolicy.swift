import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How the commands ask the C allocator to treat large blocks: the plain subcommands always, the search and the
/// reader when they parse the articles (a cache miss or `--no-cache`), and the reader on a warm start as soon as
/// the model is loaded, when it starts building its search.
public enum MemoryPolicy {
    /// Blocks of this size and more are mapped on their own and given back to the system when freed.
    static let largeBlock: Int32 = 256 * 1024

    /// Serves every block of `largeBlock` bytes or more with its own mapping, returned to the system when freed.
    ///
    /// glibc otherwise raises that threshold each time such a block is freed, after which the large temporary
    /// arrays of the corpus-wide stages and of the search index come from the heap and stay in the process's
    /// memory after use (on 20,000 articles: about 9% more peak memory for `extract`, and for the reader's cold
    /// start 505–515 against 462–464 MB). The reader's warm start keeps the default while it loads: about 0.1 s
    /// sooner to its first frame, the large arrays the cache decodes into reusing the heap's pages rather than
    /// faulting in fresh ones; it switches before building its search, whose large temporary arrays would
    /// otherwise stay (14 MiB of the warm reader's peak on 20,000 articles). Does nothing where `mallopt` is not
    /// found.
    public static func returnLargeBlocks() {
        #if canImport(Glibc)
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            // M_MMAP_THRESHOLD in <malloc.h>; `mallopt` itself is not in the Glibc module, so it is looked up.
            let mmapThreshold: Int32 = -3
            guard let symbol = dlsym(nil, "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: MallOpt.self)(mmapThreshold, largeBlock)
        #endif
    }
}
