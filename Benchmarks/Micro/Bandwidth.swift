import Dispatch

/// The memory-bandwidth baseline: a plain loop summing a large Int64 buffer with `&+=`.
final class BandwidthBaseline {
    let values: [Int64]

    /// A buffer of `bytes` bytes (rounded down to whole Int64s), filled so that no page is left untouched.
    init(bytes: Int) {
        let count = bytes / 8
        values = [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { buffer[i] = Int64(i & 0xFFFF) }
            initialized = count
        }
    }

    /// The sum on one thread.
    func sum() -> Int64 {
        values.withUnsafeBufferPointer { Self.sum($0) }
    }

    /// The sum on `threads` threads, each over a contiguous share, with DispatchQueue.concurrentPerform.
    func sum(threads: Int) -> Int64 {
        values.withUnsafeBufferPointer { buffer in
            let base = SendableBuffer(buffer: buffer)
            let partials = PartialSums(count: threads)
            DispatchQueue.concurrentPerform(iterations: threads) { k in
                let lo = base.buffer.count * k / threads, hi = base.buffer.count * (k + 1) / threads
                partials.store(k, Self.sum(UnsafeBufferPointer(rebasing: base.buffer[lo..<hi])))
            }
            return partials.total
        }
    }

    @inline(never)
    static func sum(_ p: UnsafeBufferPointer<Int64>) -> Int64 {
        var s: Int64 = 0
        for i in 0..<p.count { s &+= p[i] }
        return s
    }
}

/// A read-only buffer handed to worker threads.
private struct SendableBuffer: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Int64>
}

/// One result slot per thread (each thread writes only its own slot), 64 bytes apart.
private final class PartialSums: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Int64>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count * 8)
        slots.initialize(repeating: 0, count: count * 8)
    }

    deinit { slots.deallocate() }

    func store(_ k: Int, _ value: Int64) { slots[k * 8] = value }

    var total: Int64 { (0..<count).reduce(0) { $0 &+ slots[$1 * 8] } }
}
