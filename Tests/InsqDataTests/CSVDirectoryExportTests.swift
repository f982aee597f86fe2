import Foundation
import Testing
import InsqData
import InsqStorage

/// `CSVWriter.writeTables` and `CSVImporter.importBytes`: the pieces behind `insq generate` and `CSVTableLoader`.
@Suite struct CSVDirectoryExportTests {
    @Test func writesEachTableIntoANewNestedDirectory() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let catalog = SampleGenerator.generate(scaleFactor: 0.001, seed: 5)
        let target = root.path + "/a/b/c"
        let written = try CSVWriter.writeTables(catalog.tables, toDirectory: target)
        #expect(written.map(\.path) == ["regions", "persons", "payments"].map { target + "/\($0).csv" })
        #expect(written.map(\.rows) == catalog.tables.map(\.rowCount))
        for file in written {
            let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int
            #expect(file.bytes == size)
        }
        // Writing again into the existing directory replaces the files.
        #expect(try CSVWriter.writeTables(catalog.tables, toDirectory: target + "/") == written)
    }

    @Test func aFileInThePathIsAnError() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data().write(to: root.appendingPathComponent("file"))
        #expect(throws: CSVError.self) { try CSVWriter.writeTables([], toDirectory: root.path + "/file/sub") }
        do {
            _ = try CSVWriter.writeTables([], toDirectory: root.path + "/file/sub")
        } catch {
            #expect(error.description == "\(root.path)/file: cannot create directory: Not a directory")
        }
    }

    @Test func bytesInMemoryReadAsAFileWould() throws {
        var text = "id,note,amount\n"
        for i in 0..<300 { text += "\(i),\"n\n\(i)\",\(i).5\n" }
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("m.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let fromFile = try CSVImporter.importFile(path: path, tableName: "m").table
        for chunkSize in [1, 64, 1 << 20] {
            let fromBytes = try CSVImporter.importBytes(Array(text.utf8), sourceName: "m.csv", tableName: "m",
                                                        options: CSVImportOptions(chunkSize: chunkSize)).table
            var a = "", b = ""
            CSVWriter.write(fromFile, to: &a)
            CSVWriter.write(fromBytes, to: &b)
            #expect(a == b, "chunk \(chunkSize)")
            #expect(fromBytes.schema == fromFile.schema)
        }
        #expect(throws: CSVError.self) {
            try CSVImporter.importBytes(Array("a,b\n1\n".utf8), sourceName: "m.csv", tableName: "m")
        }
    }

    @Test func expectedColumnsDeclareTypesAndCheckTheHeader() throws {
        let schema = [ColumnSchema(name: "id", type: .bigint), ColumnSchema(name: "on", type: .date)]
        let options = CSVImportOptions(expectedColumns: schema)
        let table = try CSVImporter.importBytes(Array("id,on\n1,\n".utf8), sourceName: "x.csv", tableName: "x",
                                                options: options).table
        #expect(table.schema == schema)
        do {
            _ = try CSVImporter.importBytes(Array("id,day\n1,\n".utf8), sourceName: "x.csv", tableName: "x", options: options)
            Issue.record("a wrong header was accepted")
        } catch {
            #expect(error.kind == .headerMismatch)
            #expect(error.description == #"x.csv:1: header column 2 is "day", expected "on""#)
        }
    }
}
