import InsqStorage
import InsqSyntax
import Testing
@testable import InsqQuery

/// Runs statements one after another on a catalog, as the shell does, for the statement tests.
struct StatementRunner {
    var catalog: Catalog
    var loadFile: FileTableLoader?

    init(_ catalog: Catalog = Catalog(), loadFile: FileTableLoader? = nil) {
        self.catalog = catalog
        self.loadFile = loadFile
    }

    /// Performs `sql`, adopting the new catalog when it changes; returns what it produced.
    @discardableResult
    mutating func perform(_ sql: String) throws -> StatementOutcome {
        let outcome = try QueryEngine.perform(sql, catalog: catalog, loadFile: loadFile)
        if case let .catalogChanged(changed, _, _) = outcome { catalog = changed }
        return outcome
    }

    /// The rows of a query, one string per row with tab-separated values.
    func rows(_ sql: String) throws -> [String] {
        let result = try QueryEngine.run(sql, catalog: catalog, loadFile: loadFile)
        return (0..<result.rowCount).map { row in
            result.columns.map { $0.value(at: row).description }.joined(separator: "\t")
        }
    }

    /// The rendered diagnostic `sql` fails with, or nil when it succeeds.
    func failure(_ sql: String) -> String? {
        do {
            _ = try QueryEngine.perform(sql, catalog: catalog, loadFile: loadFile)
            return nil
        } catch let diagnostic as Diagnostic {
            return DiagnosticRenderer.render(diagnostic, source: SourceText(sql))
        } catch {
            return "\(error)"
        }
    }
}

/// A small table built from rows of values.
func makeTable(_ name: String, _ schema: [(String, DataType)], _ rows: [[Value]]) -> Table {
    var builders = schema.map { ColumnBuilder(type: $0.1) }
    for row in rows {
        for (i, value) in row.enumerated() { builders[i].append(value) }
    }
    return Table(name: name, schema: schema.map { ColumnSchema(name: $0.0, type: $0.1) }, columns: builders.map { $0.build() })
}

extension Catalog {
    /// `people(id BIGINT, name TEXT)` with three rows and `cities(city TEXT)` with a dictionary of its own.
    static var small: Catalog {
        Catalog([
            makeTable("people", [("id", .bigint), ("name", .text)],
                      [[.bigint(1), .text("An")], [.bigint(2), .text("Binh")], [.bigint(3), .null]]),
            makeTable("cities", [("city", .text)], [[.text("Xining")], [.text("Binh")], [.text("Hue")]]),
        ])
    }
}
