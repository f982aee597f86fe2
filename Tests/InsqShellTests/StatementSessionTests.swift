import Foundation
import InsqShell
import InsqStorage
import Testing

/// SQL statements that change the catalog or write files, run through a session with the real engine:
/// what the user sees, what the catalog holds afterwards, and what is left unsaved.
@Suite struct StatementSessionTests {
    private func session(mode: OutputMode = .table) -> Session {
        Session(catalog: Catalog(), mode: mode)
    }

    @Test func createInsertAndQueryAScratchTable() {
        let session = session()
        let transcript = Transcript(session, [
            "CREATE TABLE t (id BIGINT, city TEXT);",
            "INSERT INTO t VALUES (1, 'Xining'), (2, 'Hà Tĩnh');",
            "CREATE TABLE big AS SELECT id * 10 AS id FROM t;",
            "SELECT city FROM t ORDER BY id;",
        ])
        #expect(transcript.errors == "")
        #expect(transcript.output.hasPrefix("created table t\ninserted 2 rows into t\ncreated table big (2 rows)\n"))
        #expect(transcript.output.contains("Hà Tĩnh"))
        #expect(session.catalog.table(named: "big")?.rowCount == 2)
        #expect(session.unsavedTableNames == ["t", "big"])
    }

    @Test func confirmationsStayOutOfMachineReadableOutput() {
        let session = session(mode: .csv)
        let transcript = Transcript(session, ["CREATE TABLE t AS SELECT 1 AS a;", "SELECT a FROM t;"])
        #expect(transcript.output == "a\n1\n")
    }

    @Test func aPlanPrintsAsLinesInTableModeAndAsRowsElsewhere() {
        let sql = ["CREATE TABLE t AS SELECT 1 AS a;", "EXPLAIN SELECT a FROM t WHERE a > 0;"]
        let table = Transcript(session(), sql)
        #expect(table.output == """
            created table t (1 row)
            FILTER a > 0  (~1 row)
              SCAN t (a)  (~1 row)

            """)
        let csv = Transcript(session(mode: .csv), sql)
        #expect(csv.output == "plan\nFILTER a > 0  (~1 row)\n  SCAN t (a)  (~1 row)\n")
    }

    @Test func aFailingInsertChangesNothingAndNamesTheColumn() {
        let session = session()
        _ = Transcript(session, ["CREATE TABLE t (id BIGINT);", "INSERT INTO t VALUES (1);"])
        let failed = Transcript(session, ["INSERT INTO t VALUES (2), ('three');"])
        #expect(failed.errors.contains("id"), "\(failed.errors)")
        #expect(failed.outcomes == [.failure])
        #expect(session.catalog.table(named: "t")?.rowCount == 1)
    }

    @Test func droppedScratchTablesAreNotUnsaved() {
        let session = session()
        _ = Transcript(session, ["CREATE TABLE t AS SELECT 1 AS a;", "CREATE VIEW v AS SELECT a FROM t;",
                                 "DROP VIEW v;", "DROP TABLE t;"])
        #expect(!session.unsavedChanges.isEmpty)
        #expect(session.unsavedTableNames.isEmpty)
    }

    @Test func copyWritesCSVThatImportsBack() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/out.csv"
        let session = session()
        let transcript = Transcript(session, [
            "CREATE TABLE t (id BIGINT, amount DECIMAL(14,2), note TEXT);",
            "INSERT INTO t VALUES (1, 10.5, 'a, \"quoted\" note'), (2, NULL, '');",
            "COPY (SELECT * FROM t ORDER BY id) TO '\(path)';",
            "COPY t TO '\(directory.path)/bare.csv' (HEADER false, DELIMITER ';');",
        ])
        #expect(transcript.errors == "")
        #expect(transcript.output.contains("wrote 2 rows to \(path)"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id,amount,note\n1,10.50,\"a, \"\"quoted\"\" note\"\n2,,\"\"\n")
        #expect(try String(contentsOfFile: directory.path + "/bare.csv", encoding: .utf8)
                == "1;10.50;\"a, \"\"quoted\"\" note\"\n2;;\"\"\n", "quotes still force quoting; commas do not")
        let back = Transcript(session, [".import \(path) back", "SELECT count(*) AS n FROM back WHERE note = '';"])
        #expect(back.errors == "")
        #expect(session.catalog.table(named: "back")?.schema.map(\.type) == [.bigint, .decimal(precision: 18, scale: 2), .text])
    }

    @Test func copyToAnUnwritablePlaceIsOneLineAndChangesNothing() {
        let session = session()
        let transcript = Transcript(session, ["COPY (SELECT 1 AS a) TO '/nonexistent/dir/x.csv';"])
        #expect(transcript.outcomes == [.failure])
        #expect(transcript.errors.hasPrefix("Error: "))
        #expect(transcript.errors.contains("/nonexistent/dir/x.csv"))
        #expect(transcript.errors.split(separator: "\n").count == 1)
    }

    @Test func fromAFileReadsItOnceWhileItIsUnchanged() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("visits.csv", "city;visits\nXining;3\nHa Tinh;4\n")
        let session = session(mode: .csv)
        let first = Transcript(session, ["SELECT sum(visits) AS total FROM '\(path)';"])
        #expect(first.errors == "")
        #expect(first.output == "total\n7\n")
        #expect(session.catalog.tables.isEmpty, "a file read by a query is not added to the catalog")
        // A changed file (other size) is read again.
        _ = try directory.write("visits.csv", "city;visits\nXining;3\nHa Tinh;4\nHa Long;10\n")
        let second = Transcript(session, ["SELECT v.city FROM '\(path)' AS v WHERE v.visits > 3 ORDER BY 1;"])
        #expect(second.output == "city\nHa Long\nHa Tinh\n")
    }

    @Test func aMissingFileIsAnErrorUnderItsName() {
        let session = session()
        let transcript = Transcript(session, ["SELECT * FROM 'no/such/file.csv';"])
        #expect(transcript.outcomes == [.failure])
        #expect(transcript.errors.contains("cannot read 'no/such/file.csv'"), "\(transcript.errors)")
        #expect(transcript.errors.contains("^^^^"))
    }

    @Test func scratchTablesViewsAndNotNullSurviveASnapshot() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/work.insq"
        let first = session(mode: .csv)
        let made = Transcript(first, [
            "CREATE TABLE clinic (id BIGINT NOT NULL, city TEXT);",
            "INSERT INTO clinic VALUES (1, 'Xining'), (2, NULL);",
            "CREATE VIEW named AS SELECT id FROM clinic WHERE city IS NOT NULL;",
            ".save \(path)",
        ])
        #expect(made.errors == "")
        #expect(first.unsavedTableNames.isEmpty, "saving leaves nothing unsaved")

        let second = session(mode: .csv)
        let reopened = Transcript(second, [".open \(path)", "SELECT id FROM named;"])
        #expect(reopened.errors == "")
        #expect(reopened.output.hasSuffix("id\n1\n"))
        #expect(second.catalog.table(named: "clinic")?.schema.first?.isNotNull == true)
        let refused = Transcript(second, ["INSERT INTO clinic VALUES (NULL, 'Ha Long');"])
        #expect(refused.outcomes == [.failure], "NOT NULL still holds after the snapshot")
        #expect(second.catalog.table(named: "clinic")?.rowCount == 2)
    }
}
