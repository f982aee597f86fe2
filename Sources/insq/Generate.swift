import ArgumentParser
import InsqData
import InsqShell
import InsqStorage

/// `insq generate`: writes the sample data as CSV files in the DATA-MODEL.md layout, for other tools or for
/// loading back with `insq DIR/*.csv`.
struct Generate: ParsableCommand {
    static let name = "generate"

    static let configuration = CommandConfiguration(
        commandName: "insq generate",
        abstract: "Write the sample data as regions.csv, persons.csv and payments.csv.",
        discussion: "DIR is created when missing; files of the same names in it are replaced.")

    @Option(name: .customLong("sf"), help: ArgumentHelp("Scale factor (SF × 1,000,000 persons).", valueName: "sf"))
    var scaleFactor: Double

    @Option(help: "Seed of the sample data generator.")
    var seed: UInt64 = SampleGenerator.defaultSeed

    @Option(help: ArgumentHelp("Directory to write the files to.", valueName: "dir"))
    var out: String

    func validate() throws {
        guard scaleFactor.isFinite, scaleFactor > 0 else {
            throw ValidationError("--sf must be a positive number, not \(scaleFactor)")
        }
    }

    func run() throws {
        let output = FileDescriptorSink.standardOutput()
        let errors = FileDescriptorSink.standardError(after: output)
        let catalog = SampleGenerator.generate(scaleFactor: scaleFactor, seed: seed)
        do {
            for file in try CSVWriter.writeTables(catalog.tables, toDirectory: out) {
                output.write("wrote \(file.path): \(Insq.grouped(file.rows)) rows, \(ByteCount.text(file.bytes))\n")
            }
        } catch {
            errors.write("insq: \(error)\n")
            output.flush()
            throw ExitCode(1)
        }
        output.flush()
    }
}
