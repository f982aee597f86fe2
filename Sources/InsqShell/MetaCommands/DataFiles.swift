import InsqData
import InsqStorage

/// `.save FILE` and `.open FILE`: the whole catalog to and from an insq snapshot. A failing command leaves the
/// catalog exactly as it was; a successful one makes everything saved, so `unsavedChanges` starts afresh.
extension Session {
    func saveSnapshot<Out: TextOutputStream>(_ arguments: [String], output: inout Out) throws {
        guard arguments.count == 1 else { throw MetaCommandError(message: "usage: .save FILE") }
        do {
            try SnapshotWriter.write(Snapshot(tables: catalog.tables,
                                                views: catalog.views.map { (name: $0.name, sql: $0.sql) }),
                                       to: arguments[0])
        } catch {
            throw MetaCommandError(message: "\(error)")
        }
        unsavedChanges.removeAll()
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
        unsavedChanges.removeAll()
        output.write("opened \(arguments[0]): \(snapshot.tables.map(\.name).joined(separator: ", "))\n")
    }
}
