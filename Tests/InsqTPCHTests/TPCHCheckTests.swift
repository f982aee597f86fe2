@testable import InsqTestSupport
import InsqStorage
import Testing

/// The pieces of the TPC-H check that decide a verdict: the SQLite rewrite, the order marker and the tolerance.
struct TPCHCheckTests {
    @Test func dateLiteralsBecomePlainStringsForSQLite() {
        #expect(TPCHCheck.sqliteText("WHERE l_shipdate <= DATE '1998-09-02' AND o_orderdate < date  '1995-03-15'")
            == "WHERE l_shipdate <= '1998-09-02' AND o_orderdate < '1995-03-15'")
        #expect(TPCHCheck.sqliteText("SELECT o_orderdate, l_shipdate FROM t") == "SELECT o_orderdate, l_shipdate FROM t")
    }

    @Test func orderPartialMarkerMakesRowsAMultiset() {
        #expect(TPCHQuery.isOrdered("-- Q1\nSELECT 1;"))
        #expect(!TPCHQuery.isOrdered("-- Q3\n-- order: partial\nSELECT 1;"))
    }

    @Test func everyQueryFileIsThere() throws {
        for query in TPCHQuery.all() {
            let text = try query.text()
            #expect(text.hasPrefix("-- TPC-H Q\(query.number),"), "\(query.relativePath) starts with its name")
        }
    }

    @Test func numbersAgreeWithinACent() {
        let comparison = AnswerComparison(types: [.text, .double], relativeTolerance: TPCHCheck.relativeTolerance,
                                          absoluteTolerance: TPCHCheck.absoluteTolerance)
        let insq = EngineAnswer.rows([["A", "532348211.65"], ["B", "12.5"]])
        let close = EngineAnswer.rows([["A", "532348211.649998"], ["B", "12.509"]])
        let far = EngineAnswer.rows([["A", "532348211.65"], ["B", "12.52"]])
        #expect(comparison.compare(insq: insq, sqlite: close, isOrdered: true) == .agree(rows: 2))
        #expect(comparison.compare(insq: insq, sqlite: far, isOrdered: true) == .differ("different rows"))
    }

    @Test func orderMattersOnlyWhenTheQueryFixesIt() {
        let comparison = AnswerComparison(types: [.bigint], relativeTolerance: TPCHCheck.relativeTolerance,
                                          absoluteTolerance: TPCHCheck.absoluteTolerance)
        let insq = EngineAnswer.rows([["1"], ["2"]]), sqlite = EngineAnswer.rows([["2"], ["1"]])
        #expect(comparison.compare(insq: insq, sqlite: sqlite, isOrdered: false) == .agree(rows: 2))
        #expect(comparison.compare(insq: insq, sqlite: sqlite, isOrdered: true) == .differ("same rows in a different order"))
    }
}
