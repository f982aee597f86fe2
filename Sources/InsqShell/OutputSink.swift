import Glibc

/// A text stream that may hold text back until `flush()`; front ends flush before waiting for input.
public protocol OutputSink: TextOutputStream {
    mutating func flush()
}

extension String: OutputSink {
    /// Text written to a string is always there already.
    public func flush() {}
}

/// Writes to a file descriptor (standard output or error) through a buffer, with `write(2)`.
public final class FileDescriptorSink: OutputSink {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferLimit: Int
    /// A sink flushed before each write to this one, so that standard output and error interleave in order.
    private let flushedFirst: FileDescriptorSink?

    /// A sink on `descriptor` that writes once `bufferLimit` bytes are waiting (0: on every write).
    public init(descriptor: Int32, bufferLimit: Int = 1 << 16, flushingFirst other: FileDescriptorSink? = nil) {
        self.descriptor = descriptor
        self.bufferLimit = bufferLimit
        flushedFirst = other
        buffer.reserveCapacity(bufferLimit)
    }

    /// Buffered standard output.
    public static func standardOutput() -> FileDescriptorSink {
        FileDescriptorSink(descriptor: 1)
    }

    /// Unbuffered standard error that first flushes `output`.
    public static func standardError(after output: FileDescriptorSink) -> FileDescriptorSink {
        FileDescriptorSink(descriptor: 2, bufferLimit: 0, flushingFirst: output)
    }

    public func write(_ string: String) {
        flushedFirst?.flush()
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= bufferLimit { flush() }
    }

    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress, raw.count)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                break // The reader went away (EPIPE); drop the text rather than spin.
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
