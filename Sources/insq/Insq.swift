import ArgumentParser
import Glibc
import InsqData
import InsqLineEditor
import InsqShell
import InsqStorage

/// The `insq` command: an interactive SQL shell on built-in health-insurance sample data, or a script runner.
@main
struct Insq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insq",
        abstract: "Query health-insurance data with SQL.",
        discussion: """
            With no -f or -c, insq reads statements from standard input: an interactive shell on a terminal, \
            a script otherwise. Scripts stop at the first error, which is reported as file:line, with exit code 1.
            """)

    @Option(name: .customLong("sf"), help: "Scale factor of the sample data (SF × 1,000,000 persons).")
    var scaleFactor: Double = 0.1

    @Option(help: "Seed of the sample data generator.")
    var seed: UInt64 = SampleGenerator.defaultSeed

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the statements in a file, then exit.", valueName: "file"))
    var file: String?

    @Option(name: .customShort("c"), help: ArgumentHelp("Run the statements given, then exit; repeat -c to run several in order.", valueName: "query"))
    var commands: [String] = []

    @Option(help: ArgumentHelp("How results are printed: table, csv or json.", valueName: "mode"))
    var mode: String = "table"

    func validate() throws {
        guard scaleFactor.isFinite, scaleFactor > 0 else {
            throw ValidationError("--sf must be a positive number, not \(scaleFactor)")
        }
        guard OutputMode(rawValue: mode) != nil else {
            throw ValidationError("--mode must be one of table, csv, json, not \"\(mode)\"")
        }
        if file != nil && !commands.isEmpty {
            throw ValidationError("give -f or -c, not both")
        }
    }

    func run() throws {
        let output = FileDescriptorSink.standardOutput()
        let errors = FileDescriptorSink.standardError(after: output)
        let exitCode = start(output: output, errors: errors)
        output.flush()
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    private func start(output: FileDescriptorSink, errors: FileDescriptorSink) -> Int32 {
        var output = output
        var errors = errors
        let isInteractive = file == nil && commands.isEmpty && isatty(STDIN_FILENO) == 1
        // Installed before the session exists, so that Ctrl-C during a query sets the session's flag.
        let cancellation = isInteractive ? InterruptSignal.install() : queryInterruptFlag
        let session = Session(catalog: loadCatalog(), mode: OutputMode(rawValue: mode) ?? .table,
                              cancellation: cancellation)
        let runner = ScriptRunner(session: session)
        if !commands.isEmpty {
            // Each -c starts on a line of its own, so a meta-command and a statement can follow each other.
            return runner.runCommand(commands.joined(separator: "\n"), output: &output, errors: &errors)
        }
        if let file { return runner.runFile(file, output: &output, errors: &errors) }
        guard isInteractive else { return runner.runStandardInput(output: &output, errors: &errors) }

        guard let reader = LibEditLineReader(historyPath: LibEditLineReader.defaultHistoryPath,
                                             complete: { Completion(catalog: session.catalog).complete($0) })
        else {
            errors.write("insq: cannot start the line editor; reading standard input as a script\n")
            return runner.runStandardInput(output: &output, errors: &errors)
        }
        session.echoesInterrupt = true
        output.write(banner(for: session.catalog))
        return REPL(session: session, reader: reader).run(output: &output, errors: &errors)
    }

    /// The built-in sample data.
    private func loadCatalog() -> Catalog {
        SampleGenerator.generate(scaleFactor: scaleFactor, seed: seed)
    }

    /// What insq is, the loaded tables and where to get help.
    private func banner(for catalog: Catalog) -> String {
        let scale = scaleFactor == scaleFactor.rounded() && abs(scaleFactor) < 1e15
            ? String(Int64(scaleFactor)) : String(scaleFactor)
        var text = "insq: SQL over health-insurance sample data (scale factor \(scale), seed \(seed))\n"
        let tables = catalog.tables.map { "\($0.name) (\(Self.grouped($0.rowCount)) rows)" }
        text += "Tables: " + (tables.isEmpty ? "none" : tables.joined(separator: ", ")) + "\n"
        text += "Enter \".help\" for commands; end SQL statements with \";\".\n"
        return text
    }

    private static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// Runs the command; a usage error exits with code 2 (argument-parser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                let message = fullMessage(for: error)
                let errors = FileDescriptorSink(descriptor: 2, bufferLimit: 0)
                errors.write(message.hasSuffix("\n") ? message : message + "\n")
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
