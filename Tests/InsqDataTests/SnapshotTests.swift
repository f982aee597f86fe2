import Foundation
import Testing
@testable import InsqData
import InsqStorage

// MARK: - Helpers

/// A fresh directory for one test's files.
private func scratchDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("insq-snapshot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

private func bytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

private func store(_ bytes: [UInt8], _ path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

private func bitmap(_ valid: [Bool]) -> ValidityBitmap {
    var v = ValidityBitmap(count: valid.count)
    for (i, ok) in valid.enumerated() { v.set(i, valid: ok) }
    return v
}

/// Every type, each column with NULLs but the first, Unicode text and odd doubles.
private func everyTypeTable(name: String = "payments") -> Table {
    let nulls = [true, false, true, true, false, true, true]
    let schema = [
        ColumnSchema(name: "id", type: .bigint),
        ColumnSchema(name: "amount", type: .decimal(precision: 14, scale: 2)),
        ColumnSchema(name: "paid_on", type: .date),
        ColumnSchema(name: "ratio", type: .double),
        ColumnSchema(name: "late", type: .boolean),
        ColumnSchema(name: "name", type: .text),
        ColumnSchema(name: "note", type: .bigint),
    ]
    let dictionary = TextDictionary(["", "王芳", "Nguyễn Văn An", "emoji 👩🏽‍⚕️", "a,b\n\"c\"", "tab\tend"])
    let columns = [
        Column(type: .bigint, data: .int64([1, -2, .max, .min, 0, 42, 7])),
        Column(type: schema[1].type, data: .int64([1250, 0, -5, 999_999_999_999_99, 0, 1, -100]), validity: bitmap(nulls)),
        Column(type: .date, data: .int32([19_844, 0, -1, .max, .min, 10_957, 20_000]), validity: bitmap(nulls)),
        Column(type: .double, data: .double([0.25, 0, -0.0, .infinity, -.infinity, .nan, 1e-300]), validity: bitmap(nulls)),
        Column(type: .boolean, data: .bool([true, false, false, true, false, true, true]), validity: bitmap(nulls)),
        Column(type: .text, data: .text([1, 0, 2, 3, 0, 4, 5], dictionary), validity: bitmap(nulls)),
        Column(type: .bigint, data: .int64([0, 0, 0, 0, 0, 0, 0]), validity: ValidityBitmap(count: 7, allValid: false)),
    ]
    return Table(name: name, schema: schema, columns: columns)
}

/// Rows as text, NULL and NaN included, for comparing tables.
private func rows(_ table: Table) -> [[String]] {
    (0..<table.rowCount).map { r in table.columns.map { $0.value(at: r).description } }
}

private func expectSameTables(_ a: [Table], _ b: [Table]) {
    #expect(a.map(\.name) == b.map(\.name))
    for (x, y) in zip(a, b) {
        #expect(x.schema == y.schema)
        #expect(x.rowCount == y.rowCount)
        #expect(rows(x) == rows(y))
        for (cx, cy) in zip(x.columns, y.columns) {
            #expect(cx.type == cy.type)
            #expect(cx.validity == cy.validity)
            switch (cx.data, cy.data) {
            case let (.int64(p), .int64(q)): #expect(p == q)
            case let (.int32(p), .int32(q)): #expect(p == q)
            case let (.double(p), .double(q)): #expect(p.map(\.bitPattern) == q.map(\.bitPattern))
            case let (.bool(p), .bool(q)): #expect(p == q)
            case let (.text(p, d), .text(q, e)):
                #expect(p == q)
                #expect(d.strings == e.strings)
            default: Issue.record("storage kinds differ")
            }
        }
    }
}

/// The error reading `path` gives, or nil when it reads.
private func readError(_ path: String) -> SnapshotError? {
    do {
        _ = try SnapshotReader.read(path: path)
        return nil
    } catch let error as SnapshotError {
        return error
    } catch {
        Issue.record("not a SnapshotError: \(error)")
        return nil
    }
}

private let sampleViews: [(name: String, sql: String)] = [
    ("late_payers", "SELECT person_id FROM payments WHERE paid_on > due_on;"),
    ("直辖市", "FROM regions |> WHERE city = '西宁' |> SELECT district"),
]

private func smallSnapshot() -> Snapshot {
    let regions = Table(name: "regions", schema: [ColumnSchema(name: "code", type: .text)],
                        columns: [Column(type: .text, data: .text([0, 1], TextDictionary(["XN", "Hà Tĩnh"])))])
    return Snapshot(tables: [everyTypeTable(), regions], views: [sampleViews[0]])
}

// MARK: - Round trips

@Test func everyTypeWithNullsRoundTrips() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/all.insq"
    let snapshot = Snapshot(tables: [everyTypeTable()], views: [])
    try SnapshotWriter.write(snapshot, to: path)
    let back = try SnapshotReader.read(path: path)
    expectSameTables(back.tables, snapshot.tables)
    #expect(back.tables[0].columns[0].validity == nil)
    #expect(back.tables[0].columns[1].validity?.nullCount == 2)
    #expect(back.tables[0].columns[6].validity?.nullCount == 7)
    #expect(rows(back.tables[0])[0] == ["1", "12.50", "2024-05-01", "0.25", "true", "王芳", "NULL"])
    #expect(!FileManager.default.fileExists(atPath: SnapshotWriter.temporaryPath(for: path)))
}

@Test func emptyTablesAndEmptySnapshotsRoundTrip() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let schema = [ColumnSchema(name: "n", type: .bigint), ColumnSchema(name: "t", type: .text),
                  ColumnSchema(name: "b", type: .boolean), ColumnSchema(name: "d", type: .date)]
    let empty = Table(name: "empty", schema: schema, columns: [
        Column(type: .bigint, data: .int64([])), Column(type: .text, data: .text([], TextDictionary([]))),
        Column(type: .boolean, data: .bool([])), Column(type: .date, data: .int32([])),
    ])
    let noColumns = Table(name: "no_columns", schema: [], columns: [])
    for snapshot in [Snapshot(tables: [], views: []), Snapshot(tables: [empty, noColumns], views: [])] {
        let path = dir + "/e.insq"
        try SnapshotWriter.write(snapshot, to: path)
        let back = try SnapshotReader.read(path: path)
        expectSameTables(back.tables, snapshot.tables)
        #expect(back.views.isEmpty)
    }
}

@Test func viewsRoundTripAsSQLText() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/views.insq"
    try SnapshotWriter.write(Snapshot(tables: [], views: sampleViews), to: path)
    let back = try SnapshotReader.read(path: path)
    #expect(back.views.map(\.name) == sampleViews.map(\.name))
    #expect(back.views.map(\.sql) == sampleViews.map(\.sql))
}

@Test func generatedSampleRoundTripsAndResavesByteForByte() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let catalog = SampleGenerator.generate(scaleFactor: 0.002, seed: 42)
    let first = dir + "/first.insq", second = dir + "/second.insq"
    try SnapshotWriter.write(Snapshot(tables: catalog.tables, views: sampleViews), to: first)
    let back = try SnapshotReader.read(path: first)
    expectSameTables(back.tables, catalog.tables)
    try SnapshotWriter.write(back, to: second)
    #expect(try bytes(first) == bytes(second))
}

@Test func smallSnapshotResavesByteForByte() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try SnapshotWriter.write(smallSnapshot(), to: dir + "/a.insq")
    try SnapshotWriter.write(try SnapshotReader.read(path: dir + "/a.insq"), to: dir + "/b.insq")
    #expect(try bytes(dir + "/a.insq") == bytes(dir + "/b.insq"))
}

@Test func duplicateTableNamesAreRefusedOnWrite() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/dup.insq"
    let snapshot = Snapshot(tables: [everyTypeTable(name: "t"), everyTypeTable(name: "T")], views: [])
    #expect(throws: SnapshotError.self) { try SnapshotWriter.write(snapshot, to: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(!FileManager.default.fileExists(atPath: SnapshotWriter.temporaryPath(for: path)))
}

// MARK: - Damaged and foreign files

@Test func everyPrefixIsRefusedCleanly() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/whole.insq"
    try SnapshotWriter.write(smallSnapshot(), to: path)
    let whole = try bytes(path)
    let cut = dir + "/x.insq"
    var locations = Set<String>()
    for length in 0..<whole.count {
        try store(Array(whole[0..<length]), cut)
        guard let error = readError(cut) else {
            Issue.record("a prefix of \(length) of \(whole.count) bytes was read")
            continue
        }
        #expect(error.description.hasPrefix(cut + ": "))
        if length == 0 {
            #expect(error.kind == .notASnapshot)
        } else {
            #expect(error.kind == .truncated, "\(length): \(error)")
            #expect(error.message.hasPrefix("truncated at byte \(length) ("), "\(error)")
            locations.insert(String(error.message.drop { $0 != "(" }))
        }
    }
    #expect(locations.contains("(header)"))
    #expect(locations.contains("(table directory)"))
    #expect(locations.contains("(column amount of table payments)"))
    #expect(locations.contains("(column code of table regions)"))
    #expect(locations.contains("(footer)"))
    let plan = try SnapshotPlan(smallSnapshot(), file: cut)
    #expect(plan.fileLength == whole.count)
}

@Test func truncationMessageNamesFileByteAndColumn() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/x.insq"
    try SnapshotWriter.write(smallSnapshot(), to: path)
    let whole = try bytes(path)
    let directory = try SnapshotDirectory(
        Array(whole[48..<(48 + Int(whole[24]) + Int(whole[25]) << 8)]),
        blocksStart: 48 + Int(whole[24]) + Int(whole[25]) << 8, blocksEnd: whole.count - 24, file: path)
    let amount = try #require(directory.tables[0].columns.first { $0.schema.name == "amount" })
    let at = amount.offset + 20
    try store(Array(whole[0..<at]), path)
    #expect(readError(path)?.description == "\(path): truncated at byte \(at) (column amount of table payments)")
}

@Test func flippedBytesAreDetected() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/whole.insq"
    try SnapshotWriter.write(smallSnapshot(), to: path)
    let whole = try bytes(path)
    let bad = dir + "/x.insq"
    var checksumErrors = 0
    for offset in 0..<whole.count {
        for bit in [0, 7] {
            var damaged = whole
            damaged[offset] ^= UInt8(1 << bit)
            try store(damaged, bad)
            guard let error = readError(bad) else {
                Issue.record("flipping bit \(bit) of byte \(offset) went unnoticed")
                continue
            }
            #expect(error.description.hasPrefix(bad + ": "))
            if error.kind == .checksumMismatch { checksumErrors += 1 }
        }
    }
    #expect(checksumErrors > whole.count)
}

@Test func checksumMismatchNamesTheColumn() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/x.insq"
    try SnapshotWriter.write(Snapshot(tables: [everyTypeTable()], views: []), to: path)
    var whole = try bytes(path)
    // The last value byte of the last column (note) sits just before its checksum and the footer.
    whole[whole.count - 24 - 8 - 1] ^= 0x40
    try store(whole, path)
    #expect(readError(path)?.description == "\(path): checksum mismatch in column note of table payments")
}

@Test func foreignAndNewerFilesAreRefused() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let csv = dir + "/payments.csv"
    try store(Array("payment_id,amount\n1,12.50\n".utf8), csv)
    #expect(readError(csv)?.description == "\(csv): not an insq snapshot")
    #expect(readError(csv)?.kind == .notASnapshot)

    let empty = dir + "/empty.insq"
    try store([], empty)
    #expect(readError(empty)?.kind == .notASnapshot)

    let missing = dir + "/missing.insq"
    #expect(readError(missing)?.kind == .io)
    #expect(readError(missing)?.description.hasPrefix(missing + ": cannot open") == true)

    #expect(readError(dir)?.kind == .notASnapshot)

    let path = dir + "/x.insq"
    try SnapshotWriter.write(smallSnapshot(), to: path)
    var newer = try bytes(path)
    newer[8] = 3
    try store(newer, path)
    #expect(readError(path)?.description == "\(path): written by a newer insq (format 3; this one reads 1)")
    #expect(readError(path)?.kind == .newerFormat)

    var appended = try bytes(dir + "/x.insq")
    appended[8] = 1
    appended.append(0)
    try store(appended, path)
    #expect(readError(path)?.kind == .malformed)
}

@Test func aHugeLengthInAValidlyChecksummedFileIsRefusedWithoutAllocating() throws {
    // A crafted directory (with a correct checksum) claiming 2^60 rows must be refused, not allocated.
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/x.insq"
    let table = Table(name: "t", schema: [ColumnSchema(name: "n", type: .bigint)],
                      columns: [Column(type: .bigint, data: .int64([1, 2, 3]))])
    try SnapshotWriter.write(Snapshot(tables: [table], views: []), to: path)
    var whole = try bytes(path)
    let directoryLength = Int(whole[24]) | Int(whole[25]) << 8
    // rows sit after u32 table count, u32 view count, u32 name length and the name "t".
    let rowsAt = 48 + 4 + 4 + 4 + 1
    for i in 0..<8 { whole[rowsAt + i] = i == 7 ? 0x10 : 0 }
    let checksum = SnapshotHash.of(Array(whole[48..<(48 + directoryLength)]))
    for i in 0..<8 {
        whole[32 + i] = UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(i)))
        whole[whole.count - 24 + i] = whole[32 + i]
    }
    let headerChecksum = SnapshotHash.of(Array(whole[0..<40]))
    for i in 0..<8 { whole[40 + i] = UInt8(truncatingIfNeeded: headerChecksum >> (8 * UInt64(i))) }
    try store(whole, path)
    let error = readError(path)
    #expect(error?.kind == .malformed)
    #expect(error?.message.contains("rows") == true)
}

// MARK: - Crash safety

@Test func aFullDiskMidwayKeepsTheOldSnapshotAndRemovesTheTemporaryFile() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/keep.insq"
    let old = smallSnapshot()
    try SnapshotWriter.write(old, to: path)
    let oldBytes = try bytes(path)
    let new = Snapshot(tables: SampleGenerator.generate(scaleFactor: 0.001, seed: 7).tables, views: [])
    let newLength = try SnapshotPlan(new, file: path).fileLength
    for limit in [0, 1, 47, 48, 100, 4_096, newLength / 2, newLength - 25, newLength - 1] {
        #expect(throws: SnapshotError.self) {
            try SnapshotWriter.write(new, to: path, fault: .diskFull(afterBytes: limit))
        }
        #expect(try bytes(path) == oldBytes)
        #expect(!FileManager.default.fileExists(atPath: SnapshotWriter.temporaryPath(for: path)))
    }
    expectSameTables(try SnapshotReader.read(path: path).tables, old.tables)
}

@Test func aCrashMidwayLeavesTheOldSnapshotReadable() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/keep.insq"
    let old = smallSnapshot()
    try SnapshotWriter.write(old, to: path)
    let oldBytes = try bytes(path)
    let new = Snapshot(tables: SampleGenerator.generate(scaleFactor: 0.001, seed: 7).tables, views: sampleViews)
    let newLength = try SnapshotPlan(new, file: path).fileLength
    let temporary = SnapshotWriter.temporaryPath(for: path)
    for limit in [0, 10, 48, 1_000, newLength / 3, newLength - 1] {
        #expect(throws: SnapshotError.self) {
            try SnapshotWriter.write(new, to: path, fault: .crash(afterBytes: limit))
        }
        #expect(try bytes(path) == oldBytes)
        expectSameTables(try SnapshotReader.read(path: path).tables, old.tables)
        // What a dead writer leaves behind is the partial temporary file, which is not a snapshot.
        #expect(try bytes(temporary).count == limit)
        #expect(readError(temporary) != nil)
    }
    // The next save succeeds over the leftover and replaces the old snapshot.
    try SnapshotWriter.write(new, to: path)
    expectSameTables(try SnapshotReader.read(path: path).tables, new.tables)
    #expect(!FileManager.default.fileExists(atPath: temporary))
}

// MARK: - A writer process killed midway

private let childVariable = "INSQ_SNAPSHOT_WRITER_CHILD"

/// Not a test of its own: the child process of the test below. Saves a sample snapshot to the path in
/// INSQ_SNAPSHOT_WRITER_CHILD over and over until it is killed.
@Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
func snapshotWriterChildProcess() throws {
    let path = try #require(ProcessInfo.processInfo.environment[childVariable])
    let snapshot = Snapshot(tables: SampleGenerator.generate(scaleFactor: 0.02, seed: 3).tables, views: sampleViews)
    for _ in 0..<10_000 { try SnapshotWriter.write(snapshot, to: path) }
}

@Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] == nil
               && FileManager.default.fileExists(atPath: "/proc/self/exe")))
func aWriterProcessKilledMidwayLeavesTheOldSnapshotReadable() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/killed.insq"
    let old = smallSnapshot()
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var killedMidway = 0
    for _ in 0..<3 {
        try SnapshotWriter.write(old, to: path)
        let oldBytes = try bytes(path)
        let child = Process()
        child.executableURL = executable
        child.arguments = ["--testing-library", "swift-testing", "--filter", "snapshotWriterChildProcess"]
        child.environment = ProcessInfo.processInfo.environment.merging([childVariable: path]) { $1 }
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let temporary = "\(path).tmp.\(child.processIdentifier)"
        // Wait until the child is well into writing its temporary file, then kill it without warning.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, child.isRunning {
            let size = (try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? Int) ?? 0
            if size > 64 * 1024 { break }
            usleep(200)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        // Whatever moment the kill hit, the snapshot at `path` is whole: the old one, or a completed new one.
        let back = try SnapshotReader.read(path: path)
        if FileManager.default.fileExists(atPath: temporary) {
            killedMidway += 1
            #expect(try bytes(path) == oldBytes)
            expectSameTables(back.tables, old.tables)
            #expect(readError(temporary) != nil)
            try FileManager.default.removeItem(atPath: temporary)
        }
    }
    #expect(killedMidway > 0)
}
