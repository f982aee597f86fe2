import Foundation
import InsqData
import InsqShell
import InsqStorage
import Testing

/// Data out and back in: the generated sample written as CSV, imported under the built-in names (so with the
/// declared types) and written again must give the same bytes — through `CSVWriter` and through `.mode csv`
/// with `.once`.
@Suite struct RoundTripTests {
    private func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func generatedCSVImportsAndExportsByteIdentically() throws {
        let directory = try TemporaryDirectory()
        let sample = SampleGenerator.generate(scaleFactor: 0.002, seed: 7)
        let written = try CSVWriter.writeTables(sample.tables, toDirectory: directory.path + "/first")
        #expect(written.map(\.rows) == sample.tables.map(\.rowCount))

        let session = Session(catalog: Catalog())
        let imports = Transcript(session, written.map { ".import \($0.path)" })
        #expect(imports.errors == "")
        for (name, schema) in BuiltinSchemas.all {
            #expect(session.catalog.table(named: name)?.schema == schema, "\(name) has its declared types")
        }
        let again = try CSVWriter.writeTables(session.catalog.tables, toDirectory: directory.path + "/second")
        for (first, second) in zip(written, again) {
            #expect(try bytes(first.path) == bytes(second.path), "\(first.path)")
        }
    }

    @Test func onceInCSVModeWritesWhatImportReadsBack() throws {
        let directory = try TemporaryDirectory()
        let sample = SampleGenerator.generate(scaleFactor: 0.002, seed: 7)
        let written = try CSVWriter.writeTables(sample.tables, toDirectory: directory.path + "/first")
        let session = Session(catalog: Catalog())
        _ = Transcript(session, written.map { ".import \($0.path)" })

        try FileManager.default.createDirectory(atPath: directory.path + "/once", withIntermediateDirectories: true)
        var inputs = [".mode csv"]
        for (name, _) in BuiltinSchemas.all {
            inputs += [".once \(directory.path)/once/\(name).csv", "SELECT * FROM \(name);"]
        }
        let export = Transcript(session, inputs)
        #expect(export.errors == "")
        #expect(export.output == "")
        for (name, _) in BuiltinSchemas.all {
            #expect(try bytes("\(directory.path)/once/\(name).csv") == bytes("\(directory.path)/first/\(name).csv"), "\(name)")
        }

        let reread = Session(catalog: Catalog())
        let imports = Transcript(reread, BuiltinSchemas.all.map { ".import \(directory.path)/once/\($0.name).csv" })
        #expect(imports.errors == "")
        let again = try CSVWriter.writeTables(reread.catalog.tables, toDirectory: directory.path + "/again")
        for file in again {
            let name = URL(fileURLWithPath: file.path).lastPathComponent
            #expect(try bytes(file.path) == bytes("\(directory.path)/first/\(name)"), "\(name)")
        }
    }
}
