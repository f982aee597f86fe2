import Foundation
import Testing
import InsqSyntax

/// Golden files under Tests/Syntax: each `ok/<case>.sql` must parse and dump (ASTDump, with source text)
/// exactly as `ok/<case>.ast`; each `err/<case>.sql` must fail with the rendered diagnostic in `err/<case>.err`.
/// `INSQ_RECORD=1 swift test --filter SyntaxGoldenTests` writes the goldens anew (refused when CI=true);
/// read the diff before committing.
struct SyntaxGoldenTests {
    static func cases(_ folder: String) -> [String] {
        let directory = RepositoryPaths.syntaxCases.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".sql") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func thereAreEnoughCases() {
        #expect(SyntaxGoldenTests.cases("ok").count >= 20)
        #expect(SyntaxGoldenTests.cases("err").count >= 15)
    }

    @Test(arguments: cases("ok"))
    func parsesAsRecorded(_ name: String) throws {
        let folder = RepositoryPaths.syntaxCases.appendingPathComponent("ok")
        let text = try RepositoryPaths.read(folder.appendingPathComponent(name + ".sql"))
        let source = SourceText(text)
        let actual: String
        do {
            actual = ASTDump.dump(try SQLParser.parseStatements(source), source: source)
        } catch let diagnostic as Diagnostic {
            Issue.record("ok/\(name).sql does not parse:\n\(DiagnosticRenderer.render(diagnostic, source: source))")
            return
        }
        try compare(actual, golden: folder.appendingPathComponent(name + ".ast"))
    }

    @Test(arguments: cases("err"))
    func failsAsRecorded(_ name: String) throws {
        let folder = RepositoryPaths.syntaxCases.appendingPathComponent("err")
        let text = try RepositoryPaths.read(folder.appendingPathComponent(name + ".sql"))
        let source = SourceText(text)
        do {
            let statements = try SQLParser.parseStatements(source)
            Issue.record("err/\(name).sql parses:\n\(ASTDump.dump(statements, source: source))")
        } catch let diagnostic as Diagnostic {
            try compare(DiagnosticRenderer.render(diagnostic, source: source) + "\n",
                        golden: folder.appendingPathComponent(name + ".err"))
        }
    }

    private func compare(_ actual: String, golden: URL) throws {
        let environment = ProcessInfo.processInfo.environment
        if environment["INSQ_RECORD"] == "1" {
            guard environment["CI"] != "true" else {
                Issue.record("record mode is refused under CI=true")
                return
            }
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? RepositoryPaths.read(golden) else {
            Issue.record("no expectation in \(golden.lastPathComponent); run with INSQ_RECORD=1\n\(actual)")
            return
        }
        #expect(actual == expected, "\(golden.lastPathComponent) differs; actual:\n\(actual)")
    }
}
