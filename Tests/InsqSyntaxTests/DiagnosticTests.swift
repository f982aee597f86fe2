import Testing
@testable import InsqSyntax

/// Rendering of diagnostics: header, echoed line, caret placement and width, folded expectations.
struct DiagnosticTests {
    static func render(_ text: String, _ range: SourceRange, message: String = "boom", expected: [String] = [],
                       phase: DiagnosticPhase = .binder, lineOffset: Int = 0) -> String {
        DiagnosticRenderer.render(Diagnostic(phase: phase, message: message, range: range, expected: expected),
                                  source: SourceText(text), lineOffset: lineOffset)
    }

    @Test func rendersHeaderLineAndCaretsUnderTheWholeToken() {
        #expect(Parse.error("SELECT FROM persons;") == """
            Parser error at 1:8: unexpected keyword FROM; expected an expression
              SELECT FROM persons;
                     ^^^^
            """)
    }

    @Test func binderDiagnosticsUseTheSameRenderer() {
        let text = "SELECT nmae FROM persons;"
        #expect(DiagnosticTests.render(text, SourceRange(7, 11), message: "unknown column \"nmae\"") == """
            Binder error at 1:8: unknown column "nmae"
              SELECT nmae FROM persons;
                     ^^^^
            """)
    }

    @Test func wideCharactersBeforeTheTokenKeepCaretsAligned() {
        let text = "SELECT 城市, x FROM t"
        let start = "SELECT 城市, ".utf8.count
        #expect(DiagnosticTests.render(text, SourceRange(start, start + 1)) == """
            Binder error at 1:12: boom
              SELECT 城市, x FROM t
                           ^
            """)
        // A wide token gets two carets per character.
        #expect(DiagnosticTests.render(text, SourceRange(7, 13)).hasSuffix("\n         ^^^^"))
        // Combining marks take no cell: Vietnamese decomposed text aligns too.
        let vietnamese = "SELECT 'Tı\u{302}\u{303}nh' x"
        let x = vietnamese.utf8.count - 1
        #expect(DiagnosticTests.render(vietnamese, SourceRange(x, x + 1)).hasSuffix("\n                ^"))
    }

    @Test func tabsAreEchoedAsOneSpaceAndCaretsFollow() {
        #expect(DiagnosticTests.render("SELECT\t\tx", SourceRange(8, 9)) == """
            Binder error at 1:9: boom
              SELECT  x
                      ^
            """)
    }

    @Test func multiLineStatementsShowTheLineOfTheError() {
        let text = "SELECT a,\n       b\nFROM t\nWHERE zz = 1"
        let start = text.utf8.count - "zz = 1".utf8.count
        #expect(DiagnosticTests.render(text, SourceRange(start, start + 2), lineOffset: 11) == """
            Binder error at 15:7: boom
              WHERE zz = 1
                    ^^
            """)
    }

    @Test func aRangeOverSeveralLinesIsMarkedToTheEndOfItsFirstLine() {
        #expect(DiagnosticTests.render("SELECT 'ab\ncd'", SourceRange(7, 14)) == """
            Binder error at 1:8: boom
              SELECT 'ab
                     ^^^
            """)
    }

    @Test func endOfInputGetsOneCaretJustPastTheLastToken() {
        #expect(Parse.error("SELECT * FROM   \n\n-- the end\n") == """
            Parser error at 1:14: unexpected end of input; expected a table name
              SELECT * FROM
                           ^
            """)
        #expect(Parse.error("SELECT *\nFROM") == """
            Parser error at 2:5: unexpected end of input; expected a table name
              FROM
                  ^
            """)
    }

    @Test func crlfLineEndsAreNotEchoed() {
        #expect(DiagnosticTests.render("SELECT 1\r\nFROM x\r\n", SourceRange(15, 16)) == """
            Binder error at 2:6: boom
              FROM x
                   ^
            """)
    }

    @Test func rangesOutsideTheTextAreClamped() {
        #expect(DiagnosticTests.render("SELECT 1", SourceRange(100, 200)) == """
            Binder error at 1:9: boom
              SELECT 1
                      ^
            """)
        #expect(DiagnosticTests.render("", SourceRange(-5, 3)) == "Binder error at 1:1: boom\n  \n  ^")
        #expect(DiagnosticTests.render("SELECT 1", SourceRange(5, 2)).hasSuffix("\n       ^"))
    }

    @Test func expectedSetsAreFoldedReadably() {
        func message(_ expected: [String]) -> String {
            Diagnostic(phase: .parser, message: "unexpected ';'", range: SourceRange(0, 0), expected: expected).fullMessage
        }
        #expect(message([]) == "unexpected ';'")
        #expect(message(["an expression"]) == "unexpected ';'; expected an expression")
        #expect(message(["')'", "','"]) == "unexpected ';'; expected ')' or ','")
        #expect(message(["','", "FROM", "';'"]) == "unexpected ';'; expected one of: ',', FROM, ';'")
        #expect(Diagnostic(phase: .lexer, message: "m", range: SourceRange(0, 0)).description == "Lexer error: m")
    }

    @Test func controlCharactersInTokensStayOnOneLine() throws {
        let rendered = try #require(Parse.error("SELECT a b \"x\ny\" z"))
        #expect(rendered.hasPrefix("Parser error at 1:12: unexpected name \"x\\ny\";"))
        #expect(rendered.split(separator: "\n").count == 3)
    }

    /// DiagnosticMessages.swift keeps each of its lists sorted by name.
    @Test func messagesAreSortedByName() throws {
        let url = RepositoryPaths.root.appendingPathComponent("Sources/InsqSyntax/Diagnostics/DiagnosticMessages.swift")
        let text = try RepositoryPaths.read(url)
        var lists: [[String]] = [[]]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("enum ") || trimmed.hasPrefix("public enum ") {
                lists.append([])
            } else if trimmed.hasPrefix("static let ") || trimmed.hasPrefix("static func ") {
                let rest = trimmed.split(separator: " ")[2]
                let name = String(rest.prefix { $0.isLetter || $0.isNumber })
                lists[lists.count - 1].append(name)
            }
        }
        #expect(lists.joined().count >= 30)
        for names in lists {
            // Overloads share a name; consecutive duplicates are fine.
            #expect(names == names.sorted(), "not sorted: \(names)")
        }
    }
}
