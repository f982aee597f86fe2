import Foundation
import InsqShell
import InsqStorage
import Testing

/// `.output FILE`, `.output` and `.once FILE`.
@Suite struct OutputRedirectionTests {
    private func contents(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func outputSendsEverythingToTheFileUntilSwitchedBack() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/out.csv"
        let session = Fixtures.session(mode: .csv)
        let transcript = Transcript(session, [".output \(path)", "SELECT * FROM payments;", ".mode", ".output",
                                              "SELECT * FROM persons;"])
        #expect(transcript.errors == "")
        #expect(contents(path) == "payment_id,person_id,amount,paid_on\n10,1,12.50,2024-05-01\n11,2,,\ncurrent output mode: csv\n")
        #expect(transcript.output.hasPrefix("person_id,name,status\n"))
        #expect(!transcript.output.contains("payment_id"))
    }

    @Test func theFileIsCompleteAfterEachInput() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/out.txt"
        let session = Fixtures.session(mode: .csv)
        _ = Transcript(session, [".output \(path)", "SELECT * FROM payments;"])
        #expect(contents(path)?.hasSuffix("11,2,,\n") == true, "written before the output is switched")
        _ = Transcript(session, [".output \(directory.path)/second.txt"])
        #expect(contents(path)?.hasSuffix("11,2,,\n") == true)
    }

    @Test func onceSendsOnlyTheNextStatementsResult() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/once.csv"
        let session = Fixtures.session(mode: .csv)
        let transcript = Transcript(session, [".once \(path)", ".mode", "SELECT * FROM payments;",
                                              "SELECT * FROM payments;"])
        #expect(contents(path) == "payment_id,person_id,amount,paid_on\n10,1,12.50,2024-05-01\n11,2,,\n")
        #expect(transcript.output == "current output mode: csv\npayment_id,person_id,amount,paid_on\n10,1,12.50,2024-05-01\n11,2,,\n")
    }

    @Test func onceInsideOutputReturnsToTheOutputFile() throws {
        let directory = try TemporaryDirectory()
        let session = Fixtures.session(mode: .csv)
        let transcript = Transcript(session, [".output \(directory.path)/all.txt", ".once \(directory.path)/one.txt",
                                              "SELECT * FROM persons;", "SELECT * FROM payments;", ".output"])
        #expect(transcript.output == "")
        #expect(contents(directory.path + "/one.txt")?.hasPrefix("person_id,") == true)
        #expect(contents(directory.path + "/all.txt")?.hasPrefix("payment_id,") == true)
    }

    @Test func aFileThatCannotBeOpenedIsOneErrorAndTheSessionGoesOn() throws {
        let session = Fixtures.session(mode: .csv)
        let transcript = Transcript(session, [".output /nonexistent/dir/out.csv", ".once /nonexistent/x",
                                              "SELECT * FROM payments;", ".output a b"])
        #expect(transcript.errors == """
            Error: cannot open "/nonexistent/dir/out.csv" for writing: No such file or directory
            Error: cannot open "/nonexistent/x" for writing: No such file or directory
            Error: usage: .output [FILE]

            """)
        #expect(transcript.outcomes == [.failure, .failure, .success, .failure])
        #expect(transcript.output.hasPrefix("payment_id,"))
    }

    @Test func aFailedOpenKeepsTheCurrentFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/kept.csv"
        let session = Fixtures.session(mode: .csv)
        _ = Transcript(session, [".output \(path)", ".output /nonexistent/x", "SELECT * FROM persons;"])
        #expect(contents(path)?.hasPrefix("person_id,") == true)
    }

    @Test func scriptsCloseTheirFilesAndReadFollowsOutput() throws {
        let directory = try TemporaryDirectory()
        let inner = try directory.write("inner.sql", ".output \(directory.path)/inner.txt\nSELECT * FROM persons;\n")
        var output = ""
        var errors = ""
        let code = ScriptRunner(session: Fixtures.session(mode: .csv)).runCommand(
            ".output \(directory.path)/outer.txt\n.read \(inner)\nSELECT * FROM payments;", output: &output, errors: &errors)
        #expect(code == 0)
        #expect(errors == "")
        #expect(output == "")
        #expect(contents(directory.path + "/outer.txt") == "")
        #expect(contents(directory.path + "/inner.txt")?.hasPrefix("person_id,") == true)
        #expect(contents(directory.path + "/inner.txt")?.contains("payment_id,") == true)
    }
}
