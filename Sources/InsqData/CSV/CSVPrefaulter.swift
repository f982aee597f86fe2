import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Faults in the reserved column storage on a background thread, ahead of the appends that fill it.
///
/// On this kind of virtual machine the first touch of a fresh page costs several microseconds (a gigabyte took
/// 2–4 s), which made the importing thread, where the appends run, the slowest of the three. Faulting in
/// batches with `MADV_POPULATE_WRITE` moves that work to an otherwise idle moment of a core and is cheaper per
/// page. It never changes memory contents, so racing the appends, or outliving an array that moved (a range
/// no longer mapped just fails), is harmless.
final class CSVPrefaulter: Sendable {
    private let group = DispatchGroup()
    private let stopped = Atomic<Bool>(false)

    /// Starts on `ranges` (address ranges of spare capacity), in slices of about `sliceRows` of `rows` rows,
    /// so that every column is faulted in roughly in the order rows are appended.
    init(ranges: [(start: Int, end: Int)], rows: Int) {
        #if os(Linux)
        guard !ranges.isEmpty, rows > 0 else { return }
        let ranges = ranges.map { [$0.start, $0.end] }
        let slices = max(1, rows / (1 << 18))
        DispatchQueue.global().async(group: group) { [self] in
            let page = 4096
            for slice in 0..<slices {
                for range in ranges {
                    if stopped.load(ordering: .relaxed) { return }
                    let length = range[1] - range[0]
                    var from = range[0] + length / slices * slice
                    let to = slice == slices - 1 ? range[1] : range[0] + length / slices * (slice + 1)
                    from = (from + page - 1) & ~(page - 1)
                    let end = to & ~(page - 1)
                    guard end > from, let pointer = UnsafeMutableRawPointer(bitPattern: from) else { continue }
                    if madvise(pointer, end - from, 23) != 0 { return }  // MADV_POPULATE_WRITE; EINVAL on old kernels
                }
            }
        }
        #endif
    }

    /// Stops at the next slice and waits for the thread.
    func stop() {
        stopped.store(true, ordering: .relaxed)
        group.wait()
    }
}
