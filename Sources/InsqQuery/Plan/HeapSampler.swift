import CMalloc

/// How much more memory the process's heap holds than when profiling began, from glibc's allocator statistics:
/// the bytes in use in its arenas plus those in blocks it mapped separately. The engine does not account for its
/// own allocations, so this counts everything alive in the process (the tables stay put while a query runs).
struct HeapSampler {
    private let baseline: Int

    init() {
        baseline = Self.bytesInUse()
    }

    /// Bytes allocated now beyond the baseline; 0 when the heap shrank.
    func growth() -> Int {
        max(0, Self.bytesInUse() - baseline)
    }

    private static func bytesInUse() -> Int {
        let info = mallinfo2()
        return Int(clamping: info.uordblks) + Int(clamping: info.hblkhd)
    }
}
