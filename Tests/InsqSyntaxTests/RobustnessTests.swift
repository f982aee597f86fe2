import Testing
@testable import InsqSyntax

/// No input may crash, hang or overflow the stack: each gives statements or a Diagnostic inside the text.
struct RobustnessTests {
    /// Parses `text`; the outcome must be statements or a Diagnostic whose range lies inside the text and
    /// that renders. Returns the diagnostic, if any.
    @discardableResult
    static func check(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let source = SourceText(text)
        switch Parse.result(text) {
        case let .success(statements):
            _ = ASTDump.dump(statements, source: source)
            return nil
        case let .failure(diagnostic):
            let range = diagnostic.range
            #expect(range.start >= 0 && range.start <= range.end && range.end <= source.bytes.count,
                    "range \(range.start)..\(range.end) outside 0..\(source.bytes.count)", sourceLocation: sourceLocation)
            #expect(!diagnostic.message.contains("internal error"), "\(diagnostic.message)", sourceLocation: sourceLocation)
            let rendered = DiagnosticRenderer.render(diagnostic, source: source)
            #expect(rendered.split(separator: "\n", omittingEmptySubsequences: false).count == 3,
                    sourceLocation: sourceLocation)
            return diagnostic
        }
    }

    // MARK: - Depth limits

    /// A generated input with a short name, so that test output does not print 100,000 characters.
    struct Input: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var testDescription: String { name }
        init(_ name: String, prefix: String = "SELECT ", repeating unit: String, suffix: String = "") {
            self.name = name
            text = prefix + String(repeating: unit, count: 100_000) + suffix
        }
    }

    @Test(arguments: [
        Input("parentheses", repeating: "("),
        Input("parentheses around 1", repeating: "(", suffix: "1"),
        Input("balanced parentheses", repeating: "(", suffix: "1" + String(repeating: ")", count: 100_000)),
        Input("minus signs", repeating: "- ", suffix: "1"),
        Input("plus signs", repeating: "+", suffix: "1"),
        Input("NOTs", repeating: "NOT ", suffix: "TRUE"),
        Input("function calls", repeating: "f("),
        Input("CASE WHENs", repeating: "CASE WHEN "),
        Input("CASTs", repeating: "CAST("),
        Input("IN lists", prefix: "SELECT 1 IN ", repeating: "(1 IN "),
        Input("WHERE parentheses", prefix: "SELECT * FROM t WHERE ", repeating: "(a = 1 OR "),
    ])
    func deepNestingIsAnErrorNotACrash(_ input: Input) throws {
        let diagnostic = try #require(RobustnessTests.check(input.text))
        #expect(diagnostic.message == "expression nested too deeply (more than 256 levels)")
        #expect(diagnostic.phase == .parser)
    }

    @Test func deepNestingOutsideAStatementIsAPlainSyntaxError() throws {
        let diagnostic = try #require(RobustnessTests.check(String(repeating: "(", count: 100_000)))
        #expect(diagnostic.fullMessage == "unexpected '('; expected SELECT")
    }

    @Test(arguments: ["+", "OR", "AND", "||", "*", "=", "IS NULL AND", "LIKE"])
    func longOperatorChainsAreAnErrorNotACrash(_ op: String) throws {
        let text = "SELECT x" + String(repeating: " \(op) x", count: 50_000)
        let diagnostic = try #require(RobustnessTests.check(text))
        #expect(diagnostic.message == "expression too large (more than 1000 operators deep)")
    }

    @Test func nestingJustBelowTheLimitsParses() {
        let depth = Parser.maximumNestingDepth - 1
        #expect(RobustnessTests.check("SELECT " + String(repeating: "(", count: depth) + "1"
                                      + String(repeating: ")", count: depth)) == nil)
        #expect(RobustnessTests.check("SELECT " + String(repeating: "- ", count: depth) + "1") == nil)
        #expect(RobustnessTests.check("SELECT 1" + String(repeating: " + 1", count: Parser.maximumExpressionHeight - 1)) == nil)
    }

    @Test func heightCountsChainsInsideParentheses() {
        // A chain of 600 inside the first operand of another chain of 600: a tree 1,200 deep.
        let inner = "(1" + String(repeating: " * 2", count: 600) + ")"
        #expect(RobustnessTests.check("SELECT " + inner + String(repeating: " + 1", count: 600)) != nil)
        // The same chains with the parenthesized one last: only about 600 deep.
        #expect(RobustnessTests.check("SELECT 1" + String(repeating: " + 1", count: 600) + " + " + inner) == nil)
    }

    @Test func manyStatementsAndLongListsAreFine() {
        #expect(RobustnessTests.check(String(repeating: "SELECT 1;", count: 5_000)) == nil)
        #expect(RobustnessTests.check(String(repeating: ";", count: 100_000)) == nil)
        #expect(RobustnessTests.check("SELECT 1 IN (" + Array(repeating: "1", count: 20_000).joined(separator: ",") + ")") == nil)
        #expect(RobustnessTests.check("SELECT " + Array(repeating: "a", count: 20_000).joined(separator: ",")) == nil)
    }
}
