import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How the commands that open a corpus ask the C allocator to treat large blocks (the plain subcommands, the
/// search and the reader).
enum MemoryPolicy {
    /// Blocks of this size and more are mapped on their own and given back to the system when freed.
    static let largeBlock: Int32 = 256 * 1024

    /// Serves every block of `largeBlock` bytes or more with its own mapping, returned to the system when freed.
    ///
    /// glibc otherwise raises that threshold each time such a block is freed, after which the large temporary
    /// arrays of the corpus-wide stages and of the search index come from the heap and stay in the process's
    /// memory after use (on 20,000 articles: about 9% more peak memory for `extract`; for the reader 515 against
    /// 464 MB on a cold start and 364–368 against 350–353 MB on a warm one). Does nothing where `mallopt` is not
    /// found.
    static func returnLargeBlocks() {
        #if canImport(Glibc)
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            // M_MMAP_THRESHOLD in <malloc.h>; `mallopt` itself is not in the Glibc module, so it is looked up.
            let mmapThreshold: Int32 = -3
            guard let symbol = dlsym(nil, "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: MallOpt.self)(mmapThreshold, largeBlock)
        #endif
    }
}
