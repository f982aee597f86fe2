import Dispatch
import InsqStorage

/// Reads snapshots written by `SnapshotWriter`, refusing truncated, corrupted and foreign files with a
/// `SnapshotError`. Every length is checked against the file size before anything is allocated.
public enum SnapshotReader {
    public static func read(path: String) throws -> Snapshot {
        try readSnapshot(path: path)
    }

    static func readSnapshot(path: String) throws -> Snapshot {
        let input = try SnapshotInput(path: path)
        let directory = try readDirectory(input)
        // Columns are independent blocks: read them on all cores, then report the first failure in file order.
        let jobs = directory.tables.flatMap { table in table.columns.map { (table: table, column: $0) } }
        let slots = ColumnSlots(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            slots.store(Result { try SnapshotBlockReader.read(job.column, table: job.table, from: input) }, at: index)
        }
        var results = slots.takeAll().makeIterator()
        var tables: [Table] = []
        tables.reserveCapacity(directory.tables.count)
        for entry in directory.tables {
            var columns: [Column] = []
            for _ in entry.columns {
                guard let result = results.next() else { preconditionFailure("a column was not read") }
                columns.append(try result.get())
            }
            guard !columns.isEmpty || entry.rowCount == 0 else {
                throw SnapshotError(.malformed, file: path, "table \(entry.name) has rows but no columns")
            }
            tables.append(Table(name: entry.name, schema: entry.columns.map(\.schema), columns: columns))
        }
        return Snapshot(tables: tables, views: directory.views)
    }

    /// Checks header and footer, and parses the directory.
    private static func readDirectory(_ input: SnapshotInput) throws -> SnapshotDirectory {
        let path = input.path
        let magic = SnapshotLayout.magic
        let headerSize = SnapshotLayout.headerSize
        func fail(_ kind: SnapshotError.Kind, _ message: String) -> SnapshotError {
            SnapshotError(kind, file: path, message)
        }
        guard input.size > 0 else { throw fail(.notASnapshot, "empty file, not an insq snapshot") }
        let head = try input.bytes(at: 0, count: min(headerSize, input.size), location: "header")
        let magicPart = min(head.count, magic.count)
        guard head[0..<magicPart].elementsEqual(magic[0..<magicPart]) else {
            throw fail(.notASnapshot, "not an insq snapshot")
        }
        var cursor = ByteCursor(head) { fail(.truncated, "truncated at byte \(input.size) (header)") }
        try cursor.skip(magic.count)
        let version = try cursor.read(UInt32.self)
        if version > SnapshotLayout.formatVersion {
            throw fail(.newerFormat, "written by a newer insq (format \(version); this one reads \(SnapshotLayout.formatVersion))")
        }
        guard version >= 1 else { throw fail(.malformed, "unknown snapshot format version \(version)") }
        let marker = try cursor.read(UInt32.self)
        guard marker == SnapshotLayout.endianMarker else {
            throw fail(.malformed, "wrong byte-order marker (\(hex(marker))); the file was not written by insq")
        }
        let fileLength = try cursor.read(UInt64.self)
        let directoryLength = try cursor.read(UInt64.self)
        let directoryChecksum = try cursor.read(UInt64.self)
        let headerChecksum = try cursor.read(UInt64.self)
        guard headerChecksum == head.withUnsafeBytes({ SnapshotHash.of(UnsafeRawBufferPointer(rebasing: $0[0..<40])) }) else {
            throw fail(.checksumMismatch, "checksum mismatch in header")
        }
        let minimum = UInt64(headerSize + SnapshotLayout.footerSize)
        guard fileLength >= minimum, fileLength <= UInt64(Int.max / 2), directoryLength % 8 == 0,
              directoryLength <= fileLength - minimum else {
            throw fail(.malformed, "malformed header (file length \(fileLength), directory length \(directoryLength))")
        }
        let length = Int(fileLength), blocksStart = headerSize + Int(directoryLength)
        let blocksEnd = length - SnapshotLayout.footerSize
        if input.size > length {
            throw fail(.malformed, "\(input.size - length) unexpected bytes after the end of the snapshot")
        }
        guard input.size >= blocksStart else {
            throw fail(.truncated, "truncated at byte \(input.size) (table directory)")
        }
        var hash = SnapshotHash()
        let bytes = try input.bytes(at: headerSize, count: Int(directoryLength), hash: &hash, location: "table directory")
        guard hash.finalize() == directoryChecksum else {
            throw fail(.checksumMismatch, "checksum mismatch in table directory")
        }
        let directory = try SnapshotDirectory(bytes, blocksStart: blocksStart, blocksEnd: blocksEnd, file: path)
        guard input.size == length else {
            throw fail(.truncated, "truncated at byte \(input.size) (\(directory.location(of: input.size)))")
        }
        let footer = try input.bytes(at: blocksEnd, count: SnapshotLayout.footerSize, location: "footer")
        var footerCursor = ByteCursor(footer) { fail(.truncated, "truncated at byte \(input.size) (footer)") }
        let footerChecksum = try footerCursor.read(UInt64.self)
        let footerLength = try footerCursor.read(UInt64.self)
        guard footerChecksum == directoryChecksum, footerLength == fileLength,
              footer[16...].elementsEqual(SnapshotLayout.endMagic) else {
            throw fail(.checksumMismatch, "checksum mismatch in footer")
        }
        return directory
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}

/// One result per column block, filled by concurrent readers.
private final class ColumnSlots: @unchecked Sendable {
    // Safe: each index is written by exactly one worker, and all are read only after every worker has finished.
    private let slots: UnsafeMutableBufferPointer<Result<Column, any Error>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: Result<Column, any Error>, at index: Int) { slots[index] = result }

    func takeAll() -> [Result<Column, any Error>] { slots.compactMap { $0 } }
}
