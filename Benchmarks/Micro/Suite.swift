import InsqData
import InsqQuery
import InsqStorage

/// The benchmarks and the data they share; each piece of data is built on first use, outside timing.
final class Suite {
    let options: Options
    private(set) lazy var data = Self.announce("tables t, d, s") {
        SyntheticData(rows: options.rows, seed: options.seed)
    }
    private(set) lazy var csv = Self.announce("CSV text") {
        CSVText.make(rows: csvRows, persons: max(100, options.rows / 20), seed: options.seed &+ 2)
    }
    private(set) lazy var baseline = Self.announce("1 GiB buffer") { BandwidthBaseline(bytes: 1 << 30) }
    var csvRows: Int { max(100, options.rows / 4) }

    init(options: Options) { self.options = options }

    /// Every benchmark, in the order they run and print.
    var entries: [Entry] {
        let dates = "paid_on BETWEEN DATE '2022-07-02' AND DATE '2024-12-31'"
        let fewPersons = max(1, max(100, options.rows / 20) / 10_000)
        let join = { (key: String, extra: String) in
            "SELECT d.province, count(*) AS n, sum(t.amount) AS total FROM t JOIN d ON t.\(key) = d.\(key)\(extra) GROUP BY d.province"
        }
        let tinyProbe = " WHERE t.id <= 1000"
        return [
            query("scan-sum", "SELECT sum(amount) FROM t", on: "t", ["amount"]),
            query("filter-30pct", "SELECT count(*) FROM t WHERE kind = 'x' AND \(dates)", on: "t", ["kind", "paid_on"],
                  percent: true),
            query("filter-0.01pct", "SELECT count(*) FROM t WHERE person_id BETWEEN 1 AND \(fewPersons)",
                  on: "t", ["person_id"], percent: true),
            query("agg-15-groups", "SELECT kind, count(*), sum(amount) FROM t GROUP BY kind", on: "t", ["kind", "amount"]),
            query("agg-1m-groups", "SELECT person_id, count(*), sum(amount) FROM t GROUP BY person_id",
                  on: "t", ["person_id", "amount"]),
            query("join-probe-filter", "SELECT count(*) FROM t WHERE id <= 1000",
                  on: "t", ["id"]),
        ] + ["person_id", "person_key"].flatMap { key -> [Entry] in
            let name = key == "person_id" ? "join-dense" : "join-hash"
            return [
                query(name, join(key, ""), on: "t", [key, "amount"], plus: "d", [key, "province"]),
                query("\(name)-tiny-probe", join(key, tinyProbe), on: "t", ["id"], plus: "d", [key, "province"]),
                .derived(name: "\(name) build~", plus: ["\(name)-tiny-probe"], minus: ["join-probe-filter"],
                         rows: { [unowned self] in data.dimensionRows },
                         bytes: { [unowned self] in data.bytes("d", key, "province") }),
                .derived(name: "\(name) probe~", plus: [name, "join-probe-filter"], minus: ["\(name)-tiny-probe"],
                         rows: { [unowned self] in data.factRows },
                         bytes: { [unowned self] in data.bytes("t", key, "amount") }),
            ]
        } + [
            query("sort", "SELECT count(*) FROM (SELECT id, amount FROM s ORDER BY amount DESC, id) x",
                  on: "s", ["id", "amount"]),
            query("top-25", "SELECT id, amount FROM s ORDER BY amount DESC, id LIMIT 25", on: "s", ["id", "amount"]),
            .measured(name: "csv-parse") { [unowned self] in
                let text = csv
                return Prepared(rows: csvRows, bytes: text.count) {
                    let options = CSVImportOptions(types: CSVText.types)
                    let result = try CSVImporter.importBytes(text, sourceName: "micro.csv", tableName: "c", options: options)
                    return "\(result.table.rowCount) rows"
                }
            },
            .measured(name: "bandwidth-1t") { [unowned self] in
                let b = baseline
                return Prepared(rows: b.values.count, bytes: b.values.count * 8) { "sum \(b.sum())" }
            },
            .measured(name: "bandwidth-2t") { [unowned self] in
                let b = baseline
                return Prepared(rows: b.values.count, bytes: b.values.count * 8) { "sum \(b.sum(threads: 2))" }
            },
        ]
    }

    /// A SQL query over the synthetic tables; its rows are those of `table` (plus `other`), its bytes those
    /// of the named columns. With `percent`, the check shows the count as a share of t's rows.
    private func query(_ name: String, _ sql: String, on table: String, _ columns: [String],
                       plus other: String? = nil, _ otherColumns: [String] = [], percent: Bool = false) -> Entry {
        .measured(name: name) { [unowned self] in
            let data = data
            let catalog = data.catalog
            let rows = [table, other].compactMap { $0 }.reduce(0) { $0 + (catalog.table(named: $1)?.rowCount ?? 0) }
            let bytes = columns.reduce(0) { $0 + data.bytes(table, $1) }
                + otherColumns.reduce(0) { $0 + data.bytes(other ?? "", $1) }
            return Prepared(rows: rows, bytes: bytes) {
                let result = try QueryEngine.run(sql, catalog: catalog)
                return Self.check(result, percentOf: percent ? data.factRows : nil)
            }
        }
    }

    /// A short text that shows the result is right: the single row's values, or the number of rows.
    private static func check(_ result: QueryResult, percentOf total: Int?) -> String {
        guard result.rowCount == 1 else { return "\(result.rowCount) rows" }
        let text = result.columns.map { $0.value(at: 0).description }.joined(separator: " | ")
        guard let total, case let .bigint(n) = result.columns[0].value(at: 0) else { return text }
        return text + " (" + Report.fixed(Double(n) * 100 / Double(total), 3) + " %)"
    }

    private static func announce<T>(_ what: String, _ make: () -> T) -> T {
        let start = Runner.now()
        let value = make()
        Report.note("built \(what) in \(Report.fixed(Double(Runner.now() - start) / 1e6, 0)) ms")
        return value
    }
}
