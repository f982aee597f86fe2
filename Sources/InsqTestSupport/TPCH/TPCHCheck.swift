import Foundation
import InsqShell
import InsqStorage

/// Runs a TPC-H query in insq and in SQLite on the tables of `Tests/TPCH/sf0.01` and compares the answers.
///
/// Numbers agree within 1e-9 relative plus 0.01 absolute: insq reads the prices as exact DECIMALs, SQLite as
/// REALs that it sums in floating point. Rows are compared in order unless the query's file says
/// `-- order: partial`.
public enum TPCHCheck {
    static let relativeTolerance = 1e-9
    static let absoluteTolerance = 0.01

    /// nil when insq's answer equals SQLite's, else a message showing how they differ. insq is cancelled after
    /// `timeLimit` seconds, which is reported as a difference.
    public static func difference(_ query: TPCHQuery, timeLimit: Double) throws -> String? {
        let text = try query.text()
        guard let outcome = try sqliteOutcomes.get()[query.number] else {
            throw HarnessError("SQLite did not run \(query.name)")
        }
        let (mine, types, _) = RandomQueryRunner.insqAnswer(text, catalog: try catalog(), timeLimit: timeLimit)
        let theirs = RandomQueryRunner.sqliteAnswer(outcome, types: types)
        let comparison = AnswerComparison(types: types ?? [], relativeTolerance: relativeTolerance,
                                          absoluteTolerance: absoluteTolerance)
        let isOrdered = TPCHQuery.isOrdered(text)
        let reason: String
        switch comparison.compare(insq: mine, sqlite: theirs, isOrdered: isOrdered) {
        case .agree:
            return nil
        case .bothFailed:
            reason = "both failed"
        case let .differ(why):
            reason = why
        }
        return "\(query.relativePath): insq and SQLite differ (\(reason))\n"
            + comparison.describeDifference(insq: mine, sqlite: theirs, isOrdered: isOrdered)
    }

    /// The eight TPC-H tables, loaded once per test process as `insq Tests/TPCH/sf0.01/*.csv` loads them
    /// (types inferred from the values).
    public static func catalog() throws(HarnessError) -> Catalog {
        try loadedCatalog.get()
    }

    private static let loadedCatalog: Result<Catalog, HarnessError> = {
        let folder = TestPaths.tpchData
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let paths = names.filter { $0.hasSuffix(".csv") }.sorted().map { folder.appendingPathComponent($0).path }
        guard paths.count == 8 else {
            return .failure(HarnessError("\(TestPaths.relative(folder.path)) holds \(paths.count) CSV files, not the 8 TPC-H tables"))
        }
        let session = Session(catalog: Catalog())
        var errors = ""
        guard session.loadFiles(paths, errors: &errors) == .success else {
            return .failure(HarnessError("cannot load \(TestPaths.relative(folder.path)): \(errors)"))
        }
        return .success(session.catalog)
    }()

    /// Indexes on the TPC-H keys, made before the queries run. They change no answer, but without them SQLite
    /// runs the correlated subqueries of Q21 as nested scans of lineitem (160 s instead of 0.2 s).
    static let sqliteSetup = [
        "CREATE INDEX lineitem_order ON lineitem (l_orderkey)",
        "CREATE INDEX lineitem_part_supplier ON lineitem (l_partkey, l_suppkey)",
        "CREATE INDEX orders_key ON orders (o_orderkey)",
        "CREATE INDEX orders_customer ON orders (o_custkey)",
        "CREATE INDEX customer_key ON customer (c_custkey)",
        "CREATE INDEX part_key ON part (p_partkey)",
        "CREATE INDEX partsupp_key ON partsupp (ps_partkey, ps_suppkey)",
        "CREATE INDEX supplier_key ON supplier (s_suppkey)",
        "CREATE INDEX nation_key ON nation (n_nationkey)",
        "ANALYZE",
    ]

    /// SQLite's answers to all 22 queries by number, computed once per test process in one run of
    /// run_sqlite.py (which loads the CSV files with inferred column types).
    private static let sqliteOutcomes: Result<[Int: SQLiteHarness.Outcome], HarnessError> = {
        let queries = TPCHQuery.all()
        do {
            let texts = try queries.map { try sqliteText($0.text()) }
            let outcomes = try SQLiteHarness.run(sqliteSetup + texts, fixtures: TestPaths.tpchData,
                                                 declaresBuiltinTypes: false)
            for (statement, outcome) in zip(sqliteSetup, outcomes) {
                if case let .error(message) = outcome { return .failure(HarnessError("SQLite: \(statement): \(message)")) }
            }
            let answers = outcomes.dropFirst(sqliteSetup.count)
            return .success(Dictionary(uniqueKeysWithValues: zip(queries.map(\.number), answers)))
        } catch let error as HarnessError {
            return .failure(error)
        } catch {
            return .failure(HarnessError("cannot read the TPC-H queries: \(error)"))
        }
    }()

    /// The query as SQLite is given it. SQLite has no `DATE 'YYYY-MM-DD'` literal (it takes DATE for a column
    /// name) and holds dates as ISO text, so for SQLite only each such literal becomes the plain string, which
    /// compares with the date columns in the same order.
    static func sqliteText(_ sql: String) -> String {
        sql.replacing(/(?i)\bDATE\s+'/, with: "'")
    }
}
