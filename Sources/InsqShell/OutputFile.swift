import Glibc

/// A file that `.output` and `.once` send results to. It is opened (created or truncated) when the command
/// runs, so that a bad path is reported at once, and it owns its descriptor, closing it when switched away.
final class OutputFile: OutputSink {
    let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// The first write failure (a full disk, say), reported when the file is closed.
    private var failure: Int32 = 0

    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw MetaCommandError(message: "cannot open \"\(path)\" for writing: \(Self.reason(errno))")
        }
    }

    func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count && failure == 0 && descriptor >= 0 {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written >= 0 {
                offset += written
            } else if errno != EINTR {
                failure = errno
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file; the message of a failed write, if any.
    func close() -> String? {
        flush()
        if descriptor >= 0 && Glibc.close(descriptor) != 0 && failure == 0 { failure = errno }
        descriptor = -1
        return failure == 0 ? nil : "cannot write \"\(path)\": \(Self.reason(failure))"
    }

    deinit { _ = close() }

    private static func reason(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
