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
        /// `count` repetitions of `unit`: by default 100,000, far past every limit; fewer for long units, which
        /// only make the lexer's work longer.
        init(_ name: String, prefix: String = "SELECT ", repeating unit: String, count: Int = 100_000, suffix: String = "") {
            self.name = name
            text = prefix + String(repeating: unit, count: count) + suffix
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
        Input("EXISTS", prefix: "SELECT * FROM t WHERE ", repeating: "EXISTS (SELECT 1 WHERE ", count: 5_000),
        Input("window calls", repeating: "f() OVER (PARTITION BY ", count: 5_000),
        Input("EXTRACTs", repeating: "EXTRACT(YEAR FROM ", count: 5_000),
    ])
    func deepNestingIsAnErrorNotACrash(_ input: Input) throws {
        let diagnostic = try #require(RobustnessTests.check(input.text))
        #expect(diagnostic.message == "expression nested too deeply (more than 256 levels)")
        #expect(diagnostic.phase == .parser)
    }

    @Test(arguments: [
        Input("scalar subqueries", repeating: "(SELECT ", count: 5_000),
        Input("scalar subqueries around 1", repeating: "(SELECT ", count: 5_000, suffix: "1"),
        Input("balanced scalar subqueries", repeating: "(SELECT ", count: 5_000, suffix: "1" + String(repeating: ")", count: 5_000)),
        Input("parenthesized queries", prefix: "", repeating: "(", count: 5_000),
        Input("set operands", prefix: "SELECT 1 UNION ", repeating: "(SELECT 1 UNION ", count: 5_000),
        Input("derived tables", prefix: "SELECT * FROM ", repeating: "(SELECT * FROM ", count: 5_000),
        Input("IN subqueries", prefix: "SELECT 1 IN ", repeating: "(SELECT 1 IN ", count: 5_000),
        Input("common table expressions", prefix: "", repeating: "WITH t AS (", count: 5_000),
        Input("pipe subqueries", prefix: "FROM t |> WHERE a IN ", repeating: "(FROM t |> WHERE a IN ", count: 5_000),
        Input("pipe set operations", prefix: "FROM t |> UNION ALL ", repeating: "(FROM t |> UNION ALL ", count: 5_000),
        Input("pipe joins", prefix: "FROM t |> JOIN ", repeating: "(FROM t |> JOIN ", count: 5_000),
    ])
    func deepQueryNestingIsAnErrorNotACrash(_ input: Input) throws {
        let diagnostic = try #require(RobustnessTests.check(input.text))
        #expect(diagnostic.message.hasSuffix("nested too deeply (more than 256 levels)"), "\(diagnostic.message)")
        #expect(diagnostic.phase == .parser)
    }

    /// Chains that grow without recursion (joins, commas, set operations) make trees as deep as they are long.
    @Test(arguments: [
        Input("JOINs", prefix: "SELECT * FROM t", repeating: " JOIN t USING (a)", count: 5_000),
        Input("CROSS JOINs", prefix: "SELECT * FROM t", repeating: " CROSS JOIN t", count: 5_000),
        Input("commas in FROM", prefix: "SELECT * FROM t", repeating: ", t", count: 5_000),
        Input("UNIONs", prefix: "SELECT 1", repeating: " UNION SELECT 1", count: 5_000),
        Input("INTERSECTs", prefix: "SELECT 1", repeating: " INTERSECT ALL SELECT 1", count: 5_000),
        Input("mixed set operations", prefix: "FROM t", repeating: " EXCEPT FROM t INTERSECT FROM t", count: 5_000),
        Input("joins in a FROM query", prefix: "FROM t", repeating: " LEFT JOIN t ON TRUE", count: 5_000),
    ])
    func longQueryChainsAreAnErrorNotACrash(_ input: Input) throws {
        let diagnostic = try #require(RobustnessTests.check(input.text))
        #expect(diagnostic.message == "query too large (more than 1000 levels deep)")
    }

    /// A tall expression inside a chain of subqueries counts towards the height of the whole tree.
    @Test func heightCountsExpressionsInsideSubqueries() throws {
        let chain = "1" + String(repeating: " + 1", count: 600)
        let inner = "(SELECT " + chain + ")"
        #expect(RobustnessTests.check("SELECT " + chain + " + " + inner) == nil)
        let diagnostic = try #require(RobustnessTests.check("SELECT " + inner + String(repeating: " + 1", count: 600)))
        #expect(diagnostic.message == "expression too large (more than 1000 operators deep)")
        let unions = "SELECT 1" + String(repeating: " UNION SELECT 1", count: 600)
        let nested = try #require(RobustnessTests.check("SELECT * FROM (" + unions + ") t" + String(repeating: " JOIN t USING (a)", count: 600)))
        #expect(nested.message == "query too large (more than 1000 levels deep)")
    }

    /// The longest chains that fit parse, and their trees can be walked (the check dumps them).
    @Test func chainsJustBelowTheLimitParse() throws {
        let links = Parser.maximumExpressionHeight - 1
        #expect(RobustnessTests.check("SELECT 1" + String(repeating: " UNION SELECT 1", count: links)) == nil)
        #expect(RobustnessTests.check("SELECT 1" + String(repeating: " UNION SELECT 1", count: links + 1)) != nil)
        #expect(RobustnessTests.check("SELECT * FROM t" + String(repeating: " JOIN t USING (a)", count: links)) == nil)
        #expect(RobustnessTests.check("FROM t" + String(repeating: ", t", count: links)) == nil)
    }

    /// Pipe steps are a flat list: thousands of them are fine.
    @Test func longPipesAreFine() {
        #expect(RobustnessTests.check("FROM t" + String(repeating: " |> WHERE a = 1", count: 20_000)) == nil)
        #expect(RobustnessTests.check("FROM t" + String(repeating: " |> UNION ALL (FROM t)", count: 5_000)) == nil)
    }

    @Test func deepNestingOutsideAStatementIsAQueryNestingError() throws {
        let diagnostic = try #require(RobustnessTests.check(String(repeating: "(", count: 100_000)))
        #expect(diagnostic.fullMessage == "query nested too deeply (more than 256 levels)")
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
        // Each subquery level nests a query and an expression: half as many levels fit.
        let subqueries = depth / 2
        #expect(RobustnessTests.check(String(repeating: "SELECT (", count: subqueries) + "SELECT 1"
                                      + String(repeating: ")", count: subqueries)) == nil)
        #expect(RobustnessTests.check(String(repeating: "SELECT * FROM (", count: depth) + "SELECT 1"
                                      + String(repeating: ") t", count: depth)) == nil)
        #expect(RobustnessTests.check(String(repeating: "(", count: depth) + "SELECT 1"
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
