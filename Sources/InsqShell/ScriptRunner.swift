/// The non-interactive front end: runs `-c` text, a `-f` file or piped standard input on a session and
/// turns the outcome into the process's exit code.
///
/// Nothing is prompted or announced. The first error is written as `file:line: message` (with `<command>`
/// or `<stdin>` as the file) and stops the run with exit code 1; otherwise the exit code is 0.
public struct ScriptRunner {
    /// The file name used in errors for `-c` text.
    public static let commandName = "<command>"
    /// The file name used in errors for standard input.
    public static let standardInputName = "<stdin>"

    public let session: Session

    public init(session: Session) {
        self.session = session
    }

    /// Runs the text given with `-c`.
    public func runCommand<Out: OutputSink, Err: OutputSink>(_ text: String, output: inout Out, errors: inout Err) -> Int32 {
        run(lines: StatementSplitter.lines(of: text), name: Self.commandName, output: &output, errors: &errors)
    }

    /// Runs the file given with `-f`; a file that cannot be read gives exit code 1.
    public func runFile<Out: OutputSink, Err: OutputSink>(_ path: String, output: inout Out, errors: inout Err) -> Int32 {
        let text: String
        do {
            text = try FileText.read(path)
        } catch {
            errors.write("insq: \(error.description)\n")
            errors.flush()
            return 1
        }
        return run(lines: StatementSplitter.lines(of: text), name: path, output: &output, errors: &errors)
    }

    /// Runs standard input line by line as it arrives, so a statement runs as soon as its `;` is read, and
    /// flushes after each one: a program feeding insq through a pipe waits for each answer before it asks
    /// the next question.
    public func runStandardInput<Out: OutputSink, Err: OutputSink>(output: inout Out, errors: inout Err) -> Int32 {
        let lines = AnySequence { AnyIterator { Swift.readLine(strippingNewline: true) } }
        return run(lines: lines, name: Self.standardInputName, output: &output, errors: &errors,
                   flushingEach: true)
    }

    /// Runs lines as a script named `name`; with `flushingEach`, output is flushed after every input.
    public func run<Lines: Sequence, Out: OutputSink, Err: OutputSink>(
        lines: Lines, name: String, output: inout Out, errors: inout Err, flushingEach: Bool = false
    ) -> Int32 where Lines.Element == String {
        session.cancellation.reset()
        let flush: ((inout Out, inout Err) -> Void)? = flushingEach ? { out, err in out.flush(); err.flush() } : nil
        let outcome = session.runScript(lines: lines, name: name, output: &output, errors: &errors, afterEach: flush)
        session.closeOutputFiles(errors: &errors)
        // Nobody is there to ask, so the warning is all a script can give; the exit code stays the script's.
        if let warning = session.unsavedScriptWarning { errors.write(warning) }
        output.flush()
        errors.flush()
        return Self.exitCode(for: outcome)
    }

    /// 0 for success or `.quit`, 1 for an error or a cancelled query.
    public static func exitCode(for outcome: ExecutionOutcome) -> Int32 {
        switch outcome {
        case .success, .quit: return 0
        case .failure, .cancelled: return 1
        }
    }
}
