import InsqQuery
import InsqShell
import InsqStorage
import Testing

@Suite struct TSVAndMarkdownRendererTests {
    private var awkward: QueryResult {
        Fixtures.result([
            ("id", .bigint, [.bigint(1), .bigint(22), .bigint(3)]),
            ("note|pipe", .text, [.text("a|b"), .text("tab\there\nnext \\ back"), .text("")]),
            ("amount", .decimal(precision: 14, scale: 2), [.decimal(-5, scale: 2), .null, .decimal(100_000, scale: 2)]),
            ("place", .text, [.text("西宁"), .null, .text("Hà Tĩnh")]),
        ])
    }

    @Test func tsvEscapesTabsLineBreaksAndBackslashes() {
        var text = ""
        TSVRenderer().render(awkward, to: &text)
        #expect(text == "id\tnote|pipe\tamount\tplace\n"
            + "1\ta|b\t-0.05\t西宁\n"
            + "22\ttab\\there\\nnext \\\\ back\t\t\n"
            + "3\t\t1000.00\tHà Tĩnh\n")
    }

    @Test func markdownIsAPipeTableWithNumbersRightAligned() {
        var text = ""
        MarkdownRenderer().render(awkward, to: &text)
        #expect(text == #"""
            |   id | note\|pipe             |  amount | place   |
            | ---: | ---------------------- | ------: | ------- |
            |    1 | a\|b                   |   -0.05 | 西宁    |
            |   22 | tab\there\nnext \ back |    NULL | NULL    |
            |    3 |                        | 1000.00 | Hà Tĩnh |

            """#)
    }

    @Test func markdownOfNoRowsKeepsTheHeader() {
        var text = ""
        MarkdownRenderer().render(Fixtures.result([("n", .bigint, []), ("t", .text, [])]), to: &text)
        #expect(text == "|    n | t   |\n| ---: | --- |\n")
    }

    @Test func modesAreChosenByName() {
        let transcript = Transcript(Fixtures.session(), [".mode tsv", "SELECT * FROM payments;", ".mode markdown",
                                                         "SELECT * FROM payments;", ".mode"])
        #expect(transcript.output.hasPrefix("payment_id\tperson_id\tamount\tpaid_on\n10\t1\t12.50\t2024-05-01\n11\t2\t\t\n"))
        #expect(transcript.output.contains("| payment_id | person_id | amount | paid_on    |\n"))
        #expect(transcript.output.hasSuffix("current output mode: markdown\n"))
    }
}
