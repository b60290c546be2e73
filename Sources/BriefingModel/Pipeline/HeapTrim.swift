import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Gives the C allocator's free pages back to the system between the pipeline's stages.
///
/// The per-article stages leave many small blocks behind when their results are laid end to end and when a
/// corpus-wide stage lets go of its working data; glibc keeps such freed memory in the process (only the top of
/// each heap is ever given back on its own). `malloc_trim(0)` returns every whole free page of every heap, so the
/// next stage's fresh mappings do not stack on top of memory nobody uses. Does nothing where it is not found.
public enum HeapTrim {
    /// Returns the allocator's whole free pages to the system.
    public static func release() {
        #if canImport(Glibc)
            guard let trim = function else { return }
            _ = trim(0)
        #endif
    }

    #if canImport(Glibc)
        private typealias MallocTrim = @convention(c) (Int) -> Int32
        /// `malloc_trim` in <malloc.h>, which the Glibc module does not export, so it is looked up once.
        private static let function: MallocTrim? = dlsym(nil, "malloc_trim").map {
            unsafeBitCast($0, to: MallocTrim.self)
        }
    #endif
}
