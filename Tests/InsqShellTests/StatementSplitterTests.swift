import InsqShell
import Testing

@Suite struct StatementSplitterTests {
    private func texts(_ script: String) -> [String] {
        StatementSplitter.split(script).map(\.text)
    }

    @Test func splitsAtSemicolons() {
        #expect(texts("SELECT 1; SELECT 2;\nSELECT 3;") == ["SELECT 1;", "SELECT 2;", "SELECT 3;"])
    }

    @Test func semicolonInsideStringsAndQuotedIdentifiersDoesNotEnd() {
        #expect(texts("SELECT 'a;b', \"x;y\", `p;q` FROM t;") == ["SELECT 'a;b', \"x;y\", `p;q` FROM t;"])
        #expect(texts("SELECT 'it''s; here';") == ["SELECT 'it''s; here';"])
    }

    @Test func semicolonInsideCommentsDoesNotEnd() {
        let script = "SELECT 1 -- not; the end\n, 2 /* nor; this */;\nSELECT 3;"
        #expect(texts(script) == ["SELECT 1 -- not; the end\n, 2 /* nor; this */;", "SELECT 3;"])
    }

    @Test func blockCommentSpansLines() {
        let inputs = StatementSplitter.split("/* a;\nb; */ SELECT 1;")
        #expect(inputs == [CompleteInput(text: "/* a;\nb; */ SELECT 1;", line: 1, kind: .sql)])
    }

    @Test func tracksTheStartingLineOfEachStatement() {
        let script = "-- leading comment\n\nSELECT 1;\n\n  SELECT\n    2;\n.tables\nSELECT 3; SELECT 4;"
        let inputs = StatementSplitter.split(script)
        #expect(inputs == [
            CompleteInput(text: "SELECT 1;", line: 3, kind: .sql),
            CompleteInput(text: "SELECT\n    2;", line: 5, kind: .sql),
            CompleteInput(text: ".tables", line: 7, kind: .metaCommand),
            CompleteInput(text: "SELECT 3;", line: 8, kind: .sql),
            CompleteInput(text: "SELECT 4;", line: 8, kind: .sql),
        ])
    }

    @Test func metaCommandOnlyWhenNoStatementIsPending() {
        let inputs = StatementSplitter.split("SELECT\n.tables\n;\n  .mode csv  ")
        #expect(inputs == [
            CompleteInput(text: "SELECT\n.tables\n;", line: 1, kind: .sql),
            CompleteInput(text: ".mode csv", line: 4, kind: .metaCommand),
        ])
    }

    @Test func unfinishedLastStatementIsStillReturned() {
        #expect(StatementSplitter.split("SELECT 1;\nSELECT 2\n\n") == [
            CompleteInput(text: "SELECT 1;", line: 1, kind: .sql),
            CompleteInput(text: "SELECT 2", line: 2, kind: .sql),
        ])
    }

    @Test func emptyStatementsAndCommentOnlyTextAreDropped() {
        #expect(texts(";;\n-- only a comment\n/* and another */\n  ;") == [])
    }

    @Test func carriageReturnLineEndings() {
        #expect(StatementSplitter.split("SELECT 1;\r\nSELECT\r\n 2;\r\n") == [
            CompleteInput(text: "SELECT 1;", line: 1, kind: .sql),
            CompleteInput(text: "SELECT\n 2;", line: 2, kind: .sql),
        ])
    }

    @Test func completeness() {
        #expect(StatementSplitter.isComplete("SELECT 1;"))
        #expect(StatementSplitter.isComplete("SELECT 1;  -- done"))
        #expect(StatementSplitter.isComplete(".tables"))
        #expect(StatementSplitter.isComplete(""))
        #expect(StatementSplitter.isComplete("-- just a comment"))
        #expect(!StatementSplitter.isComplete("SELECT 1"))
        #expect(!StatementSplitter.isComplete("SELECT ';"))
        #expect(!StatementSplitter.isComplete("SELECT \"a;"))
        #expect(!StatementSplitter.isComplete("SELECT 1 -- ;"))
        #expect(!StatementSplitter.isComplete("SELECT 1 /* ; */"))
        #expect(!StatementSplitter.isComplete("/* open comment ;"))
        #expect(!StatementSplitter.isComplete("SELECT 1; SELECT 2"))
        #expect(StatementSplitter.isComplete("SELECT '西宁;\nHà Tĩnh';"))
    }

    @Test func feedingLineByLineReportsPending() {
        var splitter = StatementSplitter()
        #expect(splitter.feed(line: "SELECT name", lineNumber: 1) == [])
        #expect(splitter.isPending)
        #expect(splitter.feed(line: "FROM persons; SELECT", lineNumber: 2)
                == [CompleteInput(text: "SELECT name\nFROM persons;", line: 1, kind: .sql)])
        #expect(splitter.isPending)
        splitter.reset()
        #expect(!splitter.isPending)
        #expect(splitter.feed(line: ".mode", lineNumber: 3) == [CompleteInput(text: ".mode", line: 3, kind: .metaCommand)])
    }
}
