/// Compares the `query` records of a `.test` file (those not marked `skipif sqlite`) with SQLite's answers,
/// after running the `statement ok` records before them (CREATE TABLE, INSERT, ...) in SQLite too.
///
/// The expected blocks are insq's answers (recorded and reviewed), so SQLite agreeing with them means it
/// agrees with insq. The record's type letters say how SQLite's loosely typed values are read:
/// 0/1 as BOOLEAN, REAL at a DECIMAL column's scale (taken from the expected block), text as DATE.
public struct SQLiteCheck: Sendable {
    /// Fill blocks that are missing from SQLite's answers (`INSQ_RECORD=sqlite`); existing blocks are never changed.
    public var fillsMissingExpectations: Bool

    public init(fillsMissingExpectations: Bool = false) {
        self.fillsMissingExpectations = fillsMissingExpectations
    }

    public func run(_ file: QueryFile) -> QueryFileReport {
        file.runRewriting { text in run(text: text, fileName: file.relativePath) }
    }

    public func run(text: String, fileName: String,
                    sqlite: ([String]) throws(HarnessError) -> [SQLiteHarness.Outcome] = { queries throws(HarnessError) in
                        try SQLiteHarness.run(queries)
                    }) -> QueryFileReport {
        var report = QueryFileReport()
        let script: TestScript
        do {
            script = try TestScriptParser.parse(text)
        } catch {
            report.failures.append(TestFailure(file: fileName, line: error.line, message: error.message))
            return report
        }
        // Successful statements run too, in file order, so that later queries see the same tables; a statement
        // insq refuses is left out, since SQLite might accept it and then hold different data.
        let checked: [CheckedRecord] = script.records.compactMap { record in
            switch record {
            case let .query(q) where !q.skipsSQLite: return .query(q)
            case let .statement(s) where !s.skipsSQLite && s.outcome == .ok: return .statement(s)
            default: return nil
            }
        }
        guard checked.contains(where: { if case .query = $0 { true } else { false } }) else { return report }
        let outcomes: [SQLiteHarness.Outcome]
        do {
            outcomes = try sqlite(checked.map(\.sql))
        } catch {
            report.failures.append(TestFailure(file: fileName, line: 0, message: "SQLite harness: \(error)"))
            return report
        }
        var rewriter = ScriptRewriter()
        for (record, outcome) in zip(checked, outcomes) {
            switch record {
            case let .query(query):
                report.caseCount += 1
                if let message = compare(query, outcome, rewriter: &rewriter) {
                    report.failures.append(TestFailure(file: fileName, line: query.layout.lineNumber, message: message))
                }
            case let .statement(statement):
                if case let .error(message) = outcome {
                    report.failures.append(TestFailure(file: fileName, line: statement.layout.lineNumber,
                        message: "SQLite failed: \(message)\n\(statement.sql.indented())\n"
                            + "  (if the statement is not SQLite's syntax, mark it `skipif sqlite`)"))
                }
            }
        }
        if fillsMissingExpectations, !rewriter.isEmpty {
            report.recordedCount = rewriter.count
            var lines = rewriter.apply(to: script.lines)
            if text.hasSuffix("\n") { lines.append("") }
            report.rewrittenText = lines.joined(separator: "\n")
        }
        return report
    }

    private func compare(_ query: QueryRecord, _ outcome: SQLiteHarness.Outcome,
                         rewriter: inout ScriptRewriter) -> String? {
        let columns: [String], rows: [[SQLiteHarness.Value]]
        switch outcome {
        case let .error(message):
            return "SQLite failed: \(message)\n\(query.sql.indented())\n"
                + "  (if insq means something SQLite does not, mark the record `skipif sqlite` with a comment why)"
        case let .rows(c, r):
            columns = c
            rows = r
        }
        guard columns.count == query.types.count else {
            return "SQLite returned \(columns.count) columns, the record declares \(query.types.count) (\(ColumnTypeCode.text(query.types)))\n"
                + query.sql.indented()
        }
        let scales = Self.decimalScales(query)
        let canonicalRows = rows.map { row in
            row.enumerated().map { i, value in SQLiteHarness.canonical(value, as: query.types[i], scale: scales[i]) }
        }
        let names = query.checksColumnNames ? [columns.map(CanonicalValue.text).joined(separator: "\t")] : []
        let actual = names + ResultRows.lines(of: ResultRows.sorted(canonicalRows, mode: query.sortMode, width: columns.count))

        guard let expectedLines = query.expected else {
            if fillsMissingExpectations {
                rewriter.setExpectation(of: query.layout, to: actual)
                return nil
            }
            return "no expectation; run with INSQ_RECORD=1\n\(query.sql.indented())\n  SQLite says:\n"
                + actual.map { "    " + $0 }.joined(separator: "\n")
        }
        let expected = QueryFileRunner.normalizedExpectation(expectedLines, query: query, width: columns.count)
        guard expected == actual else {
            return "SQLite disagrees with the expected rows\n\(query.sql.indented())\n"
                + TextDiff.render(expected: expected, actual: actual, legend: "(- expected (insq), + SQLite)")
        }
        return nil
    }

    /// For each DECIMAL column, the scale its expected values are written at (2 when the block shows none).
    static func decimalScales(_ query: QueryRecord) -> [Int] {
        var scales = [Int](repeating: 2, count: query.types.count)
        let lines = query.expected ?? []
        let rows = ResultRows.cells(of: Array(lines.dropFirst(query.checksColumnNames ? 1 : 0)))
        for (i, code) in query.types.enumerated() where code == .decimal {
            if let sample = rows.first(where: { i < $0.count && $0[i] != CanonicalValue.nullText })?[i] {
                if let point = sample.firstIndex(of: ".") {
                    scales[i] = sample.distance(from: point, to: sample.endIndex) - 1
                } else {
                    scales[i] = 0
                }
            }
        }
        return scales
    }
}

/// A record the SQLite check sends to SQLite: a query to compare, or a statement that sets up the data.
private enum CheckedRecord {
    case query(QueryRecord)
    case statement(StatementRecord)

    var sql: String {
        switch self {
        case let .query(q): return q.sql
        case let .statement(s): return s.sql
        }
    }
}
