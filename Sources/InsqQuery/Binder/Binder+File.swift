import InsqStorage
import InsqSyntax

/// The tables read by `FROM 'file'` in one statement, so that a file named twice is read once.
final class LoadedFiles {
    var tables: [String: Table] = [:]
}

extension Binder {
    /// The table in a file, read by the caller's loader; any failure is an error under the string literal.
    func loadedTable(_ path: String, range: SourceRange) throws -> Table {
        if let table = loadedFiles.tables[path] { return table }
        guard let loadFile else {
            throw Diagnostic(phase: .binder, message: "cannot read '\(path)': reading files is not available here",
                             range: range)
        }
        let table: Table
        do {
            table = try loadFile(path)
        } catch let failure as Diagnostic {
            throw Diagnostic(phase: .binder, message: "cannot read '\(path)': \(failure.message)", range: range)
        } catch {
            throw Diagnostic(phase: .binder, message: "cannot read '\(path)': \(error)", range: range)
        }
        loadedFiles.tables[path] = table
        return table
    }

    /// The name a file's rows go by without an alias: the file name without directory or extension
    /// (`data/visits.csv` is `visits`), as in DuckDB.
    static func defaultAlias(forFile path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name.isEmpty ? path : name }
        return String(name[..<dot])
    }
}
