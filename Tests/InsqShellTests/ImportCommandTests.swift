import InsqShell
import InsqStorage
import Testing

/// `.import` options: declared types, a chosen delimiter, skipped bad rows, built-in table names, cancellation,
/// and the rule that a failed import changes nothing.
@Suite struct ImportCommandTests {
    private func types(_ session: Session, _ table: String) -> [String] {
        session.catalog.table(named: table)?.schema.map { "\($0.name) \($0.type)" } ?? []
    }

    @Test func typesDeclareColumnsInSQLSpelling() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("claims.csv", "id,amount,born,note\n1,12.5,2001-02-03,7\n2,3,,x\n")
        let session = Session(catalog: Catalog())
        let transcript = Transcript(session, [".import \(file) --types amount=DECIMAL(14,2),born=DATE"])
        #expect(transcript.errors == "")
        #expect(types(session, "claims") == ["id BIGINT", "amount DECIMAL(14,2)", "born DATE", "note TEXT"])

        // Quoted with blanks, `=` form, other spellings, before the file.
        let again = Transcript(session, [".import --types='ID = integer, amount=numeric(10, 1), note=varchar(20)' \(file) c2"])
        #expect(again.errors == "")
        #expect(types(session, "c2") == ["id BIGINT", "amount DECIMAL(10,1)", "born DATE", "note TEXT"])
    }

    @Test func badTypeListsAreRefused() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("t.csv", "a,b\n1,2\n")
        let session = Session(catalog: Catalog())
        let transcript = Transcript(session, [
            ".import \(file) --types a=MONEY",
            ".import \(file) --types a",
            ".import \(file) --types a=DECIMAL(30,2)",
            ".import \(file) --types a=BIGINT,A=TEXT",
            ".import \(file) --types a=DATE(3)",
            ".import \(file) --types",
            ".import \(file) --types c=BIGINT",
            ".import \(file) --colour",
            ".import \(file) t extra",
        ])
        #expect(transcript.errors.split(separator: "\n").map(String.init) == [
            "Error: --types: unknown type \"MONEY\"; use BIGINT, DOUBLE, DECIMAL(p,s), DATE, BOOLEAN or TEXT",
            "Error: --types: expected COLUMN=TYPE, not \"a\"",
            "Error: --types: DECIMAL takes a precision from 1 to 18 and a scale from 0 to the precision",
            "Error: --types: column \"A\" is given twice",
            "Error: --types: type DATE takes no parameters",
            "Error: --types needs a value; usage: .import FILE [TABLE] [--types COL=TYPE,...] [--skip-bad-rows] [--delimiter X]",
            "Error: \(file): type given for unknown column \"c\"; columns are a, b",
            "Error: unknown option \"--colour\"; usage: .import FILE [TABLE] [--types COL=TYPE,...] [--skip-bad-rows] [--delimiter X]",
            "Error: usage: .import FILE [TABLE] [--types COL=TYPE,...] [--skip-bad-rows] [--delimiter X]",
        ])
        #expect(transcript.outcomes.allSatisfy { $0 == .failure })
        #expect(session.catalog.tables.isEmpty)
    }

    @Test func delimiterOverridesSniffing() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("semi.csv", "a,b;c\n1,2;3\n4,5;6\n")
        let session = Session(catalog: Catalog())
        let transcript = Transcript(session, [".import \(file) --delimiter ';'", ".import \(file) tabbed --delimiter tab"])
        #expect(transcript.errors == "")
        #expect(types(session, "semi") == ["a,b TEXT", "c BIGINT"])
        #expect(types(session, "tabbed") == ["a,b;c TEXT"])
        let bad = Transcript(session, [".import \(file) --delimiter ab"])
        #expect(bad.errors.hasPrefix("Error: --delimiter must be one ASCII character"))
    }

    @Test func skipBadRowsReportsTheFirstFewAndCountsTheRest() throws {
        let directory = try TemporaryDirectory()
        var text = "id,n\n"
        for i in 1...10 { text += "\(i),\(i % 2 == 0 ? "x\(i)" : String(i))\n" }
        text += "11\n"
        let file = try directory.write("rows.csv", text)
        let session = Session(catalog: Catalog())
        let transcript = Transcript(session, [".import \(file) --types n=BIGINT --skip-bad-rows"])
        #expect(transcript.outcomes == [.success])
        #expect(transcript.output == "imported rows: 5 rows, 2 columns\n")
        #expect(transcript.errors == """
            skipped 6 bad rows:
              \(file):3: column n: "x2" is not a BIGINT
              \(file):5: column n: "x4" is not a BIGINT
              \(file):7: column n: "x6" is not a BIGINT
              \(file):9: column n: "x8" is not a BIGINT
              \(file):11: column n: "x10" is not a BIGINT
              ... and 1 more

            """)
        #expect(session.catalog.table(named: "rows")?.rowCount == 5)
    }

    @Test func withoutSkippingABadRowRefusesTheWholeFileAndKeepsTheOldTable() throws {
        let directory = try TemporaryDirectory()
        let good = try directory.write("good.csv", "id,n\n1,2\n")
        let bad = try directory.write("bad.csv", "id,n\n1,2\n3,x\n")
        let session = Session(catalog: Catalog())
        let transcript = Transcript(session, [".import \(good) t", ".import \(bad) t --types n=BIGINT"])
        #expect(transcript.outcomes == [.success, .failure])
        #expect(transcript.errors == "Error: \(bad):3: column n: \"x\" is not a BIGINT\n")
        #expect(session.catalog.tableNames == ["t"])
        #expect(session.catalog.table(named: "t")?.rowCount == 1)
    }

    @Test func builtinNamesGetTheDeclaredColumns() throws {
        let directory = try TemporaryDirectory()
        // Inferred, amount would be DECIMAL(18,2) and an all-empty paid_on TEXT.
        let file = try directory.write("payments.csv", """
            payment_id,person_id,scheme,kind,period,amount,currency,due_on,paid_on,channel
            1,2,medical,contribution,2024-01-01,450000.00,VND,2024-02-15,,employer

            """)
        let session = Session(catalog: Catalog())
        let transcript = Transcript(session, [".import \(file)"])
        #expect(transcript.errors == "")
        #expect(session.catalog.table(named: "payments")?.schema == BuiltinSchemas.payments)
        // --types turns the declaration off: everything else is inferred.
        _ = Transcript(session, [".import \(file) --types amount=DOUBLE"])
        #expect(types(session, "payments")[5] == "amount DOUBLE")
        #expect(types(session, "payments")[8] == "paid_on TEXT")
    }

    @Test func aBuiltinNameNeedsTheBuiltinColumns() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("mine.csv", "region_code,country,province\nX,CN,Qinghai\n")
        let session = Session(catalog: Catalog())
        let transcript = Transcript(session, [".import \(file) regions"])
        #expect(transcript.outcomes == [.failure])
        #expect(transcript.errors == "Error: \(file):1: header has 3 columns, expected 6: missing \"city\" (a table named "
            + "regions takes the columns of the built-in regions table: region_code, country, province, city, district, "
            + "population; give --types or another table name to read other columns)\n")
        #expect(session.catalog.tables.isEmpty)
    }

    @Test func aCancelledImportChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("t.csv", "a\n1\n")
        let session = Session(catalog: Fixtures.catalog, runner: Fixtures.fakeEngine)
        session.cancellation.cancel() // Ctrl-C pressed while the file is read.
        let transcript = Transcript(session, [".import \(file) extra"])
        #expect(transcript.outcomes == [.cancelled])
        #expect(transcript.errors == "Import cancelled.\n")
        #expect(transcript.output == "")
        #expect(session.catalog.tableNames == ["persons", "payments"])
        #expect(session.catalog.table(named: "persons")?.rowCount == 3)
    }

    @Test func noProgressIsDrawnUnlessAskedFor() throws {
        let directory = try TemporaryDirectory()
        var text = "id,note\n"
        for i in 0..<20_000 { text += "\(i),row number \(i)\n" }
        let file = try directory.write("big.csv", text)
        let session = Session(catalog: Catalog())
        let transcript = Transcript(session, [".import \(file)"])
        #expect(transcript.errors == "")
        #expect(transcript.output == "imported big: 20,000 rows, 2 columns\n")
        #expect(!transcript.output.contains("\r"))
    }

    @Test func aViewsNameIsNotTaken() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("v.csv", "a\n1\n")
        let session = Session(catalog: Catalog([], views: [ViewDefinition(name: "v", sql: "SELECT 1")]))
        let transcript = Transcript(session, [".import \(file)"])
        #expect(transcript.errors == "Error: \"v\" is a view; import under another name: .import \(file) NAME\n")
        #expect(session.catalog.tables.isEmpty)
    }
}
