import ArgumentParser
import Glibc
import InsqData
import InsqLineEditor
import InsqShell
import InsqStorage

/// The `insq` command: an interactive SQL shell on built-in health-insurance sample data or on data files,
/// or a script runner.
@main
struct Insq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insq",
        abstract: "Query health-insurance data with SQL.",
        discussion: """
            With no -f or -c, insq reads statements from standard input: an interactive shell on a terminal, \
            a script otherwise. Scripts stop at the first error, which is reported as file:line, with exit code 1.

            Files given as arguments are loaded, in order, before anything runs: a .csv, .tsv or .txt file \
            becomes a table named after the file (persons.csv, payments.csv and regions.csv get the built-in \
            columns and types), a .insq snapshot adds its tables and views. Without files insq starts on the \
            generated sample; with files it starts on the files alone, unless --sf is given as well. A file that \
            cannot be loaded stops insq with exit code 1.

            insq generate --sf N --out DIR writes the sample as regions.csv, persons.csv and payments.csv \
            (see insq generate --help).
            """)

    @Option(name: .customLong("sf"), help: ArgumentHelp(
        "Scale factor of the sample data (SF × 1,000,000 persons); default 0.1, or no sample when files are given.",
        valueName: "sf"))
    var scaleFactor: Double?

    @Option(help: "Seed of the sample data generator.")
    var seed: UInt64 = SampleGenerator.defaultSeed

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the statements in a file, then exit.", valueName: "file"))
    var file: String?

    @Option(name: .customShort("c"), help: ArgumentHelp("Run the statements given, then exit; repeat -c to run several in order.", valueName: "query"))
    var commands: [String] = []

    @Option(help: ArgumentHelp("How results are printed: \(Self.modeNames).", valueName: "mode"))
    var mode: String = "table"

    @Argument(help: ArgumentHelp("Data files to load: .csv, .tsv, .txt (one table each) or .insq (a snapshot).",
                                 valueName: "file"))
    var files: [String] = []

    /// The default scale factor, when no data files are given.
    static let defaultScaleFactor = 0.1
    static let modeNames = OutputMode.allCases.map(\.rawValue).joined(separator: ", ")

    func validate() throws {
        if let scaleFactor, !(scaleFactor.isFinite && scaleFactor > 0) {
            throw ValidationError("--sf must be a positive number, not \(scaleFactor)")
        }
        guard OutputMode(rawValue: mode) != nil else {
            throw ValidationError("--mode must be one of \(Self.modeNames), not \"\(mode)\"")
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

    /// The sample is generated when no files are given, or when --sf asks for it next to them.
    private var sampleScaleFactor: Double? {
        scaleFactor ?? (files.isEmpty ? Self.defaultScaleFactor : nil)
    }

    private func start(output outputSink: FileDescriptorSink, errors errorSink: FileDescriptorSink) -> Int32 {
        var output = outputSink
        var errors = errorSink
        let isInteractive = file == nil && commands.isEmpty && isatty(STDIN_FILENO) == 1
        // Installed before the session exists, so that Ctrl-C during a query or a load sets the session's flag.
        let cancellation = isInteractive ? InterruptSignal.install() : queryInterruptFlag
        let catalog = sampleScaleFactor.map { SampleGenerator.generate(scaleFactor: $0, seed: seed) } ?? Catalog()
        let session = Session(catalog: catalog, mode: OutputMode(rawValue: mode) ?? .table, cancellation: cancellation)
        if isatty(STDERR_FILENO) == 1 { session.progressOutput = { errorSink.write($0) } }
        session.echoesInterrupt = isInteractive
        guard session.loadFiles(files, errors: &errors) == .success else { return 1 }
        session.echoesInterrupt = false

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

    /// What insq is, the loaded tables and where to get help.
    private func banner(for catalog: Catalog) -> String {
        var sources: [String] = []
        if let scale = sampleScaleFactor {
            let shown = scale == scale.rounded() && abs(scale) < 1e15 ? String(Int64(scale)) : String(scale)
            sources.append("health-insurance sample data (scale factor \(shown), seed \(seed))")
        }
        if !files.isEmpty { sources.append(files.joined(separator: ", ")) }
        var text = "insq: SQL over \(sources.joined(separator: " and "))\n"
        let tables = catalog.tables.map { "\($0.name) (\(Self.grouped($0.rowCount)) rows)" }
        text += "Tables: " + (tables.isEmpty ? "none" : tables.joined(separator: ", ")) + "\n"
        text += "Enter \".help\" for commands; end SQL statements with \";\".\n"
        return text
    }

    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// Runs the command, or `insq generate` when that is the first word. The subcommand is picked here rather
    /// than declared to argument-parser, because the root command's positional files and `--sf` would
    /// otherwise swallow `generate` and its options. A usage error exits with code 2 (argument-parser's
    /// default is 64).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == Generate.name {
            run(Generate.self, Array(arguments.dropFirst()))
        } else {
            run(Insq.self, arguments)
        }
    }

    private static func run<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) {
        do {
            var command = try type.parseAsRoot(arguments)
            try command.run()
        } catch {
            if type.exitCode(for: error) == .validationFailure {
                let message = type.fullMessage(for: error)
                let errors = FileDescriptorSink(descriptor: 2, bufferLimit: 0)
                errors.write(message.hasSuffix("\n") ? message : message + "\n")
                Glibc.exit(2)
            }
            type.exit(withError: error)
        }
    }
}

