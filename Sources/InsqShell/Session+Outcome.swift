import InsqData
import InsqQuery
import InsqStorage

/// What the session does with each kind of statement result: shows rows, adopts a changed catalog, writes
/// a COPY file.
extension Session {
    func adopt<Out: TextOutputStream>(_ outcome: StatementOutcome, output: inout Out) throws {
        switch outcome {
        case let .rows(result) where result.isPlan && mode == .table:
            // A plan reads as indented lines, as in psql and DuckDB; a frame would only pad them (and a long
            // plan would lose its middle).
            for row in 0..<result.rowCount { output.write("\(result.columns[0].value(at: row))\n") }
        case let .rows(result):
            mode.render(result, to: &output)
        case let .catalogChanged(newCatalog, message, changed):
            catalog = newCatalog
            unsavedChanges += changed
            noteForPeople(message, output: &output)
        case let .copy(result, path, header, delimiter):
            do {
                try CSVWriter.write(schema: result.schema, columns: result.columns, toFile: path,
                                    delimiter: delimiter, header: header)
            } catch {
                throw CopyFailed(message: "\(error)")
            }
            noteForPeople("wrote \(CellText.grouped(result.rowCount)) row\(result.rowCount == 1 ? "" : "s") to \(path)",
                          output: &output)
        }
    }

    /// Confirmations such as `created table t (3 rows)` are for people reading a table; in the modes meant
    /// for other programs (CSV, TSV, JSON, Markdown) they would corrupt the output, so they are left out.
    private func noteForPeople<Out: TextOutputStream>(_ message: String, output: inout Out) {
        guard mode == .table else { return }
        output.write(message + "\n")
    }
}

/// COPY could not write its file; the message names the file.
struct CopyFailed: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
