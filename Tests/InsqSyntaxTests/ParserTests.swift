import Foundation
import Testing
@testable import InsqSyntax

/// The parser: precedence, the AST of each construct, source ranges and error messages.
struct ParserTests {
    static func shapeOf(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String? {
        Parse.expression(text, sourceLocation: sourceLocation).map(shape)
    }

    @Test(arguments: [
        ("a OR b AND c", "(OR a (AND b c))"),
        ("a AND b OR c", "(OR (AND a b) c)"),
        ("NOT a = b AND c", "(AND (NOT (= a b)) c)"),
        ("NOT NOT a", "(NOT (NOT a))"),
        ("a = b + c * d", "(= a (+ b (* c d)))"),
        ("a || b + c", "(|| a (+ b c))"),
        ("a || b = c || d", "(= (|| a b) (|| c d))"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("8 / 4 * 2 % 3", "(% (* (/ 8 4) 2) 3)"),
        ("-a * b", "(* (- a) b)"),
        ("- -a", "(- (- a))"),
        ("+a", "(+ a)"),
        ("(a + b) * c", "(* (+ a b) c)"),
        ("a != b", "(<> a b)"),
        ("a == b", "(= a b)"),
        ("a <= b", "(<= a b)"),
        ("a = b IS NULL", "(ISNULL (= a b))"),
        ("a IS NOT NULL AND b IS NULL", "(AND (NOTNULL a) (ISNULL b))"),
        ("x NOT IN (1, 2) OR x IN (3)", "(OR (NOTIN x [1 2]) (IN x [3]))"),
        ("x BETWEEN 1 AND 2 AND y", "(AND (BETWEEN x 1 2) y)"),
        ("x NOT BETWEEN a + 1 AND b || c", "(NOTBETWEEN x (+ a 1) (|| b c))"),
        ("x LIKE 'a%' ESCAPE '!' AND y NOT LIKE 'b'", "(AND (LIKE x 'a%' '!') (NOTLIKE y 'b'))"),
        ("NOT x IN (1)", "(NOT (IN x [1]))"),
        ("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END", "(CASE a→1 b→2 ELSE 3)"),
        ("CASE s WHEN 'F' THEN 1 END", "(CASE s 'F'→1)"),
        ("CAST(a AS decimal(14, 2))", "(CAST a DECIMAL[14, 2])"),
        ("CAST(a + 1 AS text)", "(CAST (+ a 1) TEXT)"),
        ("count(*)", "count(*)"),
        ("COUNT(DISTINCT p.person_id)", "COUNT(DISTINCT p.person_id)"),
        ("substr(name, 1, 2)", "substr(name 1 2)"),
        ("now()", "now()"),
        ("DATE '2024-05-01'", "DATE'2024-05-01'"),
        ("date", "date"),
        ("date(paid_on)", "date(paid_on)"),
        ("'it''s'", "'it's'"),
        ("TRUE OR FALSE AND NULL", "(OR TRUE (AND FALSE NULL))"),
        ("t.\"Weird \"\"col\"\"\"", "t.Weird \"col\""),
    ])
    func expressionShapes(_ text: String, _ expected: String) {
        #expect(ParserTests.shapeOf(text) == expected)
    }

    @Test func rangesCoverTheSourceTextOfEachExpression() throws {
        let text = "SELECT amount * 2, ( a + b ), -x, CAST(y AS DECIMAL(3, 1)), count(*) FROM t"
        let core = try #require(Parse.select(text))
        let source = SourceText(text)
        let texts = core.items.compactMap { item -> String? in
            if case let .expression(expression, _) = item { return source.slice(expression.range) }
            return nil
        }
        #expect(texts == ["amount * 2", "( a + b )", "-x", "CAST(y AS DECIMAL(3, 1))", "count(*)"])
        if case let .expression(expression, _) = core.items[3], case let .cast(_, type) = expression.kind {
            #expect(source.slice(type.range) == "DECIMAL(3, 1)")
            #expect(type.parameters == [3, 1])
        } else {
            Issue.record("expected a CAST")
        }
    }

    /// Every expression node of every golden query covers text that parses, on its own, to the same shape.
    @Test func everyExpressionRangeReparsesToTheSameShape() throws {
        let folder = RepositoryPaths.syntaxCases.appendingPathComponent("ok")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
        var checked = 0
        for name in names {
            let source = SourceText(try RepositoryPaths.read(folder.appendingPathComponent(name)))
            let statements = try SQLParser.parseStatements(source)
            for expression in statements.flatMap(ExpressionWalk.all) {
                let text = source.slice(expression.range)
                let reparsed = Parse.expression(text)
                #expect(reparsed.map(shape) == shape(expression), "\(name): \(text)")
                checked += 1
            }
        }
        #expect(checked > 250)
    }

    @Test func selectItemsAndAliases() throws {
        let text = "SELECT *, p.*, name AS n, age years, \"x\" \"Quoted Alias\", 1 date FROM persons p"
        let core = try #require(Parse.select(text))
        #expect(core.items.count == 6)
        guard core.items.count == 6 else { return }
        #expect(core.items[0] == .star(SourceRange(7, 8)))
        #expect(core.items[1] == .qualifiedStar(Identifier(name: "p", range: SourceRange(10, 11)), SourceRange(10, 13)))
        let aliases = core.items.compactMap { item -> Identifier? in
            if case let .expression(_, alias) = item { return alias }
            return nil
        }
        #expect(aliases.map(\.name) == ["n", "years", "Quoted Alias", "date"])
        #expect(aliases.map(\.isQuoted) == [false, false, true, false])
        let persons = text.utf8.count - "persons p".utf8.count
        #expect(core.from == .table(name: Identifier(name: "persons", range: SourceRange(persons, persons + 7)),
                                    alias: Identifier(name: "p", range: SourceRange(persons + 8, persons + 9))))
    }

    @Test func distinctAndAll() throws {
        #expect(try #require(Parse.select("SELECT DISTINCT a FROM t")).isDistinct)
        #expect(try !#require(Parse.select("SELECT ALL a FROM t")).isDistinct)
        #expect(try !#require(Parse.select("SELECT a FROM t")).isDistinct)
    }

    @Test func clausesLandInTheirFields() throws {
        let core = "SELECT a, SUM(b) FROM t WHERE c > 1 GROUP BY a, d HAVING SUM(b) > 2"
        let text = core + " ORDER BY a DESC NULLS FIRST, 2 LIMIT 5 OFFSET 10"
        let query = try #require(Parse.query(text + ";"))
        #expect(SourceText(text).slice(query.range) == text)
        guard case let .select(select) = query.body else { return }
        #expect(SourceText(text).slice(select.range) == core)
        #expect(select.whereClause.map(shape) == "(> c 1)")
        #expect(select.groupBy.map(shape) == ["a", "d"])
        #expect(select.having.map(shape) == "(> SUM(b) 2)")
        #expect(query.orderBy.map { shape($0.expression) } == ["a", "2"])
        #expect(query.orderBy.map(\.isDescending) == [true, false])
        #expect(query.orderBy.map(\.nulls) == [.first, nil])
        #expect(query.limit.map(shape) == "5")
        #expect(query.offset.map(shape) == "10")
    }

    @Test func joinsAreLeftAssociativeAndCommasBindLoosest() throws {
        let core = try #require(Parse.select(
            "SELECT * FROM a JOIN b ON a.x = b.x LEFT OUTER JOIN c USING (x, y), d CROSS JOIN e INNER JOIN f ON TRUE"))
        guard case let .join(left, kind, right, condition, _)? = core.from else {
            Issue.record("expected a join")
            return
        }
        #expect(kind == .cross)
        #expect(condition == .none)
        // Left of the comma: (a JOIN b) LEFT JOIN c.
        guard case let .join(ab, .left, .table(c, nil), .using(columns), _) = left,
              case let .join(.table(a, nil), .inner, .table(b, nil), .on(on), _) = ab else {
            Issue.record("unexpected left side: \(left)")
            return
        }
        #expect([a.name, b.name, c.name] == ["a", "b", "c"])
        #expect(columns.map(\.name) == ["x", "y"])
        #expect(shape(on) == "(= a.x b.x)")
        // Right of the comma: (d CROSS JOIN e) INNER JOIN f.
        guard case let .join(de, .inner, .table(f, nil), .on, _) = right,
              case let .join(.table(d, nil), .cross, .table(e, nil), .none, _) = de else {
            Issue.record("unexpected right side: \(right)")
            return
        }
        #expect([d.name, e.name, f.name] == ["d", "e", "f"])
    }

    @Test func joinRangesCoverBothSides() throws {
        let text = "SELECT * FROM persons p JOIN regions r ON p.x = r.x"
        let core = try #require(Parse.select(text))
        guard case let .join(_, _, _, _, range)? = core.from else {
            Issue.record("expected a join")
            return
        }
        #expect(SourceText(text).slice(range) == "persons p JOIN regions r ON p.x = r.x")
    }

    @Test func nonReservedKeywordsAreNames() throws {
        let core = try #require(Parse.select("SELECT first, last AS nulls FROM date AS first ORDER BY date"))
        #expect(core.items.count == 2)
        guard case let .table(name, alias)? = core.from else { return }
        #expect(name.name == "date")
        #expect(alias?.name == "first")
    }

    @Test func statementsAreSeparatedBySemicolonsAndEmptyOnesSkipped() throws {
        #expect(try SQLParser.parseStatements(SourceText("")).isEmpty)
        #expect(try SQLParser.parseStatements(SourceText(" ;; -- nothing\n ; ")).isEmpty)
        let statements = try SQLParser.parseStatements(SourceText("SELECT 1; SELECT 2;; SELECT 3"))
        #expect(statements.count == 3)
        #expect(statements.map { SQLParser.range(of: $0) } == [SourceRange(0, 8), SourceRange(10, 18), SourceRange(21, 29)])
    }

    @Test func parseStatementWantsExactlyOne() throws {
        #expect(throws: Never.self) { try SQLParser.parseStatement(SourceText("SELECT 1;")) }
        let two = #expect(throws: Diagnostic.self) { try SQLParser.parseStatement(SourceText("SELECT 1; SELECT 2")) }
        #expect(two?.message == "expected exactly one statement")
        #expect(two?.range == SourceRange(10, 18))
        let none = #expect(throws: Diagnostic.self) { try SQLParser.parseStatement(SourceText(" ; ")) }
        #expect(none?.message == "empty statement; expected a query")
    }

    @Test(arguments: [
        ("SELECT a b c", "unexpected name \"c\"; expected one of: ',', FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, '|>', ';'"),
        ("SELECT a FROM t x y", "unexpected name \"y\"; expected one of: JOIN, ',', WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, '|>', ';'"),
        ("SELECT a FROM t WHERE x y", "unexpected name \"y\"; expected one of: GROUP BY, HAVING, ORDER BY, LIMIT, '|>', ';'"),
        ("SELECT a FROM t ORDER BY a LIMIT 1 2", "unexpected number 2; expected one of: OFFSET, '|>', ';'"),
        ("SELECT f(a b)", "unexpected name \"b\"; expected ',' or ')'"),
        ("SELECT CASE END", "unexpected keyword END; expected WHEN or an expression"),
        ("SELECT CAST(a AS 1)", "unexpected number 1; expected a type name"),
        ("SELECT a FROM t ORDER BY a NULLS", "unexpected end of input; expected FIRST or LAST"),
        ("SELECT a FROM t LEFT t2", "unexpected name \"t2\"; expected JOIN"),
        ("SELECT t. FROM t", "unexpected keyword FROM; expected a column name"),
        ("SELECT a FROM t JOIN u USING ()", "unexpected ')'; expected a column name"),
        ("SELECT right FROM t", "unexpected keyword RIGHT; expected an expression"),
        ("SELECT * FROM a FULL JOIN b ON TRUE", "FULL JOIN is not supported yet"),
        ("SELECT * FROM a NATURAL JOIN b", "NATURAL JOIN is not supported yet"),
        ("persons |> WHERE a", "unexpected name \"persons\"; expected SELECT or FROM"),
        ("SELECT 1 2 'unterminated", "unexpected number 2; expected one of: ',', FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, '|>', ';'"),
        ("SELECT 'unterminated 1 2", "unterminated string literal"),
        ("SELECT CAST(a AS DECIMAL(99999999999999999999))", "integer too large"),
        ("SELECT * FROM t WHERE a = 1 ORDR BY a", "unexpected name \"ORDR\"; did you mean ORDER BY?"),
        ("SELECT * FROM t GROPU BY a", "unexpected name \"GROPU\"; did you mean GROUP BY?"),
        ("SELECT a FORM t", "unexpected name \"FORM\"; did you mean FROM?"),
        ("SELECT a FROM t WHRE a = 1", "unexpected name \"WHRE\"; did you mean WHERE?"),
        ("SELECT a form FROM t", nil),
        ("SELECT * FROM t WHERE a = 1 LIMT 5", "unexpected name \"LIMT\"; did you mean LIMIT?"),
    ])
    func errorMessages(_ text: String, _ expected: String?) {
        switch Parse.result(text) {
        case .success:
            #expect(expected == nil, "expected an error for \(text)")
        case let .failure(diagnostic):
            #expect(diagnostic.fullMessage == expected)
        }
    }

    @Test func lexerErrorsHaveTheLexerPhase() {
        guard case let .failure(diagnostic) = Parse.result("SELECT 'abc") else { return }
        #expect(diagnostic.phase == .lexer)
        #expect(diagnostic.range == SourceRange(7, 11))
        guard case let .failure(parserError) = Parse.result("SELECT FROM") else { return }
        #expect(parserError.phase == .parser)
        #expect(parserError.expected == ["an expression"])
    }

    @Test func typeNamesAreRecordedNotResolved() {
        #expect(ParserTests.shapeOf("CAST(a AS Whatever(1))") == "(CAST a WHATEVER[1])")
        #expect(ParserTests.shapeOf("CAST(a AS \"my type\")") == "(CAST a MY TYPE)")
        #expect(ParserTests.shapeOf("CAST(a AS varchar)") == "(CAST a VARCHAR)")
    }

    @Test func keywordSuggestionsAreCloseMissesOnly() {
        #expect(KeywordSuggestion.nearest(to: "SELEC", among: ["SELECT"]) == "SELECT")
        #expect(KeywordSuggestion.nearest(to: "form", among: ["','", "FROM"]) == "FROM")
        #expect(KeywordSuggestion.nearest(to: "FRM", among: ["FROM"]) == "FROM")
        #expect(KeywordSuggestion.nearest(to: "persons", among: ["FROM", "WHERE"]) == nil)
        #expect(KeywordSuggestion.nearest(to: "x", among: ["BY"]) == nil)
        #expect(KeywordSuggestion.nearest(to: "西宁", among: ["FROM"]) == nil)
        #expect(KeywordSuggestion.editDistance(Array("ab".utf8), Array("ba".utf8)) == 1)
        #expect(KeywordSuggestion.editDistance(Array("kitten".utf8), Array("sitting".utf8)) == 3)
    }
}
