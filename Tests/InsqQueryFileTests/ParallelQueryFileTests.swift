import InsqQuery
import InsqStorage
import InsqTestSupport
import Testing

/// Issue 6, point 3: every statement of the `.test` files gives the same answer on one thread and on two
/// threads splitting every table (at least one row per thread), and the two-thread answer still meets the
/// file's expectations; three threads check merging more than one part. Values are compared in their
/// canonical text, which rounds DOUBLEs to 12 significant digits: partial sums added in another order may
/// differ in the last bits.
@Test(arguments: QueryFile.all)
func queryFileAgreesOnTwoThreads(_ file: QueryFile) throws {
    let runner = QueryFileRunner(executor: { sql, catalog in
        let single = Result { try perform(sql, catalog, ExecutionSettings(threads: 1)) }
        let split = Result { try perform(sql, catalog, ExecutionSettings(threads: 2, minimumRowsPerThread: 1)) }
        let three = Result { try perform(sql, catalog, ExecutionSettings(threads: 3, minimumRowsPerThread: 1)) }
        if let difference = ThreadAnswers.difference(single, split) ?? ThreadAnswers.difference(single, three) {
            throw ThreadAnswers.Disagreement(text: difference)
        }
        return try split.get()
    })
    for failure in runner.run(file).failures {
        Issue.record(Comment(rawValue: failure.description), sourceLocation: failure.sourceLocation(in: file))
    }
}

private func perform(_ sql: String, _ catalog: Catalog, _ settings: ExecutionSettings) throws -> StatementOutcome {
    try QueryEngine.perform(sql, catalog: catalog, loadFile: FixtureCatalog.loadFile, settings: settings)
}

/// Compares the outcomes of one statement run with different thread settings.
private enum ThreadAnswers {
    struct Disagreement: Error, CustomStringConvertible {
        let text: String
        var description: String { "one thread and several disagree: \(text)" }
    }

    static func difference(_ a: Result<StatementOutcome, any Error>, _ b: Result<StatementOutcome, any Error>) -> String? {
        switch (a, b) {
        case let (.failure(x), .failure(y)):
            return "\(x)" == "\(y)" ? nil : "errors \(x) / \(y)"
        case let (.success(x), .success(y)):
            let (left, right) = (lines(x), lines(y))
            guard left != right else { return nil }
            let at = zip(left, right).enumerated().first { $1.0 != $1.1 }?.offset ?? min(left.count, right.count)
            return "\(left.count) / \(right.count) lines; first difference at line \(at + 1): "
                + "\(at < left.count ? left[at] : "(none)") / \(at < right.count ? right[at] : "(none)")"
        default:
            return "one failed, the other did not"
        }
    }

    /// The rows (in their order) of a query or COPY; the message of a catalog change.
    private static func lines(_ outcome: StatementOutcome) -> [String] {
        switch outcome {
        case let .rows(result), let .copy(result, _, _, _):
            return (0..<result.rowCount).map { row in
                result.columns.map { CanonicalValue.text($0.value(at: row)) }.joined(separator: "\t")
            }
        case let .catalogChanged(_, message, _):
            return [message]
        }
    }
}
