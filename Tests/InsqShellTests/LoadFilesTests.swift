import InsqData
import InsqShell
import InsqStorage
import Testing

/// Files named on the command line, loaded through `Session.loadFiles` before anything runs.
@Suite struct LoadFilesTests {
    @Test func csvTsvAndSnapshotsLoadInOrder() throws {
        let directory = try TemporaryDirectory()
        let csv = try directory.write("clinic visits.csv", "name,visits\n王芳,3\n")
        let tsv = try directory.write("codes.tsv", "code\tlabel\n1\ta,b\n")
        let text = try directory.write("notes.txt", "id;note\n1;x\n")
        let snapshot = directory.path + "/s.insq"
        try SnapshotWriter.write(Snapshot(tables: [Fixtures.table("kept", [("k", .bigint, [.bigint(1)])])],
                                          views: [(name: "v", sql: "SELECT * FROM kept")]), to: snapshot)
        let session = Session(catalog: Catalog())
        var errors = ""
        #expect(session.loadFiles([csv, tsv, text, snapshot], errors: &errors) == .success)
        #expect(errors == "")
        #expect(session.catalog.tableNames == ["clinic_visits", "codes", "notes", "kept"])
        #expect(session.catalog.viewNames == ["v"])
        #expect(session.catalog.table(named: "codes")?.columns[1].value(at: 0) == .text("a,b"))
        #expect(session.catalog.table(named: "notes")?.schema.count == 2)
        #expect(session.unsavedChanges.isEmpty)
    }

    @Test func theFirstBadFileStopsWithItsName() throws {
        let directory = try TemporaryDirectory()
        let good = try directory.write("good.csv", "a\n1\n")
        let bad = try directory.write("bad.csv", "a,b\n1\n")
        let other = try directory.write("notes.md", "# notes\n")
        for (paths, message) in [
            ([good, bad], "insq: \(bad):2: column b: missing field; expected 2 fields, found 1\n"),
            ([other], "insq: \(other): not a data file; give .csv, .tsv, .txt or .insq files\n"),
            ([directory.path + "/none.csv"], "insq: \(directory.path)/none.csv: cannot open file: No such file or directory\n"),
            ([directory.path + "/x.insq"],
             "insq: \(directory.path)/x.insq: cannot open: No such file or directory\n"),
        ] {
            var errors = ""
            #expect(Session(catalog: Catalog()).loadFiles(paths, errors: &errors) == .failure)
            #expect(errors == message)
        }
    }

    @Test func builtinFileNamesGetTheirDeclaredColumns() throws {
        let directory = try TemporaryDirectory()
        let regions = try directory.write("regions.csv", "region_code,country,province,city,district,population\nA,CN,P,C,D,\n")
        let session = Session(catalog: Catalog())
        var errors = ""
        #expect(session.loadFiles([regions], errors: &errors) == .success)
        #expect(session.catalog.table(named: "regions")?.schema == BuiltinSchemas.regions)
    }

    @Test func ctrlCStopsTheLoad() throws {
        let directory = try TemporaryDirectory()
        let csv = try directory.write("t.csv", "a\n1\n")
        let session = Session(catalog: Catalog())
        session.cancellation.cancel()
        var errors = ""
        #expect(session.loadFiles([csv], errors: &errors) == .cancelled)
        #expect(errors == "Import cancelled.\n")
        #expect(session.catalog.tables.isEmpty)
    }
}
