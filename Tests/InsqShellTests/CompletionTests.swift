import InsqSyntax
import InsqShell
import Testing

@Suite struct CompletionTests {
    private let completion = Completion(catalog: Fixtures.catalog)

    private func candidates(_ text: String) -> [String] {
        completion.complete(text).candidates
    }

    @Test func metaCommands() {
        #expect(candidates(".sch") == [".schema"])
        #expect(candidates(".") == [".exit", ".help", ".import", ".memory", ".mode", ".once", ".open", ".output", ".quit", ".read",
                                    ".save", ".schema", ".tables", ".timer"])
        #expect(candidates(".t") == [".tables", ".timer"])
        #expect(candidates(".x") == [])
    }

    @Test func metaCommandArguments() {
        #expect(candidates(".schema p") == ["payments", "persons"])
        #expect(candidates(".schema ") == ["payments", "persons"])
        #expect(candidates(".mode c") == ["csv"])
        #expect(candidates(".timer o") == ["off", "on"])
        #expect(candidates(".schema persons ") == [])
        #expect(candidates(".tables ") == [])
        #expect(candidates(".mode ") == ["csv", "json", "markdown", "table", "tsv"])
        #expect(candidates(".import data.csv --s") == ["--skip-bad-rows"])
        #expect(candidates(".import data.csv t -") == ["--delimiter", "--skip-bad-rows", "--types"])
    }

    @Test func keywordsFollowTheTypedCase() {
        #expect(candidates("sel") == ["select"])
        #expect(candidates("SEL") == ["SELECT"])
        #expect(candidates("SELECT * FROM persons WHERE status IS NO") == ["NOT"])
    }

    @Test func tablesAfterFrom() {
        #expect(candidates("SELECT * FROM p") == ["payments", "persons"])
        #expect(candidates("SELECT * FROM pe") == ["persons"])
        #expect(candidates("select * from payments join ") == ["payments", "persons"])
    }

    @Test func columnsOfTheTablesMentioned() {
        #expect(candidates("SELECT pa") == ["paid_on", "partition", "payment_id", "payments"])
        #expect(candidates("SELECT nam") == ["name"])
        #expect(candidates("SELECT a FROM payments WHERE pe") == ["person_id", "persons"])
    }

    @Test func qualifiedColumnsThroughTableNamesAndAliases() {
        #expect(candidates("SELECT persons.") == ["name", "person_id", "status"])
        #expect(candidates("SELECT x.a FROM payments AS x WHERE x.pa") == ["paid_on", "payment_id"])
        #expect(candidates("SELECT * FROM persons p WHERE p.st") == ["status"])
    }

    @Test func functions() {
        #expect(candidates("SELECT coa") == ["coalesce"])
        #expect(candidates("SELECT su") == ["substr", "substring", "sum"])
    }

    @Test func nothingInsideStringsOrComments() {
        #expect(candidates("SELECT 'pe") == [])
        #expect(candidates("SELECT 1 -- pe") == [])
        #expect(candidates("SELECT /* pe") == [])
        #expect(candidates("SELECT 'a' || pe") == ["person_id", "persons"])
    }

    @Test func wordAndCommonPrefix() {
        let result = completion.complete("SELECT * FROM P")
        #expect(result.word == "P")
        #expect(result.commonPrefix == "p")
        #expect(CompletionResult(word: "re", candidates: ["region_code", "regions"]).commonPrefix == "region")
        #expect(CompletionResult(word: "x", candidates: []).commonPrefix == "x")
    }

    @Test func unicodeWords() {
        #expect(CompletionResult(word: "西", candidates: ["西宁", "西安"]).commonPrefix == "西")
        #expect(Completion(catalog: .init([Fixtures.table("西宁", [("地区", .text, [])])])).complete("SELECT * FROM 西").candidates == ["西宁"])
    }

    @Test func listingFitsTheWidth() {
        let result = CompletionResult(word: "", candidates: ["alpha", "beta", "gamma", "delta", "西宁"])
        #expect(result.listing(width: 80) == "alpha  beta   gamma  delta  西宁\n")
        #expect(result.listing(width: 15) == "alpha  delta\nbeta   西宁\ngamma\n")
        #expect(result.listing(width: 1) == "alpha\nbeta\ngamma\ndelta\n西宁\n")
    }

    @Test func nearestName() {
        #expect(NameSuggestion.nearest(to: "tabels", in: ["tables", "timer"]) == "tables")
        #expect(NameSuggestion.nearest(to: "prsons", in: ["persons", "payments"]) == "persons")
        #expect(NameSuggestion.nearest(to: "xyz", in: ["persons", "payments"]) == nil)
        #expect(NameSuggestion.nearest(to: "a", in: ["b"]) == nil)
    }
}
