import Testing
@testable import InsqSyntax

/// The query level of the parser: WITH, set operations, derived tables, subqueries in expressions,
/// window functions, EXTRACT, current_date and pipe syntax.
struct QueryParserTests {
    @Test(arguments: [
        // INTERSECT binds tighter; UNION and EXCEPT are left-associative.
        ("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3", "(SELECT 1 UNION (SELECT 2 INTERSECT SELECT 3))"),
        ("SELECT 1 EXCEPT SELECT 2 UNION ALL SELECT 3", "((SELECT 1 EXCEPT SELECT 2) UNION ALL SELECT 3)"),
        ("SELECT 1 INTERSECT SELECT 2 INTERSECT ALL SELECT 3", "((SELECT 1 INTERSECT SELECT 2) INTERSECT ALL SELECT 3)"),
        ("SELECT 1 INTERSECT SELECT 2 UNION SELECT 3 INTERSECT SELECT 4",
         "((SELECT 1 INTERSECT SELECT 2) UNION (SELECT 3 INTERSECT SELECT 4))"),
        ("SELECT 1 UNION DISTINCT SELECT 2", "(SELECT 1 UNION SELECT 2)"),
        ("SELECT 1 UNION (SELECT 2 UNION SELECT 3)", "(SELECT 1 UNION [(SELECT 2 UNION SELECT 3)])"),
        // A trailing ORDER BY / LIMIT belongs to the whole; a parenthesised operand keeps its own.
        ("(SELECT 1 LIMIT 1) UNION SELECT 2 ORDER BY 1 LIMIT 2",
         "([SELECT 1 LIMIT 1] UNION SELECT 2) ORDER BY 1 LIMIT 2"),
        ("((SELECT 1) UNION (SELECT 2))", "[([SELECT 1] UNION [SELECT 2])]"),
        ("FROM a UNION ALL FROM b", "(FROM a UNION ALL FROM b)"),
        ("SELECT 1 + 1", "SELECT (+ 1 1)"),
        // WITH
        ("WITH a AS (SELECT 1), b (x, y) AS (FROM a) SELECT * FROM b",
         "WITH a AS {SELECT 1}, b(x, y) AS {FROM a} SELECT * FROM b"),
        ("WITH recursive AS (SELECT 1) SELECT * FROM recursive", "WITH recursive AS {SELECT 1} SELECT * FROM recursive"),
        ("WITH a AS (WITH b AS (SELECT 1) SELECT * FROM b) SELECT * FROM a",
         "WITH a AS {WITH b AS {SELECT 1} SELECT * FROM b} SELECT * FROM a"),
        // Derived tables and FROM queries
        ("SELECT * FROM (SELECT 1) AS t JOIN (FROM u) v USING (a)",
         "SELECT * FROM ({SELECT 1} t INNER JOIN {FROM u} v USING (a))"),
        ("FROM a, b JOIN c USING (x)", "FROM (a CROSS JOIN (b INNER JOIN c USING (x)))"),
        ("FROM (SELECT 1) one", "FROM {SELECT 1} one"),
        // Pipes
        ("FROM t |> WHERE a |> SELECT b", "FROM t |> WHERE a |> SELECT b"),
        ("FROM t |> EXTEND a + 1 AS b, c d |> SET a = 1, b = 2 |> DROP a, b |> RENAME a AS b, c d |> AS x",
         "FROM t |> EXTEND (+ a 1) AS b, c AS d |> SET a = 1, b = 2 |> DROP a, b |> RENAME a AS b, c AS d |> AS x"),
        ("FROM t |> AGGREGATE COUNT(*) n, SUM(a) GROUP BY b AS k, c",
         "FROM t |> AGGREGATE COUNT(*) AS n, SUM(a) GROUP BY b AS k, c"),
        ("FROM t |> AGGREGATE GROUP BY b |> AGGREGATE COUNT(*)", "FROM t |> AGGREGATE GROUP BY b |> AGGREGATE COUNT(*)"),
        ("FROM t |> LEFT JOIN u ON t.a = u.a |> CROSS JOIN v |> ORDER BY a DESC |> LIMIT 1 OFFSET 2",
         "FROM t |> LEFT JOIN u ON (= t.a u.a) |> CROSS JOIN v |> ORDER BY a DESC |> LIMIT 1 OFFSET 2"),
        ("FROM t |> INNER JOIN (FROM u |> WHERE b) w USING (a)", "FROM t |> INNER JOIN {FROM u |> WHERE b} w USING (a)"),
        ("FROM t |> UNION ALL (SELECT 1) |> EXCEPT (FROM u) |> INTERSECT DISTINCT (SELECT 2)",
         "FROM t |> UNION ALL {SELECT 1} |> EXCEPT {FROM u} |> INTERSECT {SELECT 2}"),
        ("(FROM t) |> DISTINCT", "[FROM t] |> DISTINCT"),
        ("SELECT 1 UNION SELECT 2 |> WHERE x", "(SELECT 1 UNION SELECT 2) |> WHERE x"),
        ("FROM t |> SELECT set, drop, rows |> DROP extend", "FROM t |> SELECT set, drop, rows |> DROP extend"),
        ("FROM t |> SET set = set + 1", "FROM t |> SET set = (+ set 1)"),
    ])
    func queryShapes(_ text: String, _ expected: String) {
        #expect(Parse.query(text).map(shape) == expected)
    }

    @Test(arguments: [
        ("(SELECT 1)", "{SELECT 1}"),
        ("((SELECT 1))", "{SELECT 1}"),
        ("(SELECT 1) + 1", "(+ {SELECT 1} 1)"),
        ("(FROM t |> AGGREGATE COUNT(*))", "{FROM t |> AGGREGATE COUNT(*)}"),
        ("(WITH a AS (SELECT 1) SELECT * FROM a)", "{WITH a AS {SELECT 1} SELECT * FROM a}"),
        ("EXISTS (SELECT 1)", "(EXISTS {SELECT 1})"),
        ("NOT EXISTS (SELECT 1)", "(NOTEXISTS {SELECT 1})"),
        ("NOT (EXISTS (SELECT 1))", "(NOTEXISTS {SELECT 1})"),
        ("NOT NOT EXISTS (SELECT 1)", "(NOT (NOTEXISTS {SELECT 1}))"),
        ("NOT EXISTS (SELECT 1) = TRUE", "(NOT (= (EXISTS {SELECT 1}) TRUE))"),
        ("NOT EXISTS (SELECT 1) AND a", "(AND (NOTEXISTS {SELECT 1}) a)"),
        ("a IN (SELECT b FROM t)", "(IN a {SELECT b FROM t})"),
        ("a NOT IN (FROM t |> SELECT b)", "(NOTIN a {FROM t |> SELECT b})"),
        ("a IN ((SELECT 1), 2)", "(IN a [{SELECT 1} 2])"),
        ("a IN (SELECT 1) IS NULL", "(ISNULL (IN a {SELECT 1}))"),
        ("EXTRACT(YEAR FROM d + 1)", "(EXTRACT YEAR (+ d 1))"),
        ("extract(month FROM d)", "(EXTRACT month d)"),
        ("extract", "extract"),
        ("current_date", "current_date()"),
        ("CURRENT_DATE - 1", "(- CURRENT_DATE() 1)"),
        ("current_date()", "current_date()"),
        ("row_number() OVER ()", "row_number() OVER()"),
        ("SUM(a) OVER (PARTITION BY b, c ORDER BY d DESC NULLS FIRST, e)",
         "SUM(a) OVER(PARTITION b c; ORDER d DESC NULLS FIRST e)"),
        ("lag(x, 1) OVER (ORDER BY p) - x", "(- lag(x 1) OVER(ORDER p) x)"),
        ("COUNT(DISTINCT x) OVER (PARTITION BY y)", "COUNT(DISTINCT x) OVER(PARTITION y)"),
        ("date_trunc('month', d)", "date_trunc('month' d)"),
        ("age(birth_date, current_date)", "age(birth_date current_date())"),
        ("rows + range + partition + set + aggregate", "(+ (+ (+ (+ rows range) partition) set) aggregate)"),
    ])
    func expressionShapes(_ text: String, _ expected: String) {
        #expect(Parse.expression(text).map(shape) == expected)
    }

    @Test func pipeTakesTheWholeQueryBeforeItAsInput() throws {
        let text = "SELECT a FROM t ORDER BY a LIMIT 2 |> WHERE a > 1 |> LIMIT 1"
        let query = try #require(Parse.query(text))
        let source = SourceText(text)
        #expect(query.orderBy.isEmpty && query.limit == nil && query.offset == nil)
        #expect(source.slice(query.range) == text)
        guard case let .pipe(input, operators) = query.body else {
            Issue.record("expected a pipe")
            return
        }
        #expect(source.slice(input.range) == "SELECT a FROM t ORDER BY a LIMIT 2")
        #expect(input.orderBy.count == 1 && input.limit != nil)
        guard operators.count == 2, case let .whereFilter(_, range) = operators[0], case let .limit(_, nil, last) = operators[1] else {
            Issue.record("unexpected operators \(operators)")
            return
        }
        #expect(source.slice(range) == "|> WHERE a > 1")
        #expect(source.slice(last) == "|> LIMIT 1")
    }

    @Test func withStaysOnTheOutermostQueryOfAPipe() throws {
        let text = "WITH c AS (SELECT 1 AS x) FROM c |> WHERE x = 1"
        let query = try #require(Parse.query(text))
        #expect(query.with.map(\.name.name) == ["c"])
        #expect(SourceText(text).slice(query.range) == text)
        guard case let .pipe(input, _) = query.body else {
            Issue.record("expected a pipe")
            return
        }
        #expect(input.with.isEmpty)
        #expect(SourceText(text).slice(input.range) == "FROM c")
    }

    @Test func setOperationRangesAndTrailingClauses() throws {
        let text = "SELECT 1 UNION ALL (SELECT 2 ORDER BY 1) ORDER BY 1 DESC LIMIT 5"
        let query = try #require(Parse.query(text))
        let source = SourceText(text)
        #expect(source.slice(query.range) == text)
        #expect(query.orderBy.map(\.isDescending) == [true])
        guard case let .setOperation(left, .union, true, right, range) = query.body,
              case let .parenthesized(inner) = right.body else {
            Issue.record("unexpected body \(query.body)")
            return
        }
        #expect(source.slice(range) == "SELECT 1 UNION ALL (SELECT 2 ORDER BY 1)")
        #expect(source.slice(left.range) == "SELECT 1")
        #expect(source.slice(right.range) == "(SELECT 2 ORDER BY 1)")
        #expect(source.slice(inner.range) == "SELECT 2 ORDER BY 1")
        #expect(inner.orderBy.count == 1)
    }

    @Test func derivedTablesKeepTheirAliasAndRange() throws {
        let text = "SELECT * FROM (SELECT 1 AS x) AS one"
        let core = try #require(Parse.select(text))
        guard case let .subquery(query, alias, range)? = core.from else {
            Issue.record("expected a derived table")
            return
        }
        let source = SourceText(text)
        #expect(alias?.name == "one")
        #expect(source.slice(range) == "(SELECT 1 AS x) AS one")
        #expect(source.slice(query.range) == "SELECT 1 AS x")
    }

    @Test func expressionRangesOfTheNewForms() throws {
        let text = "SELECT NOT EXISTS (SELECT 1), sum(a) OVER (PARTITION BY b), EXTRACT(YEAR FROM d), current_date, (SELECT 2)"
        let core = try #require(Parse.select(text))
        let source = SourceText(text)
        let expressions = ExpressionWalk.items(core.items)
        #expect(expressions.map { source.slice($0.range) } == [
            "NOT EXISTS (SELECT 1)", "sum(a) OVER (PARTITION BY b)", "EXTRACT(YEAR FROM d)", "current_date", "(SELECT 2)",
        ])
        guard expressions.count == 5, case let .window(call, window) = expressions[1].kind,
              case let .function(name, _, _, _) = expressions[3].kind,
              case let .extract(field, _) = expressions[2].kind else {
            Issue.record("unexpected items")
            return
        }
        #expect(source.slice(call.range) == "sum(a)")
        #expect(source.slice(window.range) == "(PARTITION BY b)")
        #expect(name.name == "current_date" && source.slice(name.range) == "current_date")
        #expect(field.name == "YEAR" && source.slice(field.range) == "YEAR")
    }

    static let errorCases: [(String, String)] = [
        // Pipes
        ("FROM t |>", "unexpected end of input; expected one of: WHERE, SELECT, EXTEND, SET, DROP, RENAME, AS, AGGREGATE, ORDER BY, LIMIT, JOIN, UNION, EXCEPT, INTERSECT, DISTINCT"),
        ("SELECT 1 |> |> WHERE a", "unexpected '|>'; expected one of: WHERE, SELECT, EXTEND, SET, DROP, RENAME, AS, AGGREGATE, ORDER BY, LIMIT, JOIN, UNION, EXCEPT, INTERSECT, DISTINCT"),
        ("FROM t |> WERE a", "unexpected name \"WERE\"; did you mean WHERE?"),
        ("FROM t |> AGREGATE COUNT(*)", "unexpected name \"AGREGATE\"; did you mean AGGREGATE?"),
        ("FROM t |> SELCT a", "unexpected name \"SELCT\"; did you mean SELECT?"),
        ("FROM t |> ORDR BY a", "unexpected name \"ORDR\"; did you mean ORDER BY?"),
        ("FROM t |> EXTNED a AS b", "unexpected name \"EXTNED\"; did you mean EXTEND?"),
        ("FROM t |> HAVING a", "unexpected keyword HAVING; did you mean WHERE?"),
        ("FROM t |> GROUP BY a", "unexpected keyword GROUP; did you mean AGGREGATE ... GROUP BY?"),
        ("FROM t WHERE a", "unexpected keyword WHERE; did you mean |> WHERE?"),
        ("FROM t SELECT a", "unexpected keyword SELECT; did you mean |> SELECT?"),
        ("FROM t GROUP BY a", "unexpected keyword GROUP; did you mean |> AGGREGATE ... GROUP BY?"),
        ("FROM t |> WHERE a LIMIT 1", "unexpected keyword LIMIT; did you mean |> LIMIT?"),
        ("FROM t |> SELECT a LEFT JOIN u USING (a)", "unexpected keyword LEFT; did you mean |> LEFT JOIN?"),
        ("FROM t |> WHERE a UNION ALL (SELECT 1)", "unexpected keyword UNION; did you mean |> UNION?"),
        ("FROM t |> EXTEND a", "unexpected end of input; expected AS or a new column name"),
        ("FROM t |> SET a", "unexpected end of input; expected '='"),
        ("FROM t |> DROP", "unexpected end of input; expected a column name"),
        ("FROM t |> RENAME a b c", "unexpected name \"c\"; expected one of: ',', '|>', ';'"),
        ("FROM t |> AS", "unexpected end of input; expected an alias"),
        ("FROM t |> AGGREGATE", "unexpected end of input; expected GROUP BY or an expression"),
        ("FROM t |> AGGREGATE COUNT(*) GROUP a", "unexpected name \"a\"; expected BY"),
        ("FROM t |> JOIN u", "unexpected end of input; expected ON or USING"),
        ("FROM t |> UNION SELECT 1", "unexpected keyword SELECT; expected '('"),
        ("FROM t |> RIGHT JOIN u ON TRUE", "RIGHT JOIN is not supported yet"),
        ("FROM t |> LIMIT", "unexpected end of input; expected an expression"),
        // Set operations
        ("SELECT 1 LIMIT 1 UNION SELECT 2", "UNION cannot follow ORDER BY or LIMIT; put the query before UNION in parentheses"),
        ("SELECT 1 ORDER BY 1 INTERSECT SELECT 2",
         "INTERSECT cannot follow ORDER BY or LIMIT; put the query before INTERSECT in parentheses"),
        ("SELECT 1 UNOIN SELECT 2", "unexpected name \"UNOIN\"; did you mean UNION?"),
        ("SELECT 1 UNION ALL", "unexpected end of input; expected SELECT or FROM"),
        ("SELECT 1 UNION ALL ALL SELECT 1", "unexpected keyword ALL; expected SELECT or FROM"),
        // WITH
        ("WTIH t AS (SELECT 1) SELECT 1", "unexpected name \"WTIH\"; did you mean WITH?"),
        ("WITH t AS (SELECT 1) t2 AS (SELECT 2) SELECT 1", "unexpected name \"t2\"; expected one of: ',', SELECT, FROM"),
        ("WITH RECURSIVE t AS (SELECT 1) SELECT 1", "WITH RECURSIVE is not supported yet"),
        ("WITH t (SELECT 1) SELECT 1", "unexpected '('; expected AS"),
        ("WITH t (a, SELECT) AS (SELECT 1) SELECT 1", "unexpected keyword SELECT; expected a column name"),
        ("WITH AS (SELECT 1) SELECT 1", "unexpected keyword AS; expected a table name"),
        // Derived tables and subqueries
        ("SELECT * FROM (SELECT 1) AS", "unexpected end of input; expected an alias"),
        ("SELECT * FROM (persons)", "unexpected name \"persons\"; expected SELECT or FROM"),
        ("SELECT EXISTS(1)", "unexpected number 1; expected SELECT or FROM"),
        ("SELECT x IN (SELECT 1", "unexpected end of input; expected one of: ',', FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, '|>', ')'"),
        ("SELECT (SELECT 1 2)", "unexpected number 2; expected one of: ',', FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, '|>', ')'"),
        // Windows, EXTRACT, current_date
        ("SELECT SUM(a) OVER (ROWS UNBOUNDED PRECEDING)", "a window frame (ROWS or RANGE) is not supported yet"),
        ("SELECT SUM(a) OVER (ORDER BY b RANGE BETWEEN 1 PRECEDING AND CURRENT ROW)",
         "a window frame (ROWS or RANGE) is not supported yet"),
        ("SELECT f() OVER w", "a named window is not supported yet"),
        ("SELECT f() OVER", "unexpected end of input; expected '('"),
        ("SELECT f() OVER (PARTITION a)", "unexpected name \"a\"; expected BY"),
        ("SELECT f() OVER (ORDER BY a PARTITION BY b)", "unexpected keyword PARTITION; expected ',' or ')'"),
        ("SELECT count(*) AS over", "unexpected keyword OVER; expected an alias"),
        ("SELECT EXTRACT(FROM d)", "unexpected keyword FROM; expected a date field such as YEAR"),
        ("SELECT EXTRACT(YEAR d)", "unexpected name \"d\"; expected FROM"),
        ("SELECT current_date(1)", "unexpected number 1; expected ')'"),
        ("SELECT current_date AS current_date", "unexpected keyword CURRENT_DATE; expected an alias"),
    ]

    @Test(arguments: errorCases)
    func errorMessages(_ text: String, _ expected: String) {
        switch Parse.result(text) {
        case .success:
            Issue.record("expected an error for \(text)")
        case let .failure(diagnostic):
            #expect(diagnostic.fullMessage == expected, "\(text)")
        }
    }

    /// The caret of "did you mean |> X?" sits on the keyword that lacks its `|>`.
    @Test func missingPipeCaretIsOnTheKeyword() {
        #expect(Parse.error("FROM t\n|> WHERE a\nORDER BY b") == """
            Parser error at 3:1: unexpected keyword ORDER; did you mean |> ORDER BY?
              ORDER BY b
              ^^^^^
            """)
    }
}
