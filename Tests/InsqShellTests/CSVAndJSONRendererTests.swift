import InsqQuery
import InsqShell
import InsqStorage
import Testing

@Suite struct CSVAndJSONRendererTests {
    private var awkward: QueryResult {
        Fixtures.result([
            ("id", .bigint, [.bigint(1), .bigint(2), .bigint(3)]),
            ("text, quoted", .text, [.text("a,b"), .text("say \"hi\"\nnow"), .text("")]),
            ("amount", .decimal(precision: 14, scale: 2), [.decimal(-5, scale: 2), .null, .decimal(100, scale: 2)]),
            ("place", .text, [.text("西宁"), .null, .text("Hà Tĩnh")]),
        ])
    }

    @Test func csvQuotesAsRFC4180AndPrintsNullAsEmpty() {
        var text = ""
        CSVRenderer().render(awkward, to: &text)
        #expect(text == """
            id,"text, quoted",amount,place
            1,"a,b",-0.05,西宁
            2,"say ""hi""
            now",,
            3,"",1.00,Hà Tĩnh

            """)
    }

    @Test func csvPrintsEveryRow() {
        var text = ""
        CSVRenderer().render(Fixtures.result([("i", .bigint, (1...100).map { .bigint(Int64($0)) })]), to: &text)
        #expect(text.split(separator: "\n").count == 101)
    }

    @Test func jsonEscapesStringsAndLeavesNumbersBare() {
        var text = ""
        JSONRenderer().render(awkward, to: &text)
        #expect(text == """
            [
              {"id": 1, "text, quoted": "a,b", "amount": -0.05, "place": "西宁"},
              {"id": 2, "text, quoted": "say \\"hi\\"\\nnow", "amount": null, "place": null},
              {"id": 3, "text, quoted": "", "amount": 1.00, "place": "Hà Tĩnh"}
            ]

            """)
    }

    @Test func jsonControlCharactersDatesBooleansAndDoubles() {
        let result = Fixtures.result([
            ("t", .text, [.text("tab\there\u{1}\\")]),
            ("d", .date, [.date(0)]),
            ("b", .boolean, [.boolean(false)]),
            ("x", .double, [.double(2.5)]),
            ("nan", .double, [.double(.nan)]),
        ])
        var text = ""
        JSONRenderer().render(result, to: &text)
        #expect(text == "[\n  {\"t\": \"tab\\there\\u0001\\\\\", \"d\": \"1970-01-01\", \"b\": false, \"x\": 2.5, \"nan\": null}\n]\n")
    }

    @Test func jsonOfNoRowsIsAnEmptyArray() {
        var text = ""
        JSONRenderer().render(Fixtures.result([("i", .bigint, [])]), to: &text)
        #expect(text == "[]\n")
    }
}
