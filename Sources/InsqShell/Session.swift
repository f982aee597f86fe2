import InsqQuery
import InsqStorage
import InsqSyntax

/// Where an input starts in a script, so that errors can be reported as `file:line:`.
public struct ScriptLocation: Hashable, Sendable {
    /// The file name as the user gave it, or `<stdin>` or `<command>`.
    public var file: String
    /// The 1-based line where the input's text starts.
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}

/// How running one input ended.
public enum ExecutionOutcome: Hashable, Sendable {
    case success
    /// An error was written to the error stream.
    case failure
    /// The user pressed Ctrl-C while a query ran.
    case cancelled
    /// `.quit` or `.exit`.
    case quit
}

/// Runs the text of one SQL statement against a catalog: rows, a changed catalog, or rows to copy to a file.
/// `loadFile` reads the files that `FROM 'file.csv'` names.
public typealias StatementRunner = @Sendable (_ source: SourceText, _ catalog: Catalog,
                                              _ cancellation: CancellationFlag,
                                              _ loadFile: FileTableLoader?) throws -> StatementOutcome

/// The state one user works in — catalog, output mode and file, timer, cancellation flag — and the one place
/// where input is run. The REPL and the script runner are front ends on a session, so the same input gives
/// the same bytes in both.
public final class Session {
    public var catalog: Catalog
    public var mode: OutputMode
    /// Whether to print `Run Time: ... s` after each SQL statement.
    public var isTimerOn: Bool
    /// Set by Ctrl-C (a signal handler) and polled by running queries. Front ends reset it before reading
    /// input, not when a statement starts, so that a Ctrl-C pressed just after Enter still cancels; while it
    /// is set, every statement stops as cancelled.
    public let cancellation: CancellationFlag
    /// True when the terminal echoes `^C` itself, so the cancellation notice must start on a fresh line.
    public var echoesInterrupt = false
    /// Names of tables and views that SQL statements created or changed since the last `.save` or `.open`
    /// (in order, possibly repeated), so that leaving can warn about work that would be lost. `.import` adds
    /// nothing: its file still holds the data.
    public var unsavedChanges: [String] = []
    /// Where `.import` draws its progress bar, or nil for none. Front ends set it only when standard error is
    /// a terminal: redrawn lines would litter a log file.
    public var progressOutput: ((String) -> Void)?
    /// The file of `.output FILE`, receiving every result until `.output` alone.
    var outputFile: OutputFile?
    /// The file of `.once FILE`, receiving the next SQL statement's result only.
    var onceFile: OutputFile?
    let runner: StatementRunner
    /// Files read by `FROM 'file.csv'`, kept while unchanged so that follow-up questions do not re-read them.
    let fileTables = FileTableCache()
    /// How many `.read` commands are running inside each other.
    var readDepth = 0
    /// Deepest `.read` nesting allowed, so that a file that reads itself stops with an error.
    static let maximumReadDepth = 16

    public init(catalog: Catalog, mode: OutputMode = .table, isTimerOn: Bool = false,
                cancellation: CancellationFlag = CancellationFlag(),
                runner: @escaping StatementRunner = Session.runWithQueryEngine) {
        self.catalog = catalog
        self.mode = mode
        self.isTimerOn = isTimerOn
        self.cancellation = cancellation
        self.runner = runner
    }

    /// Parses the statement with `SQLParser` and performs it with `QueryEngine`.
    public static let runWithQueryEngine: StatementRunner = { source, catalog, cancellation, loadFile in
        let statement = try SQLParser.parseStatement(source)
        return try QueryEngine.perform(statement, source: source, catalog: catalog, cancellation: cancellation,
                                       loadFile: loadFile)
    }

    /// Runs one complete input: a dot meta-command, or a SQL statement whose results are written to `output`
    /// in the current mode. Errors go to `errors`, prefixed with `file:line: ` when `location` is given.
    @discardableResult
    public func execute<Out: TextOutputStream, Err: TextOutputStream>(
        _ input: String, at location: ScriptLocation? = nil, output: inout Out, errors: inout Err
    ) -> ExecutionOutcome {
        let kind: CompleteInput.Kind = input.drop(while: { $0 == " " || $0 == "\t" }).first == "." ? .metaCommand : .sql
        return execute(CompleteInput(text: input, line: location?.line ?? 1, kind: kind), in: location?.file,
                       output: &output, errors: &errors)
    }

    /// Runs an input cut by `StatementSplitter`, which already knows whether it is SQL or a meta-command.
    /// Errors are reported as `file:line:` when `file` is given.
    @discardableResult
    public func execute<Out: TextOutputStream, Err: TextOutputStream>(
        _ input: CompleteInput, in file: String?, output: inout Out, errors: inout Err
    ) -> ExecutionOutcome {
        let location = file.map { ScriptLocation(file: $0, line: input.line) }
        switch input.kind {
        case .metaCommand:
            if let target = outputFile, !Self.staysUnredirected(input.text) {
                var sink = target
                defer { target.flush() }
                return executeMetaCommand(input.text, at: location, output: &sink, errors: &errors)
            }
            return executeMetaCommand(input.text, at: location, output: &output, errors: &errors)
        case .sql:
            if let once = onceFile {
                onceFile = nil
                var sink = once
                let outcome = executeStatement(input.text, at: location, output: &sink, errors: &errors)
                if let message = once.close() {
                    report("Error: " + message, at: location, to: &errors)
                    return .failure
                }
                return outcome
            }
            if let target = outputFile {
                var sink = target
                defer { target.flush() }
                return executeStatement(input.text, at: location, output: &sink, errors: &errors)
            }
            return executeStatement(input.text, at: location, output: &output, errors: &errors)
        }
    }

    private func executeStatement<Out: TextOutputStream, Err: TextOutputStream>(
        _ text: String, at location: ScriptLocation?, output: inout Out, errors: inout Err
    ) -> ExecutionOutcome {
        let source = SourceText(text)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let outcome = try runner(source, catalog, cancellation, fileTables.loader(cancellation: cancellation))
            try adopt(outcome, output: &output)
            let elapsed = clock.now - start
            if isTimerOn { output.write("Run Time: \(Self.seconds(elapsed)) s\n") }
            return .success
        } catch let diagnostic as Diagnostic {
            let lineOffset = (location?.line ?? 1) - 1
            let message = DiagnosticRenderer.render(diagnostic, source: source, lineOffset: lineOffset)
            let lineInStatement = source.location(of: diagnostic.range.start).line
            report(message, at: location, lineInInput: lineInStatement, to: &errors)
            return .failure
        } catch is QueryCancelled {
            errors.write((echoesInterrupt ? "\n" : "") + "Query cancelled.\n")
            return .cancelled
        } catch {
            report("Error: \(error)", at: location, to: &errors)
            return .failure
        }
    }

    /// Writes an error message, prefixed with `file:line: ` in a script, and ends it with a line break.
    func report<Err: TextOutputStream>(_ message: String, at location: ScriptLocation?, lineInInput: Int = 1,
                                       to errors: inout Err) {
        var text = ""
        if let location { text = "\(location.file):\(location.line + lineInInput - 1): " }
        text += message
        if !text.hasSuffix("\n") { text += "\n" }
        errors.write(text)
    }

    /// `0.012` for 12 milliseconds.
    static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        var milliseconds = whole * 1000 + (attoseconds + 500_000_000_000_000) / 1_000_000_000_000_000
        if milliseconds < 0 { milliseconds = 0 }
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
