#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Positioned reads from an open snapshot file with POSIX calls; every read is checked against the file size.
final class SnapshotInput: Sendable {
    let path: String
    let size: Int
    private let descriptor: Int32
    private static let chunkSize = 8 << 20

    init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SnapshotError(.io, file: path, "cannot open: \(SnapshotOutput.reason(errno))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw SnapshotError(.io, file: path, "cannot read: \(SnapshotOutput.reason(code))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw SnapshotError(.notASnapshot, file: path, "not a regular file, not an insq snapshot")
        }
        self.descriptor = descriptor
        self.size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Fills `buffer` from `offset`, feeding `hash` chunk by chunk; the caller has checked the range against `size`.
    /// A file that ends early (it shrank while being read) gives a truncation error naming `location`.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int, hash: inout SnapshotHash,
              location: String) throws {
        guard let base = buffer.baseAddress else { return }
        var done = 0
        while done < buffer.count {
            let want = min(Self.chunkSize, buffer.count - done)
            var got = 0
            while got < want {
                let n = pread(descriptor, base + done + got, want - got, off_t(offset + done + got))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SnapshotError(.io, file: path, "cannot read: \(SnapshotOutput.reason(errno))")
                }
                if n == 0 {
                    throw SnapshotError(.truncated, file: path, "truncated at byte \(offset + done + got) (\(location))")
                }
                got += n
            }
            hash.update(UnsafeRawBufferPointer(start: base + done, count: want))
            done += want
        }
    }

    /// `count` bytes from `offset`, which the caller has checked lie within the file.
    func bytes(at offset: Int, count: Int, hash: inout SnapshotHash, location: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        try bytes.withUnsafeMutableBytes { (raw) in
            try read(into: raw, at: offset, hash: &hash, location: location)
        }
        return bytes
    }

    func bytes(at offset: Int, count: Int, location: String) throws -> [UInt8] {
        var hash = SnapshotHash()
        return try bytes(at: offset, count: count, hash: &hash, location: location)
    }
}
