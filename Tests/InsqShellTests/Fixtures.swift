import InsqQuery
import InsqShell
import InsqStorage
import InsqSyntax

/// Small hand-built tables, results and a stand-in query engine for the shell's tests.
enum Fixtures {
    /// A column of the given type holding `values`.
    static func column(_ type: DataType, _ values: [Value]) -> Column {
        var builder = ColumnBuilder(type: type)
        for value in values { builder.append(value) }
        return builder.build()
    }

    /// A result with the given columns.
    static func result(_ columns: [(name: String, type: DataType, values: [Value])]) -> QueryResult {
        QueryResult(schema: columns.map { ColumnSchema(name: $0.name, type: $0.type) },
                    columns: columns.map { column($0.type, $0.values) })
    }

    static func table(_ name: String, _ columns: [(name: String, type: DataType, values: [Value])]) -> Table {
        Table(name: name, schema: columns.map { ColumnSchema(name: $0.name, type: $0.type) },
              columns: columns.map { column($0.type, $0.values) })
    }

    /// `persons` (3 rows) and `payments` (2 rows), with CJK and Vietnamese text.
    static var catalog: Catalog {
        Catalog([
            table("persons", [
                ("person_id", .bigint, [.bigint(1), .bigint(2), .bigint(3)]),
                ("name", .text, [.text("王芳"), .text("Nguyễn Văn An"), .null]),
                ("status", .text, [.text("active"), .text("suspended"), .text("active")]),
            ]),
            table("payments", [
                ("payment_id", .bigint, [.bigint(10), .bigint(11)]),
                ("person_id", .bigint, [.bigint(1), .bigint(2)]),
                ("amount", .decimal(precision: 14, scale: 2), [.decimal(12_50, scale: 2), .null]),
                ("paid_on", .date, [.date(Int32(DateDays.parse("2024-05-01") ?? 0)), .null]),
            ]),
        ])
    }

    /// A stand-in for the query engine, so the shell can be tested before (and independently of) the real one:
    /// - text containing `nmae` fails with a binder diagnostic on that word;
    /// - text containing `cancel` sets the cancellation flag, as Ctrl-C does while a query runs;
    /// - a set flag throws `QueryCancelled`, as the engine's scans do;
    /// - otherwise the table named after `FROM` is returned whole.
    static let fakeEngine: StatementRunner = { source, catalog, cancellation, _ in
        let text = source.text
        if let range = text.range(of: "nmae") {
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            throw Diagnostic(phase: .binder, message: "unknown column \"nmae\"", range: SourceRange(start, start + 4))
        }
        if text.contains("cancel") { cancellation.cancel() }
        if cancellation.isCancelled { throw QueryCancelled() }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
        guard let from = words.firstIndex(where: { $0.uppercased() == "FROM" }), from + 1 < words.count,
              let table = catalog.table(named: words[from + 1]) else {
            throw Diagnostic(phase: .parser, message: "fake engine needs FROM table", range: SourceRange(0, 1))
        }
        return .rows(QueryResult(schema: table.schema, columns: table.columns))
    }

    /// A session on `catalog` with the fake engine.
    static func session(mode: OutputMode = .table) -> Session {
        Session(catalog: catalog, mode: mode, runner: fakeEngine)
    }
}

/// Runs inputs through a session and collects what it wrote.
struct Transcript {
    var output = ""
    var errors = ""
    var outcomes: [ExecutionOutcome] = []

    init(_ session: Session, _ inputs: [String]) {
        for input in inputs {
            outcomes.append(session.execute(input, output: &output, errors: &errors))
        }
    }
}

/// The first line of a text, without its line break: the header of a rendered diagnostic.
func firstLine(_ text: String) -> String {
    String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
}
