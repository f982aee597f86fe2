import InsqData
import InsqStorage

/// The import was stopped by Ctrl-C; nothing was added.
struct ImportCancelled: Error {}

/// `.import FILE [TABLE] [options]`: a CSV file as a table. A failing or cancelled import leaves the catalog
/// exactly as it was, because the table is added only once the whole file has been read.
extension Session {
    /// How many skipped rows `.import --skip-bad-rows` lists one by one before summing up the rest.
    static let listedSkippedRows = 5

    func importCSV<Out: TextOutputStream, Err: TextOutputStream>(
        _ arguments: [String], output: inout Out, errors: inout Err
    ) throws -> ExecutionOutcome {
        let request = try ImportRequest.parse(arguments)
        let name = request.table ?? Self.tableName(forFile: request.path)
        guard Self.isPlainName(name) else {
            throw MetaCommandError(message: "\"\(name)\" is not a table name; give one: .import \(request.path) NAME")
        }
        guard catalog.view(named: name) == nil else {
            throw MetaCommandError(message: "\"\(name)\" is a view; import under another name: .import \(request.path) NAME")
        }
        let options = CSVImportOptions(delimiter: request.delimiter, types: request.types,
                                       skipBadRows: request.skipBadRows)
        let result: CSVImportResult
        do {
            result = try importTable(path: request.path, name: name, options: options)
        } catch is ImportCancelled {
            errors.write((echoesInterrupt ? "\n" : "") + "Import cancelled.\n")
            return .cancelled
        }
        let replaced = catalog.table(named: name) != nil
        catalog.add(result.table)
        let rows = result.table.rowCount
        output.write("\(replaced ? "replaced" : "imported") \(name): \(CellText.grouped(rows)) row\(rows == 1 ? "" : "s"), "
            + "\(result.table.schema.count) columns\n")
        if !result.skipped.isEmpty { errors.write(Self.skippedRowsReport(result.skipped)) }
        return .success
    }

    /// Reads a CSV file as table `name`, drawing progress when `progressOutput` is set and stopping when the
    /// cancellation flag is raised. A built-in table's name without `--types` declares that table's columns,
    /// so that `persons.csv` comes back with the types the queries and the data dictionary expect.
    func importTable(path: String, name: String, options: CSVImportOptions) throws -> CSVImportResult {
        var options = options
        let builtin = options.types.isEmpty ? BuiltinSchemas.all.first { $0.name == name.lowercased() } : nil
        if let builtin { options.expectedColumns = builtin.schema }
        let flag = cancellation
        options.isCancelled = { flag.isCancelled }
        let bar = progressOutput.map { ProgressBar(write: $0) }
        if let bar { options.progress = { bar.update($0) } }
        defer {
            bar?.finish()
            FreedMemory.release()
        }
        do {
            return try CSVImporter.importFile(path: path, tableName: name, options: options)
        } catch where error.kind == .cancelled {
            throw ImportCancelled()
        } catch where error.kind == .headerMismatch && builtin != nil {
            let columns = builtin?.schema.map(\.name).joined(separator: ", ") ?? ""
            throw MetaCommandError(message: "\(error) (a table named \(name) takes the columns of the built-in "
                + "\(name) table: \(columns); give --types or another table name to read other columns)")
        } catch {
            throw MetaCommandError(message: "\(error)")
        }
    }

    /// `skipped 12 bad rows:`, the first few errors, then `... and 7 more`.
    static func skippedRowsReport(_ skipped: [CSVError]) -> String {
        var text = "skipped \(CellText.grouped(skipped.count)) bad row\(skipped.count == 1 ? "" : "s"):\n"
        for error in skipped.prefix(listedSkippedRows) { text += "  \(error)\n" }
        if skipped.count > listedSkippedRows {
            text += "  ... and \(CellText.grouped(skipped.count - listedSkippedRows)) more\n"
        }
        return text
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
