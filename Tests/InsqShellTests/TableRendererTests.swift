import InsqQuery
import InsqShell
import InsqStorage
import Testing

@Suite struct TableRendererTests {
    private func render(_ result: QueryResult, _ renderer: TableRenderer = TableRenderer()) -> [String] {
        var text = ""
        renderer.render(result, to: &text)
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func alignsWideCharactersNullsAndNumbers() {
        let result = Fixtures.result([
            ("city", .text, [.text("西宁"), .text("Hà Tĩnh"), .null]),
            ("n", .bigint, [.bigint(3), .bigint(12), .null]),
            ("amount", .decimal(precision: 14, scale: 2), [.decimal(1250, scale: 2), .null, .decimal(123400, scale: 2)]),
        ])
        #expect(render(result) == [
            "┌─────────┬──────┬─────────┐",
            "│ city    │    n │  amount │",
            "├─────────┼──────┼─────────┤",
            "│ 西宁    │    3 │   12.50 │",
            "│ Hà Tĩnh │   12 │    NULL │",
            "│ NULL    │ NULL │ 1234.00 │",
            "└─────────┴──────┴─────────┘",
            "3 rows",
        ])
    }

    @Test func combiningMarksTakeNoCell() {
        // "Hà Tĩnh" spelt with combining accents is as wide as the precomposed spelling.
        let result = Fixtures.result([("place", .text, [.text("Ha\u{300} Ti\u{303}nh"), .text("王芳")])])
        #expect(render(result, TableRenderer(style: .ascii)) == [
            "+---------+",
            "| place   |",
            "+---------+",
            "| Ha\u{300} Ti\u{303}nh |",
            "| 王芳    |",
            "+---------+",
            "2 rows",
        ])
    }

    @Test func doublesDatesAndBooleans() {
        let result = Fixtures.result([
            ("d", .double, [.double(0.5)]),
            ("on", .date, [.date(Int32(DateDays.parse("2024-05-31") ?? 0))]),
            ("ok", .boolean, [.boolean(true)]),
        ])
        #expect(render(result, TableRenderer(style: .ascii)) == [
            "+-----+------------+------+",
            "|   d | on         | ok   |",
            "+-----+------------+------+",
            "| 0.5 | 2024-05-31 | true |",
            "+-----+------------+------+",
            "1 row",
        ])
    }

    @Test func emptyResultShowsHeaderAndZeroRows() {
        let result = Fixtures.result([("name", .text, [])])
        #expect(render(result, TableRenderer(style: .ascii)) == ["+------+", "| name |", "+------+", "+------+", "0 rows"])
    }

    @Test func lineBreaksInTextStayOnOneLine() {
        let result = Fixtures.result([("t", .text, [.text("a\nb\tc")])])
        #expect(render(result, TableRenderer(style: .ascii))[3] == "| a\\nb\\tc |")
    }

    @Test func fortyRowsArePrintedWhole() {
        let result = Fixtures.result([("i", .bigint, (1...40).map { .bigint(Int64($0)) })])
        let lines = render(result, TableRenderer(style: .ascii))
        #expect(lines.count == 3 + 40 + 2)
        #expect(lines.last == "40 rows")
        #expect(!lines.contains { $0.contains("...") })
    }

    @Test func longResultsShowFirstAndLastRowsAndCountTheRest() {
        let result = Fixtures.result([
            ("i", .bigint, (1...1234).map { .bigint(Int64($0)) }),
            ("name", .text, (1...1234).map { .text("row \($0)") }),
        ])
        let lines = render(result, TableRenderer(style: .ascii))
        let body = Array(lines[3..<(lines.count - 2)])
        #expect(body.count == 41)
        #expect(body[0] == "|    1 | row 1    |")
        #expect(body[19] == "|   20 | row 20   |")
        #expect(body[20] == "|  ... | ...      |")
        #expect(body[21] == "| 1215 | row 1215 |")
        #expect(body[40] == "| 1234 | row 1234 |")
        #expect(lines.last == "1,234 rows (1,194 elided; first 20 and last 20 shown)")
    }

    @Test func fortyOneRowsElideOne() {
        let result = Fixtures.result([("i", .bigint, (1...41).map { .bigint(Int64($0)) })])
        let lines = render(result)
        #expect(lines.last == "41 rows (1 elided; first 20 and last 20 shown)")
        #expect(lines.contains("│ ... │"))
        #expect(!lines.contains("│  21 │"))
    }
}
