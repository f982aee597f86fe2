import Foundation
import Testing
import InsqData
import InsqStorage

/// Writes `text` (or bytes) to a fresh temporary file named `name` and returns its path.
private func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insq-csv-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

private func importText(_ text: String, name: String = "people.csv", _ options: CSVImportOptions = CSVImportOptions())
    throws -> CSVImportResult {
    let path = try temporaryFile(name, Array(text.utf8))
    return try CSVImporter.importFile(path: path, tableName: "t", options: options)
}

/// The error of importing `bytes`, shown with the file's base name.
private func importError(_ bytes: [UInt8], name: String = "people.csv", _ options: CSVImportOptions = CSVImportOptions()) -> String? {
    do {
        let path = try temporaryFile(name, bytes)
        _ = try CSVImporter.importFile(path: path, tableName: "t", options: options)
        return nil
    } catch let error as CSVError {
        return error.description.replacingOccurrences(of: URL(fileURLWithPath: error.file).deletingLastPathComponent().path + "/", with: "")
    } catch {
        return "unexpected \(error)"
    }
}

private func importError(_ text: String, _ options: CSVImportOptions = CSVImportOptions()) -> String? {
    importError(Array(text.utf8), options)
}

private func types(_ table: Table) -> [String] { table.schema.map { "\($0.name) \($0.type)" } }

private func rows(_ table: Table) -> [[String]] {
    (0..<table.rowCount).map { r in table.columns.map { $0.value(at: r).description } }
}

private func csv(_ table: Table) -> String {
    var out = ""
    CSVWriter.write(table, to: &out)
    return out
}

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

@Suite struct CSVImportTests {
@Test func importsInsuranceWithInferredTypes() throws {
    let result = try CSVImporter.importFile(path: fixtures.appendingPathComponent("insurance.csv").path,
                                            tableName: "insurance")
    #expect(result.table.rowCount == 1338)
    #expect(result.skipped.isEmpty)
    // bmi and charges mix fraction-digit counts (27.9, 33.77, 22.705), so they are DOUBLE; yes/no stays TEXT.
    #expect(types(result.table) == ["age BIGINT", "sex TEXT", "bmi DOUBLE", "children BIGINT", "smoker TEXT",
                                    "region TEXT", "charges DOUBLE"])
    #expect(rows(result.table)[0] == ["19", "female", "27.9", "0", "yes", "southwest", "16884.924"])
}

@Test func infersEachType() throws {
    let text = """
    i,d,f,day,flag,t,e,mixed,zip
    1,12.50,1.5,2024-02-29,true,a,,1,007
    -20,0.05,2.25,1999-12-31,FALSE,b,,2.5,010
    ,,1e3,,,,,3.75,
    """
    let table = try importText(text).table
    #expect(types(table) == ["i BIGINT", "d DECIMAL(18,2)", "f DOUBLE", "day DATE", "flag BOOLEAN", "t TEXT",
                             "e TEXT", "mixed DOUBLE", "zip TEXT"])
    #expect(rows(table) == [["1", "12.50", "1.5", "2024-02-29", "true", "a", "NULL", "1.0", "007"],
                            ["-20", "0.05", "2.25", "1999-12-31", "false", "b", "NULL", "2.5", "010"],
                            ["NULL", "NULL", "1000.0", "NULL", "NULL", "NULL", "NULL", "3.75", "NULL"]])
}

@Test func integersWidenToTheDecimalScale() throws {
    let table = try importText("amount\n5\n12.25\n-3\n").table
    #expect(types(table) == ["amount DECIMAL(18,2)"])
    #expect(rows(table).map { $0[0] } == ["5.00", "12.25", "-3.00"])
}

@Test func quotingCommasQuotesAndNewlines() throws {
    let text = "id,note\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\r\nlines\"\r\n4,\"\"\r\n5,"
    let table = try importText(text).table
    #expect(types(table) == ["id BIGINT", "note TEXT"])
    #expect(rows(table).map { $0[1] } == ["a, b", "say \"hi\"", "two\r\nlines", "", "NULL"])
}

@Test func byteOrderMarkAndSniffedDelimiters() throws {
    for (delimiter, name) in [(";", "semi"), ("\t", "tab"), ("|", "pipe"), (",", "comma")] {
        let text = "\u{FEFF}a\(delimiter)b\(delimiter)c\n1\(delimiter)\"x\(delimiter)y\"\(delimiter)2024-01-01\n"
        let table = try importText(text, name: name + ".csv").table
        #expect(table.schema.map(\.name) == ["a", "b", "c"], "\(name)")
        #expect(rows(table) == [["1", "x\(delimiter)y", "2024-01-01"]], "\(name)")
    }
}

@Test func typeOverrides() throws {
    let options = CSVImportOptions(types: ["AMOUNT": .decimal(precision: 14, scale: 2), "code": .text])
    let table = try importText("code,amount\n1,12.345\n2, 7 \n", options).table
    #expect(types(table) == ["code TEXT", "amount DECIMAL(14,2)"])
    #expect(rows(table) == [["1", "12.35"], ["2", "7.00"]])
    #expect(importError("code,amount\n1,2\n", CSVImportOptions(types: ["amout": .bigint]))
            == "people.csv: type given for unknown column \"amout\"; columns are code, amount")
}

@Test func badInputsRefuseTheWholeFile() {
    let decimal = CSVImportOptions(types: ["amount": .decimal(precision: 14, scale: 2)])
    #expect(importError("id,amount\n1,2.5\n2,12.3x\n", decimal) == "people.csv:3: column amount: \"12.3x\" is not a DECIMAL(14,2)")
    #expect(importError("id,amount\n1,2\n2\n") == "people.csv:3: column amount: missing field; expected 2 fields, found 1")
    #expect(importError("id,amount\n1,2\n2,3,4\n") == "people.csv:3: expected 2 fields, found 3")
    #expect(importError("id,name\n1,\"ab\n2,c\n") == "people.csv:2: column name: unterminated quoted field")
    #expect(importError("id,name\n1,\"ab\"c\n") == "people.csv:2: column name: unexpected text after a closing quote")
    #expect(importError("id,name\n1,a\"b\n2,x\n") == "people.csv:2: column name: unexpected quote in an unquoted field")
    #expect(importError(Array("id,name\n1,ok\n2,".utf8) + [0xC3, 0x28] + Array("\n".utf8)) == "people.csv:3: column name: invalid UTF-8")
    #expect(importError("") == "people.csv: file is empty; expected a header row")
    #expect(importError("\n\n") == "people.csv: file is empty; expected a header row")
    #expect(throws: CSVError.self) { try CSVImporter.importFile(path: "/nonexistent/people.csv", tableName: "t") }
    do {
        _ = try CSVImporter.importFile(path: "/nonexistent/people.csv", tableName: "t")
    } catch {
        #expect(error.description == "/nonexistent/people.csv: cannot open file: No such file or directory")
    }
}

@Test func valueErrorsNameTheLineOfTheField() {
    let options = CSVImportOptions(types: ["n": .bigint])
    #expect(importError("note,n\n\"a\nb\",x\n", options) == "people.csv:3: column n: \"x\" is not a BIGINT")
}

@Test func skipModeReportsEveryBadRow() throws {
    let options = CSVImportOptions(types: ["n": .bigint], skipBadRows: true)
    let result = try importText("id,n\n1,10\n2\n3,x\n4,40\n5,\"unclosed\n", options)
    #expect(rows(result.table) == [["1", "10"], ["4", "40"]])
    #expect(result.skipped.map(\.line) == [3, 4, 6])
    #expect(result.skipped.map(\.kind) == [.wrongFieldCount, .invalidValue, .unterminatedQuote])
}

@Test func headerOnlyAndSingleColumnNulls() throws {
    let empty = try importText("a,b\n").table
    #expect(empty.rowCount == 0)
    #expect(types(empty) == ["a TEXT", "b TEXT"])
    let single = try importText("a\n1\n\n3\n").table
    #expect(rows(single).map { $0[0] } == ["1", "NULL", "3"])
}

/// A file big enough for many tiny chunks, with quoted newlines, late widenings and a lone late text value.
private func awkwardCSV(rows: Int) -> String {
    var text = "id,note,amount,late,flag\n"
    for i in 0..<rows {
        let note = i % 7 == 0 ? "\"line\n\"\"\(i)\"\"\nend\"" : "n\(i % 13)"
        let amount = i == rows - 5 ? "3.25" : "\(i)"
        let late = i == rows / 2 ? "oops" : (i % 3 == 0 ? "" : "\(i * 10)")
        text += "\(i),\(note),\(amount),\(late),\(i % 2 == 0)\n"
    }
    return text
}

@Test func chunkBoundariesInsideQuotesAndThreadCountsAgree() throws {
    let text = awkwardCSV(rows: 400)
    let reference = try importText(text, CSVImportOptions(threads: 1, chunkSize: 1 << 20)).table
    #expect(types(reference) == ["id BIGINT", "note TEXT", "amount DECIMAL(18,2)", "late TEXT", "flag BOOLEAN"])
    #expect(reference.rowCount == 400)
    #expect(reference.columns[1].value(at: 7).description == "line\n\"7\"\nend")
    for chunkSize in [1, 7, 64, 333] {
        for threads in [1, 2, 3] {
            let table = try importText(text, CSVImportOptions(threads: threads, chunkSize: chunkSize)).table
            #expect(types(table) == types(reference), "chunk \(chunkSize) threads \(threads)")
            #expect(csv(table) == csv(reference), "chunk \(chunkSize) threads \(threads)")
        }
    }
}

@Test func progressAndCancellation() throws {
    let text = awkwardCSV(rows: 200)
    final class Log: @unchecked Sendable { var events: [CSVProgress] = [] }
    let log = Log()
    let result = try importText(text, CSVImportOptions(chunkSize: 256, progress: { log.events.append($0) }))
    #expect(log.events.count > 2)
    #expect(log.events.last?.rowsRead == result.table.rowCount)
    #expect(log.events.last?.bytesRead == text.utf8.count)
    #expect(importError(text, CSVImportOptions(chunkSize: 256, isCancelled: { true })) == "people.csv: import cancelled")
}

@Test func exportImportExportIsByteIdentical() throws {
    let table = Table(name: "t", schema: [
        ColumnSchema(name: "id", type: .bigint), ColumnSchema(name: "amount", type: .decimal(precision: 14, scale: 2)),
        ColumnSchema(name: "ratio", type: .double), ColumnSchema(name: "day", type: .date),
        ColumnSchema(name: "ok", type: .boolean), ColumnSchema(name: "note", type: .text),
    ], columns: [
        Column(type: .bigint, data: .int64([1, -2, Int64.max, 0])),
        Column(type: .decimal(precision: 14, scale: 2), data: .int64([1250, -5, 0, 99_999_999_999_999]),
               validity: bitmap([true, true, false, true])),
        Column(type: .double, data: .double([0.1, 1e300, -2.5, 3])),
        Column(type: .date, data: .int32([0, 19_000, -1, 2_932_896]), validity: bitmap([true, false, true, true])),
        Column(type: .boolean, data: .bool([true, false, true, false])),
        Column(type: .text, data: .text([0, 1, 2, 3], TextDictionary(["a, b", "say \"hi\"", "", "two\nlines"]))),
    ])
    let first = csv(table)
    let path = try temporaryFile("t.csv", [])
    try CSVWriter.write(table, toFile: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == first)
    let again = try CSVImporter.importFile(path: path, tableName: "t").table
    #expect(csv(again) == first)
    #expect(rows(again) == rows(table))
}

@Test func sampleTablesRoundTrip() throws {
    let catalog = SampleGenerator.generate(scaleFactor: 0.001, seed: 42)
    for table in catalog.tables {
        let path = try temporaryFile(table.name + ".csv", [])
        try CSVWriter.write(table, toFile: path)
        let imported = try CSVImporter.importFile(path: path, tableName: table.name,
                                                  options: CSVImportOptions(chunkSize: 4096)).table
        #expect(imported.rowCount == table.rowCount)
        #expect(csv(imported) == csv(table), "\(table.name)")
    }
}

private func bitmap(_ valid: [Bool]) -> ValidityBitmap {
    var b = ValidityBitmap(count: 0)
    for v in valid { b.append(v) }
    return b
}
}
