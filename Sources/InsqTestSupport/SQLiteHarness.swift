import Foundation
import InsqStorage

/// Runs SQL on the fixtures through SQLite, by way of `Tests/SQLiteCheck/run_sqlite.py` and Python's sqlite3.
public enum SQLiteHarness {
    /// One value as SQLite returned it.
    public enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    /// What one query gave: column names and rows, or SQLite's error message.
    public enum Outcome: Sendable, Equatable {
        case rows(columns: [String], rows: [[Value]])
        case error(String)
    }

    /// Why the harness cannot run here, or nil when it can.
    public static let unavailableReason: String? = {
        guard pythonPath != nil else { return "python3 not found on PATH; the SQLite second opinion is skipped" }
        guard FileManager.default.fileExists(atPath: TestPaths.sqliteScript.path) else {
            return "\(TestPaths.relative(TestPaths.sqliteScript.path)) is missing"
        }
        return nil
    }()

    public static var isAvailable: Bool { unavailableReason == nil }

    /// The first `python3` on PATH.
    public static let pythonPath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Runs the statements in order on one fresh in-memory database holding the fixture tables (so a CREATE TABLE
    /// is seen by the queries after it); one Python process per call. With `declaresBuiltinTypes` the folder's
    /// three built-in tables get their declared columns; without, every CSV file of the folder becomes a table
    /// whose column types the script infers from the values (INTEGER, REAL or TEXT).
    public static func run(_ queries: [String], fixtures: URL = TestPaths.fixtures,
                           declaresBuiltinTypes: Bool = true) throws(HarnessError) -> [Outcome] {
        guard let python = pythonPath else { throw HarnessError("python3 not found on PATH") }
        let tables = BuiltinSchemas.all.map { table in
            Request.Table(name: table.name, columns: table.schema.map { [$0.name, $0.type.description] })
        }
        let request = Request(tables: declaresBuiltinTypes ? tables : nil, queries: queries)
        let input: Data
        do {
            input = try JSONEncoder().encode(request)
        } catch {
            throw HarnessError("cannot encode the request: \(error)")
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [TestPaths.sqliteScript.path, "--fixtures", fixtures.path, "--json"]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw HarnessError("cannot start \(python): \(error)")
        }
        // The script reads all of its input before it writes, so writing first cannot deadlock.
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HarnessError("run_sqlite.py exited with \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self))")
        }
        let answer: Answer
        do {
            answer = try JSONDecoder().decode(Answer.self, from: output)
        } catch {
            throw HarnessError("cannot read run_sqlite.py's answer: \(error)")
        }
        guard answer.results.count == queries.count else {
            throw HarnessError("run_sqlite.py answered \(answer.results.count) of \(queries.count) queries")
        }
        return answer.results.map(\.outcome)
    }

    /// Canonical text of a SQLite value read as the insq type `code` says; `scale` places DECIMAL values.
    public static func canonical(_ value: Value, as code: ColumnTypeCode, scale: Int) -> String {
        switch (value, code) {
        case (.null, _):
            return CanonicalValue.nullText
        case let (.integer(i), .real):
            return CanonicalValue.double(Double(i))
        case let (.integer(i), .decimal):
            return CanonicalValue.double(Double(i), atScale: scale)
        case let (.integer(i), .boolean):
            return i != 0 ? "true" : "false"
        case let (.integer(i), _):
            return String(i)
        case let (.real(d), .integer):
            if d.rounded() == d, abs(d) < 9.0e15 { return String(Int64(d)) }
            return CanonicalValue.double(d)
        case let (.real(d), .decimal):
            return CanonicalValue.double(d, atScale: scale)
        case let (.real(d), .boolean):
            return d != 0 ? "true" : "false"
        case let (.real(d), _):
            return CanonicalValue.double(d)
        case let (.text(s), _):
            return CanonicalValue.text(s)
        }
    }

    private struct Request: Encodable {
        struct Table: Encodable {
            var name: String
            var columns: [[String]]
        }
        /// nil: every CSV file of the folder, types inferred (the key is left out of the JSON).
        var tables: [Table]?
        var queries: [String]
    }

    private struct Answer: Decodable {
        struct Item: Decodable {
            var columns: [String]?
            var rows: [[[String]?]]?
            var error: String?

            var outcome: Outcome {
                if let error { return .error(error) }
                let values = (rows ?? []).map { row in row.map(Self.value) }
                return .rows(columns: columns ?? [], rows: values)
            }

            private static func value(_ tagged: [String]?) -> Value {
                guard let tagged, tagged.count == 2 else { return .null }
                switch tagged[0] {
                case "i":
                    if let i = Int64(tagged[1]) { return .integer(i) }
                    return .real(Double(tagged[1]) ?? .nan)
                case "r": return .real(Double(tagged[1]) ?? .nan)
                default: return .text(tagged[1])
                }
            }
        }
        var results: [Item]
    }
}

/// The SQLite harness could not run (as opposed to SQLite disagreeing).
public struct HarnessError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
