#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in chunks that each end at a record end (a line feed outside quotes), so that chunks can be
/// parsed independently. Only the current chunk and the start of the next record are held in memory.
/// Text already in memory is cut the same way, so that one parser serves files and strings.
struct CSVChunkSource: ~Copyable {
    let path: String
    let totalBytes: Int
    /// -1 when reading `memory`.
    private let descriptor: Int32
    private let memory: [UInt8]
    private var memoryOffset = 0
    private let chunkSize: Int
    private let pool: CSVBufferPool
    private var carry: [UInt8] = []
    private var atEnd = false
    private(set) var bytesRead = 0

    init(path: String, chunkSize: Int, pool: CSVBufferPool) throws(CSVError) {
        self.path = path
        self.chunkSize = max(1, chunkSize)
        self.pool = pool
        memory = []
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

    /// Reads `bytes` as if they were the file called `name`.
    init(bytes: [UInt8], name: String, chunkSize: Int, pool: CSVBufferPool) {
        path = name
        self.chunkSize = max(1, chunkSize)
        self.pool = pool
        memory = bytes
        descriptor = -1
        totalBytes = bytes.count
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Fills `count` bytes at `target` from the file or from memory; 0 at the end.
    private mutating func fill(_ target: UnsafeMutableRawPointer, count: Int) -> Int {
        guard descriptor < 0 else { return read(descriptor, target, count) }
        let n = min(count, memory.count - memoryOffset)
        memory.withUnsafeBytes { source in
            if n > 0 { target.copyMemory(from: source.baseAddress! + memoryOffset, byteCount: n) }
        }
        memoryOffset += n
        return n
    }

    /// The next chunk: whole records, the last one possibly without a line break; nil at the end of the file.
    /// The buffer comes from the pool and goes back to it once the chunk is done with.
    mutating func next() throws(CSVError) -> CSVChunkBuffer? {
        let buffer = pool.take(capacity: min(chunkSize, max(totalBytes - bytesRead, 0) + carry.count + 1))
        carry.withUnsafeBufferPointer { kept in
            if let start = kept.baseAddress { buffer.base.initialize(from: start, count: kept.count) }
        }
        buffer.count = carry.count
        carry = []
        var scanned = 0
        var inQuotes = false
        while true {
            if atEnd {
                guard buffer.count > 0 else {
                    pool.give(buffer)
                    return nil
                }
                buffer.seal()
                return buffer
            }
            let old = buffer.count
            // No more than the file still holds (plus one byte to see its end), so a small file gets a small
            // buffer rather than a whole chunk's.
            let wanted = min(max(chunkSize - old, chunkSize / 4, 1), max(totalBytes - bytesRead + 1, 1 << 16))
            buffer.reserve(old + wanted)
            var filled = 0
            while filled < wanted {
                let got = fill(buffer.base + old + filled, count: wanted - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    let failure = errno
                    pool.give(buffer)
                    throw Self.failure(path, "cannot read file", failure)
                }
                if got == 0 {
                    atEnd = true
                    break
                }
                filled += got
            }
            buffer.count = old + filled
            bytesRead += filled
            if atEnd { continue }
            if let end = CSVTokenizer.lastRecordEnd(buffer.bytes, from: scanned, inQuotes: &inQuotes) {
                carry = Array(UnsafeBufferPointer(rebasing: buffer.bytes[end...]))
                buffer.count = end
                buffer.seal()
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
