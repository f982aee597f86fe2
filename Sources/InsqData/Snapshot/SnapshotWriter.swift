#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InsqStorage

#if _endian(big)
#error("snapshots copy column arrays as raw little-endian bytes; a big-endian host needs byte swapping here")
#endif

// Snapshot file layout, version 1 (details in FORMAT.md). All integers little-endian; every section
// starts at a multiple of 8 bytes.
//
//   header    48 B   magic 89 'INSQ' 0D 0A 1A | u32 version | u32 endian marker 0x0A0B0C0D |
//                    u64 file length | u64 directory length | u64 directory checksum | u64 checksum of bytes 0..<40
//   directory        u32 table count, u32 view count; per table: name, u64 rows, u32 columns, per column:
//                    name, u8 type tag, u8 precision, u8 scale, u8 0, u64 block offset, u64 block length;
//                    per view: name, SQL (strings are u32 byte length + UTF-8); zero-padded to 8
//   blocks           one per column, in directory order, back to back:
//                    u8 kind (1 int64, 2 int32, 3 double, 4 bool, 5 text), u8 tag, u8 precision, u8 scale,
//                    u8 has-bitmap, 3 B 0, u64 rows, [text: u64 dictionary count, u64 dictionary bytes],
//                    [bitmap words u64 × ⌈rows/64⌉], values (text: u32 lengths, UTF-8 bytes, u32 codes),
//                    each part zero-padded to 8; then u64 checksum (SnapshotHash) of the block
//   footer    24 B   u64 directory checksum | u64 file length | end magic 1A 0A 0D 'QSNI' 89
//
// The directory precedes the blocks (their sizes are known up front), so a reader can say which column
// a truncated file ends in.

/// Writes snapshots atomically: a temporary file beside the target, flushed, then renamed over it.
public enum SnapshotWriter {
    /// Writes `snapshot` to `path`. A failure or crash at any point leaves an earlier file at `path` as it was.
    public static func write(_ snapshot: Snapshot, to path: String) throws {
        try write(snapshot, to: path, fault: nil)
    }

    /// The temporary file a write to `path` goes through.
    static func temporaryPath(for path: String) -> String { "\(path).tmp.\(getpid())" }

    static func write(_ snapshot: Snapshot, to path: String, fault: SnapshotFault?) throws {
        let plan = try SnapshotPlan(snapshot, file: path)
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SnapshotError(.io, file: path, "cannot create \(temporary): \(SnapshotOutput.reason(errno))")
        }
        let output = SnapshotOutput(descriptor: descriptor, path: path, fault: fault)
        var isOpen = true
        do {
            try output.append(plan.header)
            try output.append(plan.directory)
            for table in snapshot.tables {
                for column in table.columns { try writeBlock(column, to: output) }
            }
            try output.append(plan.footer)
            try output.flush()
            precondition(output.offset == plan.fileLength, "snapshot size differs from its plan")
            guard fsync(descriptor) == 0 else {
                throw SnapshotError(.io, file: path, "cannot flush to disk: \(SnapshotOutput.reason(errno))")
            }
            isOpen = false
            guard close(descriptor) == 0 else {
                throw SnapshotError(.io, file: path, "cannot write: \(SnapshotOutput.reason(errno))")
            }
            guard rename(temporary, path) == 0 else {
                throw SnapshotError(.io, file: path, "cannot replace the file: \(SnapshotOutput.reason(errno))")
            }
        } catch {
            if output.crashed { throw error }  // a dead process cleans nothing up
            if isOpen { close(descriptor) }
            unlink(temporary)
            throw error
        }
        try syncDirectory(of: path)
    }

    /// Flushes the directory entry of a renamed file, so that the rename itself survives a power loss.
    private static func syncDirectory(of path: String) throws {
        let directory: String
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            directory = "."
        }
        let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        // Some file systems cannot sync a directory (EINVAL); the file itself is already on disk.
        if fsync(descriptor) != 0 && errno != EINVAL {
            throw SnapshotError(.io, file: path, "cannot flush the directory \(directory): \(SnapshotOutput.reason(errno))")
        }
    }

    private static func writeBlock(_ column: Column, to output: SnapshotOutput) throws {
        output.beginBlock()
        let kind = PhysicalKind(column.data)
        let (tag, precision, scale) = TypeCode.encode(column.type)
        var head: [UInt8] = [kind.rawValue, tag, precision, scale, column.validity == nil ? 0 : 1, 0, 0, 0]
        head.appendLE(UInt64(column.count))
        if case let .text(_, dictionary) = column.data {
            head.appendLE(UInt64(dictionary.count))
            head.appendLE(UInt64(dictionary.textBytes))
        }
        try output.append(head)
        if let validity = column.validity {
            try validity.words.withUnsafeBytes { (raw) in try output.append(raw) }
        }
        switch column.data {
        case let .int64(values): try appendArray(values, to: output)
        case let .int32(values): try appendArray(values, to: output)
        case let .double(values): try appendArray(values, to: output)
        case let .bool(values): try appendArray(values, to: output)
        case let .text(codes, dictionary):
            var lengths = [UInt32]()
            lengths.reserveCapacity(dictionary.count)
            for s in dictionary.strings { lengths.append(UInt32(truncatingIfNeeded: s.utf8.count)) }
            try appendArray(lengths, to: output)
            var text: [UInt8] = []
            text.reserveCapacity(min(dictionary.textBytes, 1 << 20))
            for var s in dictionary.strings {
                s.withUTF8 { text.append(contentsOf: $0) }
                if text.count >= 1 << 20 {
                    try output.append(text)
                    text.removeAll(keepingCapacity: true)
                }
            }
            try output.append(text)
            try output.appendZeros(SnapshotLayout.padded(dictionary.textBytes) - dictionary.textBytes)
            try appendArray(codes, to: output)
        }
        try output.endBlock()
    }

    /// The array's storage as raw bytes (Bool is one byte, 0 or 1), zero-padded to 8.
    private static func appendArray<T>(_ values: [T], to output: SnapshotOutput) throws {
        try values.withUnsafeBytes { (raw) in try output.appendPadded(raw) }
    }
}
