import Foundation
import Testing
import InsqData
import InsqStorage

private let kinds: [ColumnSchema] = [
    ColumnSchema(name: "id", type: .bigint),
    ColumnSchema(name: "name", type: .text),
    ColumnSchema(name: "amount", type: .decimal(precision: 14, scale: 2)),
    ColumnSchema(name: "paid_on", type: .date),
    ColumnSchema(name: "ratio", type: .double),
    ColumnSchema(name: "flag", type: .boolean),
]

private let header = "id,name,amount,paid_on,ratio,flag\n"

/// The rendered error of loading `text` (as `payments.csv`) with the `kinds` schema, or nil when it loads.
private func loadError(_ text: String, schema: [ColumnSchema] = kinds) -> String? {
    do {
        _ = try CSVTableLoader.load(text: text, sourceName: "payments.csv", tableName: "t", schema: schema)
        return nil
    } catch let error as CSVError {
        return error.description
    } catch {
        return "unexpected \(error)"
    }
}

private func rows(_ table: Table) -> [[String]] {
    (0..<table.rowCount).map { r in table.columns.map { $0.value(at: r).description } }
}

@Test func loadsEveryDeclaredTypeWithNulls() throws {
    let text = header + """
    1,王芳,12.5,2024-05-01,0.25,true
    2,Nguyễn Văn An,-0.005,,1e3,0
    3,,1234.567,1999-12-31,,FALSE

    """
    let table = try CSVTableLoader.load(text: text, sourceName: "t.csv", tableName: "t", schema: kinds)
    #expect(table.name == "t")
    #expect(table.schema == kinds)
    #expect(rows(table) == [
        ["1", "王芳", "12.50", "2024-05-01", "0.25", "true"],
        ["2", "Nguyễn Văn An", "-0.01", "NULL", "1000.0", "false"],
        ["3", "NULL", "1234.57", "1999-12-31", "NULL", "false"],
    ])
    #expect(table.columns[3].validity?.nullCount == 1)
    #expect(table.columns[0].validity == nil)
}

@Test func readsQuotesCRLFAndByteOrderMark() throws {
    let schema = [ColumnSchema(name: "id", type: .bigint), ColumnSchema(name: "note", type: .text)]
    let text = "\u{FEFF}id,note\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\r\nlines\"\r\n4,\"\"\r\n5,\r\n"
    let table = try CSVTableLoader.load(text: text, sourceName: "n.csv", tableName: "n", schema: schema)
    #expect(rows(table) == [["1", "a, b"], ["2", "say \"hi\""], ["3", "two\r\nlines"], ["4", ""], ["5", "NULL"]])
}

@Test func headerOnlyGivesAnEmptyTable() throws {
    let table = try CSVTableLoader.load(text: header, sourceName: "t.csv", tableName: "t", schema: kinds)
    #expect(table.rowCount == 0)
    #expect(table.columns.count == kinds.count)
}

@Test func lastLineNeedsNoNewlineAndBlankLinesAreSkipped() throws {
    let schema = [ColumnSchema(name: "a", type: .bigint), ColumnSchema(name: "b", type: .bigint)]
    let table = try CSVTableLoader.load(text: "a,b\n\n1,2\n\n3,", sourceName: "t.csv", tableName: "t", schema: schema)
    #expect(rows(table) == [["1", "2"], ["3", "NULL"]])
}

@Test func badValuesNameFileLineAndColumn() {
    #expect(loadError(header + "1,a,1.00,2024-01-01,1,true\n2,b,12.3x,2024-01-01,1,true\n")
        == #"payments.csv:3: column amount: "12.3x" is not a DECIMAL(14,2)"#)
    #expect(loadError(header + "1,a,1234567890123456,2024-01-01,1,true\n")
        == #"payments.csv:2: column amount: "1234567890123456" is not a DECIMAL(14,2)"#)
    #expect(loadError(header + "1,a,1,2023-02-29,1,true\n")
        == #"payments.csv:2: column paid_on: "2023-02-29" is not a DATE"#)
    #expect(loadError(header + "x1,a,1,2023-02-28,1,true\n")
        == #"payments.csv:2: column id: "x1" is not a BIGINT"#)
    #expect(loadError(header + "99999999999999999999,a,1,2023-02-28,1,true\n")
        == #"payments.csv:2: column id: "99999999999999999999" is not a BIGINT"#)
    #expect(loadError(header + "1,a,1,2023-02-28,one,true\n")
        == #"payments.csv:2: column ratio: "one" is not a DOUBLE"#)
    #expect(loadError(header + "1,a,1,2023-02-28,1,yes\n")
        == #"payments.csv:2: column flag: "yes" is not a BOOLEAN"#)
    // The line is the field's own line, after a quoted field that spans lines.
    #expect(loadError(header + "1,\"multi\nline\",1,2023-02-28,1,maybe\n")
        == #"payments.csv:3: column flag: "maybe" is not a BOOLEAN"#)
}

@Test func structuralErrors() {
    #expect(loadError(header + "1,a,1,2024-01-01,1\n") == "payments.csv:2: column flag: missing field; expected 6 fields, found 5")
    #expect(loadError(header + "1,a,1,2024-01-01,1,true,extra\n") == "payments.csv:2: expected 6 fields, found 7")
    #expect(loadError(header + "1,\"open,1,2024-01-01,1,true\n2,b\n")
        == "payments.csv:2: column name: unterminated quoted field")
    #expect(loadError(header + "1,\"a\"b,1,2024-01-01,1,true\n")
        == "payments.csv:2: column name: unexpected text after a closing quote")
    #expect(loadError("") == "payments.csv: file is empty; expected a header row")
    #expect(loadError("\u{FEFF}\n\n") == "payments.csv: file is empty; expected a header row")
    let invalid = Array((header + "1,a,1,2024-01-01,1,true\n2,").utf8) + [0xC3, 0x28] + Array(",1,2024-01-01,1,true\n".utf8)
    do {
        _ = try CSVTableLoader.load(bytes: invalid, sourceName: "payments.csv", tableName: "t", schema: kinds)
        Issue.record("invalid UTF-8 loaded")
    } catch let error as CSVError {
        #expect(error.description == "payments.csv:3: column name: invalid UTF-8")
        #expect(error.kind == .invalidUTF8)
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func headerMustNameTheSchemaInOrder() {
    #expect(loadError("id,name,amt,paid_on,ratio,flag\n")
        == #"payments.csv:1: header column 3 is "amt", expected "amount""#)
    #expect(loadError("id,name,amount,paid_on,ratio\n")
        == #"payments.csv:1: header has 5 columns, expected 6: missing "flag""#)
    #expect(loadError("id,name,amount,paid_on,ratio,flag,more\n")
        == #"payments.csv:1: header has 7 columns, expected 6: unexpected "more""#)
}

@Test func missingFileNamesThePath() {
    do {
        _ = try CSVTableLoader.load(path: "/nonexistent/dir/payments.csv", tableName: "p", schema: kinds)
        Issue.record("missing file loaded")
    } catch let error as CSVError {
        #expect(error.description == "/nonexistent/dir/payments.csv: cannot open file: No such file or directory")
        #expect(error.kind == .unreadableFile)
    } catch {
        Issue.record("unexpected \(error)")
    }
}

/// A fresh temporary directory, removed by the caller.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("insq-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Test func loadsBuiltinFixturesFromADirectory() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try """
    region_code,country,province,city,district,population
    CN-QH-XN-01,CN,Qinghai,Xining,城东区,390000
    VN-HT-HT-01,VN,Ha Tinh,Ha Tinh,Phường Bắc Hà,12000

    """.write(to: dir.appendingPathComponent("regions.csv"), atomically: true, encoding: .utf8)
    try """
    person_id,name,sex,birth_date,region_code,registered_province,residence,category,employer,enrolled_on,status
    1,王芳,F,2012-03-04,CN-QH-XN-01,Sichuan,urban,student,,,active
    2,Nguyễn Văn An,M,1980-07-01,VN-HT-HT-01,Ha Tinh,rural,employee,"Công ty Than, Hạ Long",2015-01-01,active

    """.write(to: dir.appendingPathComponent("persons.csv"), atomically: true, encoding: .utf8)
    try """
    payment_id,person_id,scheme,kind,period,amount,currency,due_on,paid_on,channel
    1,2,medical,contribution,2024-01-01,450000.00,VND,2024-02-15,,employer

    """.write(to: dir.appendingPathComponent("payments.csv"), atomically: true, encoding: .utf8)

    let catalog = try CSVTableLoader.loadBuiltinFixtures(directory: dir.path)
    #expect(catalog.tableNames == ["regions", "persons", "payments"])
    #expect(catalog.tables.map(\.rowCount) == [2, 2, 1])
    for (name, schema) in BuiltinSchemas.all { #expect(catalog.table(named: name)?.schema == schema) }
    #expect(catalog.table(named: "persons")?.columns[8].value(at: 1) == .text("Công ty Than, Hạ Long"))
    #expect(catalog.table(named: "payments")?.columns[8].value(at: 0) == .null)

    try FileManager.default.removeItem(at: dir.appendingPathComponent("payments.csv"))
    #expect(throws: CSVError.self) { try CSVTableLoader.loadBuiltinFixtures(directory: dir.path) }
}

/// Tests/Fixtures, found from this file's path (Tests/InsqDataTests/CSVTableLoaderTests.swift).
private let fixtureDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path

/// The Medical Cost Personal dataset kept next to the repository (../shared/data/README.md), when present.
private let insuranceCSV = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/insurance.csv").path

@Test(.enabled(if: FileManager.default.fileExists(atPath: fixtureDirectory + "/payments.csv")))
func loadsTheRepositorysFixtures() throws {
    let catalog = try CSVTableLoader.loadBuiltinFixtures(directory: fixtureDirectory)
    #expect(catalog.tableNames == ["regions", "persons", "payments"])
    #expect(catalog.tables.allSatisfy { $0.rowCount > 0 })
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: insuranceCSV)))
func loadsARealWorldFile() throws {
    let schema = [
        ColumnSchema(name: "age", type: .bigint), ColumnSchema(name: "sex", type: .text),
        ColumnSchema(name: "bmi", type: .double), ColumnSchema(name: "children", type: .bigint),
        ColumnSchema(name: "smoker", type: .text), ColumnSchema(name: "region", type: .text),
        ColumnSchema(name: "charges", type: .decimal(precision: 18, scale: 6)),
    ]
    let table = try CSVTableLoader.load(path: insuranceCSV, tableName: "insurance", schema: schema)
    #expect(table.rowCount == 1338)
    #expect(table.columns[6].value(at: 0) == .decimal(16_884_924_000, scale: 6))
}
