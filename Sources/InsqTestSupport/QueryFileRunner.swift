import Foundation
import InsqQuery
import InsqStorage
import InsqSyntax

/// Runs the records of `.test` files through insq and compares, or in record mode rewrites, their expectations.
public struct QueryFileRunner: Sendable {
    /// Runs one statement against a catalog; `QueryEngine.perform` (with `FROM 'file'` reading the fixture
    /// folder) unless a test substitutes another.
    public typealias Executor = @Sendable (_ sql: String, _ catalog: Catalog) throws -> StatementOutcome

    public var isRecording: Bool
    public var executor: Executor
    /// Where `load fixtures` gets its tables.
    public var fixtures: @Sendable () throws -> Catalog

    public init(isRecording: Bool = false,
                executor: @escaping Executor = { sql, catalog in
                    try QueryEngine.perform(sql, catalog: catalog, loadFile: FixtureCatalog.loadFile)
                },
                fixtures: @escaping @Sendable () throws -> Catalog = { try FixtureCatalog.load() }) {
        self.isRecording = isRecording
        self.executor = executor
        self.fixtures = fixtures
    }

    /// Runs a file and, in record mode, writes the rewritten text back to it.
    public func run(_ file: QueryFile) -> QueryFileReport {
        file.runRewriting { text in run(text: text, fileName: file.relativePath, isErrorGolden: file.isErrorGolden) }
    }

    /// Runs the text of a `.test` file; `fileName` is used in messages only.
    public func run(text: String, fileName: String, isErrorGolden: Bool) -> QueryFileReport {
        var report = QueryFileReport()
        let script: TestScript
        do {
            script = try TestScriptParser.parse(text)
        } catch {
            report.failures.append(TestFailure(file: fileName, line: error.line, message: error.message))
            return report
        }
        var catalog = Catalog()
        var rewriter = ScriptRewriter()
        for record in script.records {
            switch record {
            case let .loadFixtures(line):
                do {
                    catalog = try fixtures()
                } catch {
                    report.failures.append(TestFailure(file: fileName, line: line, message: "load fixtures: \(error)"))
                    return report
                }
            case let .query(query):
                report.caseCount += 1
                if let message = check(query, catalog: catalog, rewriter: &rewriter) {
                    report.failures.append(TestFailure(file: fileName, line: query.layout.lineNumber, message: message))
                }
            case let .statement(statement):
                report.caseCount += 1
                // A statement that changes the catalog changes it for the records after it.
                if let message = check(statement, catalog: &catalog, isErrorGolden: isErrorGolden, rewriter: &rewriter) {
                    report.failures.append(TestFailure(file: fileName, line: statement.layout.lineNumber, message: message))
                }
            }
        }
        if isRecording, !rewriter.isEmpty {
            report.recordedCount = rewriter.count
            var lines = rewriter.apply(to: script.lines)
            if text.hasSuffix("\n") { lines.append("") }
            report.rewrittenText = lines.joined(separator: "\n")
        }
        return report
    }

    // MARK: - query

    private func check(_ query: QueryRecord, catalog: Catalog, rewriter: inout ScriptRewriter) -> String? {
        let result: QueryResult
        do {
            guard case let .rows(rows) = try executor(query.sql, catalog) else {
                return "a query record must return rows; use `statement ok` for this statement\n\(query.sql.indented())"
            }
            result = rows
        } catch {
            return "query failed\n\(query.sql.indented())\n\(describe(error, sql: query.sql).indented("    "))"
        }
        let actualTypes = result.schema.map { ColumnTypeCode($0.type) }
        let typesMatch = query.types.count == result.schema.count
            && zip(query.types, result.schema).allSatisfy { $0.accepts($1.type) }
        let actual = Self.canonicalLines(of: result, query: query)

        if isRecording {
            let expected = query.expected.map { Self.normalizedExpectation($0, query: query, width: result.schema.count) }
            if !typesMatch {
                let types = typesMatch ? query.types : zip(0..<actualTypes.count, actualTypes).map { i, actualCode in
                    i < query.types.count && query.types[i].accepts(result.schema[i].type) ? query.types[i] : actualCode
                }
                let header = (["query", ColumnTypeCode.text(types)] + query.headerOptions).joined(separator: " ")
                rewriter.replace(query.layout.headerLine..<(query.layout.headerLine + 1), with: [header])
            }
            if expected != actual {
                if let blank = actual.first(where: { $0.trimmingSpaces().isEmpty }) {
                    return "cannot record a blank result line \"\(blank)\""
                }
                rewriter.setExpectation(of: query.layout, to: actual)
            }
            return nil
        }

        guard let expectedLines = query.expected else {
            return "no expectation; run with INSQ_RECORD=1\n\(query.sql.indented())"
        }
        if !typesMatch {
            return "result column types are \(ColumnTypeCode.text(actualTypes)), expected \(ColumnTypeCode.text(query.types))\n"
                + query.sql.indented()
        }
        let expected = Self.normalizedExpectation(expectedLines, query: query, width: result.schema.count)
        guard expected == actual else {
            return "result differs\n\(query.sql.indented())\n\(TextDiff.render(expected: expected, actual: actual))"
        }
        return nil
    }

    /// Result lines as a record stores them: column names first when asked, then rows in the record's order.
    static func canonicalLines(of result: QueryResult, query: QueryRecord) -> [String] {
        var rows: [[String]] = []
        rows.reserveCapacity(result.rowCount)
        for row in 0..<result.rowCount {
            rows.append(result.columns.map { CanonicalValue.text($0.value(at: row)) })
        }
        let names = query.checksColumnNames ? [result.schema.map { CanonicalValue.text($0.name) }.joined(separator: "\t")] : []
        return names + ResultRows.lines(of: ResultRows.sorted(rows, mode: query.sortMode, width: result.schema.count))
    }

    /// The expected block with its rows put in the record's order (hand-written blocks need not be sorted).
    static func normalizedExpectation(_ lines: [String], query: QueryRecord, width: Int) -> [String] {
        let nameCount = query.checksColumnNames ? min(1, lines.count) : 0
        let rows = ResultRows.cells(of: Array(lines.dropFirst(nameCount)))
        return Array(lines.prefix(nameCount)) + ResultRows.lines(of: ResultRows.sorted(rows, mode: query.sortMode, width: width))
    }

    // MARK: - statement

    private func check(_ statement: StatementRecord, catalog: inout Catalog, isErrorGolden: Bool,
                       rewriter: inout ScriptRewriter) -> String? {
        let outcome: Result<StatementOutcome, any Error>
        do {
            outcome = .success(try executor(statement.sql, catalog))
        } catch {
            outcome = .failure(error)
        }
        if case let .success(.catalogChanged(changed, _, _)) = outcome { catalog = changed }
        switch (statement.outcome, outcome) {
        case (.ok, .success):
            return nil
        case let (.ok, .failure(error)):
            return "statement failed\n\(statement.sql.indented())\n\(describe(error, sql: statement.sql).indented("    "))"
        case (.error, .success):
            return "statement succeeded but an error was expected\n\(statement.sql.indented())"
        case let (.error(substring), .failure(error)):
            let rendered = describe(error, sql: statement.sql)
            if let substring, !rendered.contains(substring) {
                return "error does not contain \"\(substring)\"\n\(statement.sql.indented())\n\(rendered.indented("    "))"
            }
            let actual = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let wantsBlock = statement.expectedDiagnostic != nil || isErrorGolden
            guard wantsBlock else { return nil }
            if isRecording {
                if statement.expectedDiagnostic != actual {
                    if actual.contains(where: { $0.trimmingSpaces().isEmpty }) {
                        return "cannot record a diagnostic with a blank line\n\(rendered.indented("    "))"
                    }
                    rewriter.setExpectation(of: statement.layout, to: actual)
                }
                return nil
            }
            guard let expected = statement.expectedDiagnostic else {
                return "no expectation; run with INSQ_RECORD=1\n\(statement.sql.indented())\n\(rendered.indented("    "))"
            }
            guard expected == actual else {
                return "diagnostic differs\n\(statement.sql.indented())\n\(TextDiff.render(expected: expected, actual: actual))"
            }
            return nil
        }
    }

    /// A thrown error as the user would see it: a rendered diagnostic, or the error's description.
    func describe(_ error: any Error, sql: String) -> String {
        if let diagnostic = error as? Diagnostic {
            return DiagnosticRenderer.render(diagnostic, source: SourceText(sql))
        }
        return String(describing: error)
    }
}
