import InsqData
import InsqStorage

/// `.import FILE [TABLE]`, `.save FILE` and `.open FILE`: tables from CSV, and the whole catalog to and
/// from an insq snapshot. A failing command leaves the catalog exactly as it was.
extension Session {
    func importCSV<Out: TextOutputStream>(_ arguments: [String], output: inout Out) throws {
        guard let command = MetaCommand.named("import"), (1...2).contains(arguments.count) else {
            throw MetaCommandError(message: "usage: .import FILE [TABLE]")
        }
        _ = command
        let path = arguments[0]
        let name = arguments.count > 1 ? arguments[1] : Self.tableName(forFile: path)
        guard Self.isPlainName(name) else {
            throw MetaCommandError(message: "\"\(name)\" is not a table name; give one: .import \(path) NAME")
        }
        let flag = cancellation
        let options = CSVImportOptions(isCancelled: { flag.isCancelled })
        let result: CSVImportResult
        do {
            result = try CSVImporter.importFile(path: path, tableName: name, options: options)
        } catch {
            throw MetaCommandError(message: "\(error)")
        }
        let replaced = catalog.table(named: name) != nil
        catalog.add(result.table)
        let rows = result.table.rowCount
        output.write("\(replaced ? "replaced" : "imported") \(name): \(rows) row\(rows == 1 ? "" : "s"), \(result.table.schema.count) columns\n")
    }

    func saveSnapshot<Out: TextOutputStream>(_ arguments: [String], output: inout Out) throws {
        guard arguments.count == 1 else { throw MetaCommandError(message: "usage: .save FILE") }
        do {
            try SnapshotWriter.write(Snapshot(tables: catalog.tables,
                                                views: catalog.views.map { (name: $0.name, sql: $0.sql) }),
                                       to: arguments[0])
        } catch {
            throw MetaCommandError(message: "\(error)")
        }
        output.write("saved \(catalog.tables.count) table\(catalog.tables.count == 1 ? "" : "s") to \(arguments[0])\n")
    }

    func openSnapshot<Out: TextOutputStream>(_ arguments: [String], output: inout Out) throws {
        guard arguments.count == 1 else { throw MetaCommandError(message: "usage: .open FILE") }
        let snapshot: Snapshot
        do {
            snapshot = try SnapshotReader.read(path: arguments[0])
        } catch {
            throw MetaCommandError(message: "\(error)")
        }
        catalog = Catalog(snapshot.tables, views: snapshot.views.map { ViewDefinition(name: $0.name, sql: $0.sql) })
        output.write("opened \(arguments[0]): \(snapshot.tables.map(\.name).joined(separator: ", "))\n")
    }

    /// `data/insurance.csv` → `insurance`; characters other than letters, digits and `_` become `_`.
    static func tableName(forFile path: String) -> String {
        var base = Substring(path.split(separator: "/").last ?? Substring(path))
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        let cleaned = String(base.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        return cleaned.first?.isNumber == true ? "t_" + cleaned : cleaned
    }

    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
