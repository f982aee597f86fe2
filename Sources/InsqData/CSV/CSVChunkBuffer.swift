#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one chunk in a reusable allocation, with zeroed slack after the end.
///
/// Fresh multi-megabyte buffers per chunk cost a page fault per 4 KiB every time (most of an import's system
/// time); recycled ones are faulted in once. The slack lets the fast parser read whole words past a field, and
/// the byte at `count` is a line feed, so a last record without one still ends at a line feed.
final class CSVChunkBuffer: @unchecked Sendable {
    /// Readable bytes after `count`, all zero except the line feed at `count`.
    static let slack = 64

    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// Bytes of the chunk (the slack not included).
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity + Self.slack)
    }

    deinit { base.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Room for at least `needed` bytes, keeping the first `count`.
    func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let grown = max(needed, capacity + capacity / 2)
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: grown + Self.slack)
        fresh.initialize(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = grown
    }

    /// Writes the sentinel line feed and zeroes the rest of the slack.
    func seal() {
        (base + count).initialize(repeating: 0, count: Self.slack)
        base[count] = UInt8(ascii: "\n")
    }
}

/// Chunk buffers handed back after use, so that an import touches the same few buffers throughout.
final class CSVBufferPool {
    private var free: [CSVChunkBuffer] = []

    func take(capacity: Int) -> CSVChunkBuffer {
        guard let buffer = free.popLast() else { return CSVChunkBuffer(capacity: capacity) }
        buffer.count = 0
        buffer.reserve(capacity)
        return buffer
    }

    func give(_ buffer: CSVChunkBuffer) {
        free.append(buffer)
    }
}
