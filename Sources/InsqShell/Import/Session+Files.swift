import InsqData
import InsqStorage

/// Data files named on the command line (`insq persons.csv old.insq`): loaded in order before anything runs.
extension Session {
    /// File name endings read as CSV (the delimiter of `.tsv` is a tab; the others are sniffed).
    static let csvExtensions = ["csv", "tsv", "txt"]
    /// The file name ending of insq snapshots.
    static let snapshotExtension = "insq"

    /// Adds each file to the catalog: a CSV file as a table named as `.import` names it (built-in names get
    /// their declared columns), a snapshot's tables and views as they were saved; a later file's table
    /// replaces an earlier one of the same name. Stops at the first file that cannot be read, with
    /// `insq: ` and a message that names it. Loading is not a change to save, so `unsavedChanges` stays empty.
    public func loadFiles<Err: TextOutputStream>(_ paths: [String], errors: inout Err) -> ExecutionOutcome {
        for path in paths {
            do {
                try loadFile(path)
            } catch is ImportCancelled {
                errors.write((echoesInterrupt ? "\n" : "") + "Import cancelled.\n")
                return .cancelled
            } catch let error as MetaCommandError {
                errors.write("insq: \(error.message)\n")
                return .failure
            } catch {
                errors.write("insq: \(error)\n")
                return .failure
            }
        }
        return .success
    }

    private func loadFile(_ path: String) throws {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let ending = base.contains(".") ? String(base.split(separator: ".").last ?? "").lowercased() : ""
        if ending == Self.snapshotExtension {
            let snapshot: Snapshot
            do {
                snapshot = try SnapshotReader.read(path: path)
            } catch {
                throw MetaCommandError(message: "\(error)")
            }
            // Tables and views share one namespace, so a newcomer of either kind displaces the other.
            for table in snapshot.tables {
                catalog.removeView(named: table.name)
                catalog.add(table)
            }
            for view in snapshot.views {
                catalog.remove(named: view.name)
                catalog.add(ViewDefinition(name: view.name, sql: view.sql))
            }
            return
        }
        guard Self.csvExtensions.contains(ending) else {
            throw MetaCommandError(message: "\(path): not a data file; give .csv, .tsv, .txt or .insq files")
        }
        let name = Self.tableName(forFile: path)
        guard Self.isPlainName(name) else {
            throw MetaCommandError(message: "\(path): \"\(name)\" is not a table name; load it with .import \(path) NAME")
        }
        let delimiter: UInt8? = ending == "tsv" ? 0x09 : nil
        let result = try importTable(path: path, name: name, options: CSVImportOptions(delimiter: delimiter))
        catalog.removeView(named: name)
        catalog.add(result.table)
    }
}
