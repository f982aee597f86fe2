import Foundation
import InsqTestSupport
import Testing

/// The second opinion: every `query` record not marked `skipif sqlite` runs through SQLite on the same
/// fixtures, and SQLite's canonical rows must equal the expected block.
///
/// `INSQ_RECORD=sqlite swift test --filter InsqSQLiteCheckTests` fills in blocks that are missing from
/// SQLite's answers (useful for a new case before insq supports it); it never changes an existing block.
@Test(.enabled(if: SQLiteHarness.isAvailable, Comment(rawValue: SQLiteHarness.unavailableReason ?? "")),
      arguments: QueryFile.all)
func sqliteAgrees(_ file: QueryFile) throws {
    let environment = ProcessInfo.processInfo.environment
    let recordMode = RecordMode.requested(environment)
    if recordMode == RecordMode.sqlite, let refusal = RecordMode.refusal(environment) {
        Issue.record(Comment(rawValue: refusal))
        return
    }
    let check = SQLiteCheck(fillsMissingExpectations: recordMode == RecordMode.sqlite)
    let report = check.run(file)
    for failure in report.failures {
        Issue.record(Comment(rawValue: failure.description),
                     sourceLocation: SourceLocation(fileID: "InsqSQLiteCheckTests/\(file.description)",
                                                    filePath: file.path, line: max(1, failure.line), column: 1))
    }
    if report.recordedCount > 0 {
        print("filled \(report.recordedCount) expectation(s) from SQLite in \(file.relativePath)")
    }
}
