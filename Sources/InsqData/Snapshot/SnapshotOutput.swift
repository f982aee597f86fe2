#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fault injected into a snapshot write, for tests of crash safety.
enum SnapshotFault: Sendable {
    /// The disk fills up after this many bytes: the write fails with ENOSPC and cleans up.
    case diskFull(afterBytes: Int)
    /// The process dies after this many bytes: the write stops at once, without cleaning up.
    case crash(afterBytes: Int)
}

/// Buffered, checksumming output to a file descriptor with POSIX calls.
///
/// Small pieces gather in a 1 MiB buffer; large arrays go to `write(2)` straight from their storage, in
/// chunks small enough to stay in cache between hashing and writing.
final class SnapshotOutput {
    private let descriptor: Int32
    private let path: String
    private let fault: SnapshotFault?
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 20
    private static let chunkSize = 4 << 20
    /// Bytes handed to the system so far.
    private var written = 0
    /// The checksum of the current block, while one is open.
    private var hash: SnapshotHash?
    /// Set when a `.crash` fault fired: the writer must then stop without cleaning up, as a dead process would.
    private(set) var crashed = false

    init(descriptor: Int32, path: String, fault: SnapshotFault?) {
        self.descriptor = descriptor
        self.path = path
        self.fault = fault
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Bytes appended so far (written or buffered).
    var offset: Int { written + buffer.count }

    func beginBlock() { hash = SnapshotHash() }

    /// Ends the current block: appends its checksum (not itself checksummed).
    func endBlock() throws {
        let value = hash?.finalize() ?? 0
        hash = nil
        var bytes: [UInt8] = []
        bytes.appendLE(value)
        try append(bytes)
    }

    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { (raw) in try append(raw) }
    }

    func appendZeros(_ count: Int) throws {
        if count > 0 { try append([UInt8](repeating: 0, count: count)) }
    }

    /// Appends raw bytes, then zeros up to a multiple of 8 bytes.
    func appendPadded(_ bytes: UnsafeRawBufferPointer) throws {
        try append(bytes)
        try appendZeros(SnapshotLayout.padded(bytes.count) - bytes.count)
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        if bytes.count <= Self.bufferSize - buffer.count {
            hash?.update(bytes)
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        var start = 0
        while start < bytes.count {
            let end = min(start + Self.chunkSize, bytes.count)
            let chunk = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            hash?.update(chunk)
            try writeAll(chunk)
            start = end
        }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { (raw) in try writeAll(raw) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes everything, retrying short writes and EINTR; applies the injected fault.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        if let fault {
            let limit: Int
            switch fault {
            case let .diskFull(n), let .crash(n): limit = n
            }
            if written + bytes.count > limit {
                let allowed = max(0, limit - written)
                try writeAll(UnsafeRawBufferPointer(rebasing: bytes[0..<allowed]), unfaulted: ())
                if case .crash = fault {
                    crashed = true
                    throw SnapshotError(.io, file: path, "simulated crash")
                }
                throw SnapshotError(.io, file: path, "cannot write: \(Self.reason(ENOSPC))")
            }
        }
        try writeAll(bytes, unfaulted: ())
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, unfaulted: ()) throws {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = write(descriptor, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw SnapshotError(.io, file: path, "cannot write: \(Self.reason(errno))")
            }
            done += n
            written += n
        }
    }

    static func reason(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
