#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in chunks that each end at a record end (a line feed outside quotes), so that chunks can be
/// parsed independently. Only the current chunk and the start of the next record are held in memory.
struct CSVChunkSource: ~Copyable {
    let path: String
    let totalBytes: Int
    private let descriptor: Int32
    private let chunkSize: Int
    private var carry: [UInt8] = []
    private var atEnd = false
    private(set) var bytesRead = 0

    init(path: String, chunkSize: Int) throws(CSVError) {
        self.path = path
        self.chunkSize = max(1, chunkSize)
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Self.failure(path, "cannot open file", errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw Self.failure(path, "cannot read file", code)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw Self.failure(path, "cannot read file", EISDIR)
        }
        totalBytes = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// The next chunk: whole records, the last one possibly without a line break; nil at the end of the file.
    mutating func next() throws(CSVError) -> [UInt8]? {
        var buffer = carry
        carry = []
        var scanned = 0
        var inQuotes = false
        while true {
            if atEnd { return buffer.isEmpty ? nil : buffer }
            let old = buffer.count
            let wanted = max(chunkSize - old, chunkSize / 4, 1)
            buffer.append(contentsOf: repeatElement(0, count: wanted))
            var filled = 0
            while filled < wanted {
                let got = buffer.withUnsafeMutableBytes { raw in
                    read(descriptor, raw.baseAddress! + old + filled, wanted - filled)
                }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw Self.failure(path, "cannot read file", errno)
                }
                if got == 0 {
                    atEnd = true
                    break
                }
                filled += got
            }
            buffer.removeLast(wanted - filled)
            bytesRead += filled
            if atEnd { continue }
            let end = buffer.withUnsafeBufferPointer {
                CSVTokenizer.lastRecordEnd($0, from: scanned, inQuotes: &inQuotes)
            }
            if let end {
                carry = Array(buffer[end...])
                buffer.removeSubrange(end...)
                return buffer
            }
            scanned = buffer.count
        }
    }

    static func failure(_ path: String, _ what: String, _ code: Int32) -> CSVError {
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return CSVError(kind: .unreadableFile, file: path, line: nil, message: "\(what): \(reason)")
    }
}
