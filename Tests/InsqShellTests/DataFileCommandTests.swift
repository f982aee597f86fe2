import InsqShell
import InsqStorage
import Testing

/// `.import`, `.save` and `.open` through a session with the real engine: data in and out, and a failing
/// command that leaves the catalog as it was.
@Suite struct DataFileCommandTests {
    @Test func importedCSVIsQueryable() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("clinic visits.csv", "name,visits,cost\n王芳,3,12.50\nHà Tĩnh,1,\n")
        let session = Session(catalog: Catalog())
        let transcript = Transcript(session, [".import '\(file)'", ".mode csv",
                                              "SELECT name, visits * 2 AS twice, cost FROM clinic_visits ORDER BY name;"])
        #expect(transcript.errors == "")
        #expect(transcript.output == "imported clinic_visits: 2 rows, 3 columns\nname,twice,cost\nHà Tĩnh,2,\n王芳,6,12.50\n")
    }

    @Test func aBadCSVChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let bad = try directory.write("bad.csv", "a,b\n1,2\n3\n")
        let session = Session(catalog: Catalog())
        let transcript = Transcript(session, [".import \(bad) t", ".tables"])
        #expect(transcript.outcomes == [.failure, .success])
        #expect(transcript.errors.contains("bad.csv:3:"))
        #expect(transcript.output == "no tables\n")
        #expect(session.catalog.tables.isEmpty)
    }

    @Test func saveThenOpenGivesTheSameTables() throws {
        let directory = try TemporaryDirectory()
        let csv = try directory.write("t.csv", "id,day\n1,2024-05-01\n2,\n")
        let snapshot = directory.path + "/all.insq"
        let first = Session(catalog: Catalog())
        let saved = Transcript(first, [".import \(csv)", ".save \(snapshot)"])
        #expect(saved.errors == "")
        let second = Session(catalog: Catalog())
        let opened = Transcript(second, [".open \(snapshot)", ".mode csv", "SELECT id, day FROM t ORDER BY id;"])
        #expect(opened.errors == "")
        #expect(opened.output.hasSuffix("id,day\n1,2024-05-01\n2,\n"))
    }

    @Test func aForeignFileIsRefusedAndTheDataStays() throws {
        let directory = try TemporaryDirectory()
        let csv = try directory.write("t.csv", "id\n1\n")
        let session = Session(catalog: Catalog())
        let transcript = Transcript(session, [".import \(csv)", ".open \(csv)", ".tables"])
        #expect(transcript.outcomes == [.success, .failure, .success])
        #expect(transcript.errors.contains("not an insq snapshot"))
        #expect(transcript.output.contains("\nt     table"))
    }
}
