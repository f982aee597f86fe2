/// How a `query` record orders rows before comparing them.
public enum SortMode: String, Sendable, CaseIterable {
    /// Rows as the engine returns them (the query's ORDER BY must make them deterministic).
    case nosort
    /// Rows sorted by their canonical text, column by column.
    case rowsort
    /// All values sorted, then regrouped into rows of the record's width.
    case valuesort
}

/// Where a record sits in its file, for messages and for rewriting its expectation in record mode.
public struct RecordLayout: Sendable, Equatable {
    /// 0-based index of the record's first line (`query ...` or `statement ...`).
    public var headerLine: Int
    /// 0-based index just past the SQL: where the `----` line is or would go.
    public var sqlEnd: Int
    /// 0-based lines from the `----` through the last expected line, nil when the record has no block.
    public var expectationLines: Range<Int>?

    public init(headerLine: Int, sqlEnd: Int, expectationLines: Range<Int>?) {
        self.headerLine = headerLine
        self.sqlEnd = sqlEnd
        self.expectationLines = expectationLines
    }

    /// 1-based line of the record header, as error messages show it.
    public var lineNumber: Int { headerLine + 1 }
}

/// `query <types> [sort mode] [colnames]`: SQL whose rows are compared with the expected block.
public struct QueryRecord: Sendable, Equatable {
    public var layout: RecordLayout
    public var types: [ColumnTypeCode]
    public var sortMode: SortMode
    /// When set, the expected block starts with one line of tab-separated column names.
    public var checksColumnNames: Bool
    public var sql: String
    /// The expected lines (column names first when `checksColumnNames`), nil when there is no `----` block.
    public var expected: [String]?
    /// Marked `skipif sqlite`: insq's semantics differ from SQLite's, so the second opinion does not apply.
    public var skipsSQLite: Bool
    /// The header's words after the type string, kept so that record mode rewrites only the types.
    public var headerOptions: [String]
}

/// `statement ok` or `statement error [substring]`: SQL that must succeed or fail.
public struct StatementRecord: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case ok
        /// An error whose rendered diagnostic contains `substring` (any error when nil).
        case error(substring: String?)
    }

    public var layout: RecordLayout
    public var outcome: Outcome
    public var sql: String
    /// The whole rendered diagnostic, line by line, nil when there is no `----` block.
    public var expectedDiagnostic: [String]?
    public var skipsSQLite: Bool
}

/// One record of a `.test` file.
public enum TestRecord: Sendable, Equatable {
    /// `load fixtures`: later records query the tables in `Tests/Fixtures/*.csv`.
    case loadFixtures(line: Int)
    case query(QueryRecord)
    case statement(StatementRecord)

    /// 1-based line where the record starts.
    public var lineNumber: Int {
        switch self {
        case let .loadFixtures(line): return line
        case let .query(q): return q.layout.lineNumber
        case let .statement(s): return s.layout.lineNumber
        }
    }
}

/// A parsed `.test` file: its header comments, its records and its original lines.
public struct TestScript: Sendable {
    /// From a leading `# name:` comment.
    public var name: String?
    /// From a leading `# description:` comment.
    public var description: String?
    public var records: [TestRecord]
    /// The file's lines without line breaks, as record mode edits them.
    public var lines: [String]

    /// Number of `query` and `statement` records (the "cases" of the file).
    public var caseCount: Int {
        records.reduce(0) { count, record in
            if case .loadFixtures = record { return count }
            return count + 1
        }
    }
}

/// A `.test` file that does not follow the format, with the 1-based line at fault.
public struct TestScriptSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
    public var description: String { "line \(line): \(message)" }
}
