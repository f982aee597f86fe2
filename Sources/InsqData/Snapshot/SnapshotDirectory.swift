import InsqStorage

/// The parsed table directory of a snapshot: names, types and where each column's block lies.
struct SnapshotDirectory {
    struct ColumnEntry: Sendable {
        let schema: ColumnSchema
        let offset: Int
        let length: Int
    }

    struct TableEntry: Sendable {
        let name: String
        let rowCount: Int
        let columns: [ColumnEntry]
    }

    let tables: [TableEntry]
    let views: [(name: String, sql: String)]

    /// Parses `bytes`; blocks must follow one another from `blocksStart` to `blocksEnd` exactly.
    init(_ bytes: [UInt8], blocksStart: Int, blocksEnd: Int, file: String) throws {
        func malformed(_ message: String) -> SnapshotError {
            SnapshotError(.malformed, file: file, "malformed table directory: \(message)")
        }
        var cursor = ByteCursor(bytes) { malformed("it ends inside an entry") }
        let tableCount = Int(try cursor.read(UInt32.self))
        let viewCount = Int(try cursor.read(UInt32.self))
        var next = blocksStart
        var tables: [TableEntry] = []
        var names = Set<String>()
        for _ in 0..<tableCount {
            let name = try cursor.readString()
            guard names.insert(name.lowercased()).inserted else { throw malformed("two tables are named \(name)") }
            let rows = try cursor.read(UInt64.self)
            // Every row takes at least one byte of the file, so this also bounds later allocations.
            guard rows <= UInt64(blocksEnd) else { throw malformed("table \(name) claims \(rows) rows") }
            let columnCount = Int(try cursor.read(UInt32.self))
            var columns: [ColumnEntry] = []
            for _ in 0..<columnCount {
                let columnName = try cursor.readString()
                let tag = try cursor.read(UInt8.self), precision = try cursor.read(UInt8.self)
                let scale = try cursor.read(UInt8.self)
                let flags = try cursor.read(UInt8.self)
                guard flags & ~SnapshotLayout.notNullFlag == 0 else {
                    throw malformed("column \(columnName) of table \(name) has unknown flags \(flags)")
                }
                guard let type = TypeCode.decode(tag, precision, scale) else {
                    throw malformed("column \(columnName) of table \(name) has an unknown type (tag \(tag))")
                }
                let offset = try cursor.read(UInt64.self), length = try cursor.read(UInt64.self)
                guard offset == UInt64(next), length >= UInt64(SnapshotLayout.blockHeaderSize + SnapshotLayout.checksumSize),
                      length % 8 == 0, length <= UInt64(blocksEnd - next) else {
                    throw malformed("column \(columnName) of table \(name) has a block outside the file")
                }
                let isNotNull = flags & SnapshotLayout.notNullFlag != 0
                columns.append(ColumnEntry(schema: ColumnSchema(name: columnName, type: type, isNotNull: isNotNull),
                                           offset: next, length: Int(length)))
                next += Int(length)
            }
            tables.append(TableEntry(name: name, rowCount: Int(rows), columns: columns))
        }
        guard next == blocksEnd else { throw malformed("the column blocks do not fill the file") }
        var views: [(name: String, sql: String)] = []
        names.removeAll()
        for _ in 0..<viewCount {
            let name = try cursor.readString()
            guard names.insert(name.lowercased()).inserted else { throw malformed("two views are named \(name)") }
            views.append((name: name, sql: try cursor.readString()))
        }
        guard cursor.remaining < 8, cursor.bytes[cursor.offset...].allSatisfy({ $0 == 0 }) else {
            throw malformed("unexpected bytes after the last entry")
        }
        self.tables = tables
        self.views = views
    }

    /// What lies at byte `offset` of the file, for truncation messages.
    func location(of offset: Int) -> String {
        for table in tables {
            for column in table.columns where offset < column.offset + column.length {
                return "column \(column.schema.name) of table \(table.name)"
            }
        }
        return "footer"
    }
}
