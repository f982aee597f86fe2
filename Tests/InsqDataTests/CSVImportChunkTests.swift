import Foundation
import Testing
import InsqData
import InsqStorage

/// Imports `text` from a temporary file named `people.csv`.
private func load(_ text: String, _ options: CSVImportOptions) throws -> CSVImportResult {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insq-chunks-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent("people.csv")
    try Data(text.utf8).write(to: url)
    return try CSVImporter.importFile(path: url.path, tableName: "t", options: options)
}

/// The error of importing `text`, without the file's directory.
private func loadError(_ text: String, _ options: CSVImportOptions) -> String? {
    do {
        _ = try load(text, options)
        return nil
    } catch let error as CSVError {
        return "people.csv" + error.description.drop { $0 != ":" }
    } catch {
        return "unexpected \(error)"
    }
}

private func rows(_ table: Table) -> [[String]] {
    (0..<table.rowCount).map { r in table.columns.map { $0.value(at: r).description } }
}

private let sizes = [1, 2, 3, 5, 7, 13, 64, 1 << 20]

/// Chunk boundaries fall inside CRLF pairs, multi-byte characters and quoted fields; chunks read by the fast
/// parser and by the tokenizer alternate. Every size and thread count must give the same table.
@Suite struct CSVImportChunkTests {
    @Test func declaredTypesAcrossEveryChunkBoundary() throws {
        var text = "id,name,amount,day\r\n"
        var expected: [[String]] = []
        for i in 0..<120 {
            let name = i % 5 == 0 ? "Nguyễn \(i)" : (i % 11 == 0 ? "\"q, \"\"\(i)\"\"\"" : "王\(i % 4)")
            let shown = i % 5 == 0 ? "Nguyễn \(i)" : (i % 11 == 0 ? "q, \"\(i)\"" : "王\(i % 4)")
            let day = i % 6 == 0 ? "" : "2024-03-\(10 + i % 19)"
            text += "\(i),\(name),\(i * 3).5\(i % 10),\(day)\r\n"
            expected.append(["\(i)", shown, "\(i * 3).5\(i % 10)", day.isEmpty ? "NULL" : day])
        }
        let types: [String: DataType] = ["id": .bigint, "name": .text, "amount": .decimal(precision: 10, scale: 2),
                                         "day": .date]
        for size in sizes {
            for threads in [1, 2, 3] {
                let table = try load(text, CSVImportOptions(types: types, threads: threads, chunkSize: size)).table
                #expect(rows(table) == expected, "chunk \(size) threads \(threads)")
            }
        }
    }

    @Test func errorsAfterFastChunksNameTheirLine() {
        let good = (0..<300).map { "\($0),\($0 % 9).25" }.joined(separator: "\n")
        let options = { (size: Int) in CSVImportOptions(types: ["n": .bigint], threads: 2, chunkSize: size) }
        for size in [16, 100, 1 << 20] {
            #expect(loadError("n,amount\n" + good + "\nx,1\n", options(size))
                    == "people.csv:302: column n: \"x\" is not a BIGINT", "chunk \(size)")
            #expect(loadError("n,amount\n" + good + "\n5\n", options(size))
                    == "people.csv:302: column amount: missing field; expected 2 fields, found 1", "chunk \(size)")
            #expect(loadError("n,amount\n" + good + "\n\n7,\"1\n", options(size))
                    == "people.csv:303: column amount: unterminated quoted field", "chunk \(size)")
        }
    }

    @Test func skippedRowsBetweenFastChunksAndLateWidening() throws {
        var text = "id,v,late\n"
        for i in 0..<400 { text += "\(i),\(i == 250 ? "bad" : "\(i)"),\(i == 390 ? "text now" : "\(i % 50)")\n" }
        for size in [1, 40, 1000, 1 << 20] {
            let result = try load(text, CSVImportOptions(types: ["v": .bigint], skipBadRows: true, chunkSize: size))
            #expect(result.skipped.map(\.line) == [252], "chunk \(size)")
            #expect(result.table.rowCount == 399)
            #expect(result.table.schema.map(\.type) == [.bigint, .bigint, .text], "chunk \(size)")
            #expect(rows(result.table)[389] == ["390", "390", "text now"])
            #expect(rows(result.table)[250] == ["251", "251", "1"])
        }
    }

    @Test func inferredColumnsWidenInLaterChunks() throws {
        var text = "a,b,c\n"
        for i in 0..<500 { text += "\(i),\(i < 300 ? "\(i)" : "\(i).5"),\(i < 400 ? "" : "2024-01-01")\n" }
        for size in [1, 64, 700, 1 << 20] {
            for threads in [1, 2] {
                let table = try load(text, CSVImportOptions(threads: threads, chunkSize: size)).table
                #expect(table.schema.map(\.type) == [.bigint, .decimal(precision: 18, scale: 1), .date])
                #expect(rows(table)[299] == ["299", "299.0", "NULL"])
                #expect(rows(table)[499] == ["499", "499.5", "2024-01-01"])
            }
        }
    }
}
