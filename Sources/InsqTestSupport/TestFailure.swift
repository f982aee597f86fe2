/// One failed record: where it is and what went wrong, printed as `file:line: message`.
public struct TestFailure: Sendable, Equatable, CustomStringConvertible {
    /// Path relative to the package root.
    public var file: String
    /// 1-based line of the record (0 for the whole file).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// What running one `.test` file found.
public struct QueryFileReport: Sendable {
    public var failures: [TestFailure] = []
    /// Query and statement records that ran.
    public var caseCount = 0
    /// Expectation blocks written in record mode.
    public var recordedCount = 0
    /// The file's new text when record mode changed it.
    public var rewrittenText: String?

    public init() {}
}

/// Environment switches of the query-file tests.
public enum RecordMode {
    /// `INSQ_RECORD` value that asks to rewrite every `----` block from insq's answers.
    public static let insq = "1"
    /// `INSQ_RECORD` value that asks the SQLite check to fill blocks that are missing, from SQLite's answers.
    public static let sqlite = "sqlite"

    public static func requested(_ environment: [String: String]) -> String? {
        guard let value = environment["INSQ_RECORD"], !value.isEmpty, value != "0" else { return nil }
        return value
    }

    /// Why recording must not happen here, or nil: goldens are never rewritten on a CI machine.
    public static func refusal(_ environment: [String: String]) -> String? {
        let ci = environment["CI"]?.lowercased()
        if ci == "true" || ci == "1" {
            return "record mode (INSQ_RECORD) refuses to run under CI=true; record locally and commit the diff"
        }
        return nil
    }
}

extension String {
    /// Each line prefixed with `prefix`.
    func indented(_ prefix: String = "  ") -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
    }
}
