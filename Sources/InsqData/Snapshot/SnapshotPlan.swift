import InsqStorage

/// The sizes and offsets of a snapshot, computed before writing, with its header, directory and footer bytes.
struct SnapshotPlan {
    let header: [UInt8]
    let directory: [UInt8]
    let footer: [UInt8]
    let fileLength: Int

    init(_ snapshot: Snapshot, file: String) throws {
        func refuse(_ message: String) -> SnapshotError { SnapshotError(.malformed, file: file, message) }
        var seen = Set<String>()
        for table in snapshot.tables {
            guard seen.insert(table.name.lowercased()).inserted else { throw refuse("two tables are named \(table.name)") }
        }
        seen.removeAll()
        for view in snapshot.views {
            guard seen.insert(view.name.lowercased()).inserted else { throw refuse("two views are named \(view.name)") }
        }
        // Block sizes first: the directory records where each block starts.
        var lengths: [[Int]] = []
        for table in snapshot.tables {
            var tableLengths: [Int] = []
            for (column, schema) in zip(table.columns, table.schema) {
                guard TypeCode.isEncodable(column.type), TypeCode.isEncodable(schema.type) else {
                    throw refuse("column \(schema.name) of table \(table.name) has a type a snapshot cannot hold: \(schema.type)")
                }
                if let validity = column.validity, validity.words.count != SnapshotLayout.bitmapWords(column.count) {
                    throw refuse("column \(schema.name) of table \(table.name) has a null bitmap of the wrong size")
                }
                tableLengths.append(Self.blockLength(column))
            }
            lengths.append(tableLengths)
        }
        let directoryLength = Self.directoryLength(snapshot)
        var directory: [UInt8] = []
        directory.reserveCapacity(directoryLength)
        directory.appendLE(UInt32(snapshot.tables.count))
        directory.appendLE(UInt32(snapshot.views.count))
        var offset = SnapshotLayout.headerSize + directoryLength
        for (table, tableLengths) in zip(snapshot.tables, lengths) {
            directory.appendString(table.name)
            directory.appendLE(UInt64(table.rowCount))
            directory.appendLE(UInt32(table.columns.count))
            for (schema, length) in zip(table.schema, tableLengths) {
                directory.appendString(schema.name)
                let (tag, precision, scale) = TypeCode.encode(schema.type)
                directory.append(contentsOf: [tag, precision, scale, schema.isNotNull ? SnapshotLayout.notNullFlag : 0])
                directory.appendLE(UInt64(offset))
                directory.appendLE(UInt64(length))
                offset += length
            }
        }
        for view in snapshot.views {
            directory.appendString(view.name)
            directory.appendString(view.sql)
        }
        directory.padToEight()
        precondition(directory.count == directoryLength, "snapshot directory size differs from its estimate")
        fileLength = offset + SnapshotLayout.footerSize
        let directoryChecksum = SnapshotHash.of(directory)

        var header = SnapshotLayout.magic
        header.appendLE(SnapshotLayout.formatVersion)
        header.appendLE(SnapshotLayout.endianMarker)
        header.appendLE(UInt64(fileLength))
        header.appendLE(UInt64(directoryLength))
        header.appendLE(directoryChecksum)
        header.appendLE(SnapshotHash.of(header))
        var footer: [UInt8] = []
        footer.appendLE(directoryChecksum)
        footer.appendLE(UInt64(fileLength))
        footer.append(contentsOf: SnapshotLayout.endMagic)
        self.header = header
        self.directory = directory
        self.footer = footer

        // Lengths must fit their fields; a 4 GiB name or dictionary string would not.
        for table in snapshot.tables {
            for (column, schema) in zip(table.columns, table.schema) {
                if case let .text(_, dictionary) = column.data,
                   dictionary.count > Int(UInt32.max) || dictionary.strings.contains(where: { $0.utf8.count > Int(UInt32.max) }) {
                    throw refuse("column \(schema.name) of table \(table.name) has text too large for a snapshot")
                }
            }
        }
    }

    /// Bytes of a column's block, checksum included.
    static func blockLength(_ column: Column) -> Int {
        let kind = PhysicalKind(column.data)
        var length = SnapshotLayout.blockHeaderSize
        if column.validity != nil { length += SnapshotLayout.bitmapWords(column.count) * 8 }
        if case let .text(_, dictionary) = column.data {
            length += SnapshotLayout.textBlockHeaderSize - SnapshotLayout.blockHeaderSize
            length += SnapshotLayout.padded(dictionary.count * 4) + SnapshotLayout.padded(dictionary.textBytes)
        }
        length += SnapshotLayout.padded(column.count * kind.width)
        return length + SnapshotLayout.checksumSize
    }

    /// Bytes of the directory, padding included.
    static func directoryLength(_ snapshot: Snapshot) -> Int {
        var length = 8
        for table in snapshot.tables {
            length += 4 + table.name.utf8.count + 8 + 4
            for schema in table.schema { length += 4 + schema.name.utf8.count + 4 + 16 }
        }
        for view in snapshot.views { length += 8 + view.name.utf8.count + view.sql.utf8.count }
        return SnapshotLayout.padded(length)
    }
}
