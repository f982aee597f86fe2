import Foundation
import InsqStorage

/// One long-running `run_sqlite.py --jsonl` process that answers queries one at a time on the fixtures,
/// so that thousands of queries cost one Python start-up.
public final class SQLiteSession {
    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private let errors: Pipe
    private var buffer = Data()

    public init(fixtures: URL = TestPaths.fixtures) throws(HarnessError) {
        guard let python = SQLiteHarness.pythonPath else { throw HarnessError("python3 not found on PATH") }
        let stdin = Pipe(), stdout = Pipe()
        errors = Pipe()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [TestPaths.sqliteScript.path, "--fixtures", fixtures.path, "--jsonl"]
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw HarnessError("cannot start \(python): \(error)")
        }
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        let tables = BuiltinSchemas.all.map { table in
            ["name": table.name, "columns": table.schema.map { [$0.name, $0.type.description] }] as [String: Any]
        }
        try send(["tables": tables])
    }

    deinit {
        try? input.close()
        process.waitUntilExit()
    }

    /// SQLite's answer to one query.
    public func run(_ sql: String) throws(HarnessError) -> SQLiteHarness.Outcome {
        try submit(sql)
        return try answer()
    }

    /// Sends a query; SQLite works on it while the caller does something else, until `answer()`.
    public func submit(_ sql: String) throws(HarnessError) {
        try send(["sql": sql])
    }

    /// The answer to the query submitted last.
    public func answer() throws(HarnessError) -> SQLiteHarness.Outcome {
        let line = try readLine()
        // JSONSerialization is several times faster than JSONDecoder on large answers in a debug build.
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            throw HarnessError("cannot read run_sqlite.py's answer: \(String(decoding: line.prefix(200), as: UTF8.self))")
        }
        if let error = object["error"] as? String { return .error(error) }
        let columns = object["columns"] as? [String] ?? []
        let rows = (object["rows"] as? [[Any]] ?? []).map { row in row.map { Self.value($0 as? String) } }
        return .rows(columns: columns, rows: rows)
    }

    /// A value tagged by its first character: `i` integer, `r` real, `t` text; JSON null is NULL.
    private static func value(_ tagged: String?) -> SQLiteHarness.Value {
        guard let tagged, let tag = tagged.unicodeScalars.first else { return .null }
        let text = String(tagged.unicodeScalars.dropFirst())
        switch tag {
        case "i": return Int64(text).map(SQLiteHarness.Value.integer) ?? .real(Double(text) ?? .nan)
        case "r": return .real(Double(text) ?? .nan)
        default: return .text(text)
        }
    }

    private func send(_ object: [String: Any]) throws(HarnessError) {
        // Writing to a process that has exited would raise SIGPIPE; the signal is left alone because other
        // tests in this process start children, which would inherit an ignored SIGPIPE.
        guard process.isRunning else { throw HarnessError("run_sqlite.py has exited\(stderrText())") }
        do {
            var data = try JSONSerialization.data(withJSONObject: object)
            data.append(UInt8(ascii: "\n"))
            try input.write(contentsOf: data)
        } catch {
            throw HarnessError("cannot write to run_sqlite.py: \(error)\(stderrText())")
        }
    }

    private func readLine() throws(HarnessError) -> Data {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return Data(line)
            }
            let chunk = output.availableData
            if chunk.isEmpty { throw HarnessError("run_sqlite.py stopped answering\(stderrText())") }
            buffer.append(chunk)
        }
    }

    private func stderrText() -> String {
        guard !process.isRunning else { return "" }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.isEmpty ? "" : ": " + text
    }
}
