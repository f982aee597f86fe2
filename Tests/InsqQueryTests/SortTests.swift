import InsqStorage
import Testing
@testable import InsqQuery

/// The packed-key sort and the streaming top-N against a plain reference: a stable sort with a comparator written
/// out per type, on seeded random columns of every type with many ties and NULLs.
struct SortTests {
    @Test func sortMatchesTheReferenceForEveryKeyType() {
        var random = SortTestGenerator(seed: 7)
        for rows in [0, 1, 2, 5, 33, 700, 5000] {
            let table = SortTestData.table(rows: rows, using: &random)
            for _ in 0..<12 {
                let keys = SortTestData.keys(columns: table.count, using: &random)
                #expect(RowSorter.order(table, keys: keys, rowCount: rows) == SortTestData.reference(table, keys, rows),
                        "rows \(rows), keys \(keys)")
            }
        }
    }

    /// Full-range integers need a NULL flag beside the 64-bit values, and three of them no longer fit in 128 bits.
    @Test func keysWiderThanTwoWordsStillSortStably() {
        var random = SortTestGenerator(seed: 11)
        let rows = 3000
        let extremes: [Value] = [.bigint(.min), .bigint(.max), .bigint(0), .bigint(-1), .null]
        let table = (0..<3).map { _ in
            SortTestData.column(.bigint, rows: rows, using: &random) { random in
                random.chance(0.5) ? extremes[Int(random.next() % 5)] : .bigint(Int64(bitPattern: random.next()))
            }
        }
        for directions in [(false, true), (true, false), (true, true)] {
            let keys = (0..<3).map { SortKey(column: $0, isDescending: directions.0, nullsFirst: directions.1) }
            for count in 1...3 {
                let used = Array(keys.prefix(count))
                #expect(RowSorter.order(table, keys: used, rowCount: rows) == SortTestData.reference(table, used, rows))
            }
        }
    }

    @Test func topNIsTheFullSortsPrefix() throws {
        var random = SortTestGenerator(seed: 23)
        // Over 4 batches' worth of rows, so that the buffer is cut and later batches meet a threshold.
        for rows in [0, 3, 2500, 30_000] {
            let table = SortTestData.table(rows: rows, using: &random)
            for count in [0, 1, 7, 100, 2049, 12_000, 40_000] {
                let keys = SortTestData.keys(columns: table.count, using: &random)
                let expected = Array(SortTestData.reference(table, keys, rows).prefix(count))
                var source = SortTestSource(table, rows: rows, using: &random)
                let topN = TopNOperator(child: source, keys: keys, types: table.map(\.type), count: count)
                #expect(try SortTestData.rowIDs(topN, idColumn: table.count - 1) == expected,
                        "rows \(rows), count \(count), keys \(keys)")
                // The id column is the row number, so the same ids mean the same rows in the same order.
                source = SortTestSource(table, rows: rows, using: &random)
                let sort = SortOperator(child: source, keys: keys, types: table.map(\.type))
                #expect(try Array(SortTestData.rowIDs(sort, idColumn: table.count - 1).prefix(count)) == expected)
            }
        }
    }

    /// Radix sort on one to three threads, with the split shared from 64 rows up, equals a comparison sort; the
    /// bit ranges leave low bits out (they keep input order) and skewed values leave most rows in one bucket.
    @Test func radixSortOnThreadsEqualsComparisonSort() {
        var random = SortTestGenerator(seed: 31)
        for rows in [2, 17, 300, 20_000] {
            let narrow = (0..<rows).map { i in (random.chance(0.7) ? random.next() % 4 : random.next() >> 12) << 20 | UInt64(i) }
            let wide = narrow.map { x in
                var w = WideKey()
                w.high = x >> 40
                w.low = x << 24
                return w
            }
            for threads in 1...3 {
                var a = narrow
                RadixSort.sort(&a, bits: 20..<64, threads: threads, parallelRows: 64)
                #expect(a == narrow.sorted())
                // Below the range: the row number, in input order, as in `RowSorter`'s records.
                var b = wide
                let expected = b.sorted()
                RadixSort.sort(&b, bits: 44..<88, threads: threads, parallelRows: 64)
                #expect(b == expected)
            }
        }
    }

    @Test func windowOrderFollowsTheSameRules() throws {
        var runner = StatementRunner()
        try runner.perform("CREATE TABLE t (g TEXT, x DOUBLE)")
        try runner.perform("INSERT INTO t VALUES ('a', 2.0), (NULL, 1.0), ('a', NULL), ('b', -0.0), ('a', 2.0), ('b', 0.0)")
        // DESC puts NULL last in its partition; -0 and 0 are peers.
        let rows = try runner.rows("SELECT g, x, rank() OVER (PARTITION BY g ORDER BY x DESC) FROM t "
                                   + "ORDER BY g NULLS FIRST, x NULLS LAST")
        #expect(rows == ["NULL\t1.0\t1", "a\t2.0\t1", "a\t2.0\t1", "a\tNULL\t3", "b\t0.0\t1", "b\t0.0\t1"])
    }
}

/// SplitMix64, so that a failing case fails the same way every run.
struct SortTestGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}

/// Random tables for the sort tests and the reference order.
enum SortTestData {
    static let doubles: [Double] = [-0.0, 0.0, 1.5, -1.5, .infinity, -.infinity, .nan, -.nan, 1e300, -1e-300, 2]
    static let texts = ["", "a", "A", "ab", "b", "é", "e\u{301}", "Z", "zz", "日本", "a "]

    /// One column of each key type (small value pools: many ties; some NULLs), then a BIGINT row id.
    static func table(rows: Int, using random: inout SortTestGenerator) -> [Column] {
        let generators: [(DataType, (inout SortTestGenerator) -> Value)] = [
            (.bigint, { .bigint(Int64($0.next() % 7) - 3) }),
            (.decimal(precision: 10, scale: 2), { .decimal(Int64($0.next() % 2000) - 1000, scale: 2) }),
            (.date, { .date(Int32($0.next() % 5) - 2) }),
            (.double, { .double(doubles[Int($0.next() % UInt64(doubles.count))]) }),
            (.boolean, { .boolean($0.next() & 1 == 0) }),
            (.text, { .text(texts[Int($0.next() % UInt64(texts.count))]) }),
            (.bigint, { .bigint(Int64(bitPattern: $0.next() >> 20)) }),
        ]
        let columns = generators.map { type, value in
            column(type, rows: rows, using: &random) { random in random.chance(0.2) ? .null : value(&random) }
        }
        var ids = ColumnBuilder(type: .bigint)
        for i in 0..<rows { ids.append(.bigint(Int64(i))) }
        return columns + [ids.build()]
    }

    static func column(_ type: DataType, rows: Int, using random: inout SortTestGenerator,
                       _ value: (inout SortTestGenerator) -> Value) -> Column {
        var builder = ColumnBuilder(type: type)
        for _ in 0..<rows { builder.append(value(&random)) }
        return builder.build()
    }

    /// One to three keys over the columns before the row id, each direction and NULL placement.
    static func keys(columns: Int, using random: inout SortTestGenerator) -> [SortKey] {
        (0..<Int(1 + random.next() % 3)).map { _ in
            SortKey(column: Int(random.next() % UInt64(columns - 1)), isDescending: random.next() & 1 == 0,
                    nullsFirst: random.next() & 1 == 0)
        }
    }

    static func reference(_ columns: [Column], _ keys: [SortKey], _ rows: Int) -> [Int] {
        Array(0..<rows).sorted { a, b in
            for key in keys {
                let c = compare(columns[key.column].value(at: a), columns[key.column].value(at: b), key)
                if c != 0 { return c < 0 }
            }
            return a < b
        }
    }

    /// NULLs where the key puts them; DESC reverses values only; NaN after every number; -0 ties with 0; text by UTF-8 bytes.
    static func compare(_ x: Value, _ y: Value, _ key: SortKey) -> Int {
        switch (x, y) {
        case (.null, .null): return 0
        case (.null, _): return key.nullsFirst ? -1 : 1
        case (_, .null): return key.nullsFirst ? 1 : -1
        default:
            let c = compareValues(x, y)
            return key.isDescending ? -c : c
        }
    }

    static func compareValues(_ x: Value, _ y: Value) -> Int {
        func three<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a > b ? 1 : 0) }
        switch (x, y) {
        case let (.bigint(a), .bigint(b)), let (.decimal(a, _), .decimal(b, _)): return three(a, b)
        case let (.date(a), .date(b)): return three(a, b)
        case let (.boolean(a), .boolean(b)): return three(a ? 1 : 0, b ? 1 : 0)
        case let (.text(a), .text(b)):
            let p = Array(a.utf8), q = Array(b.utf8)
            return p.lexicographicallyPrecedes(q) ? -1 : (q.lexicographicallyPrecedes(p) ? 1 : 0)
        case let (.double(a), .double(b)):
            if a.isNaN || b.isNaN { return three(a.isNaN ? 1 : 0, b.isNaN ? 1 : 0) }
            return three(a, b)
        default: preconditionFailure("mixed types")
        }
    }

    /// The row ids (the column at `idColumn`) an operator returns.
    static func rowIDs(_ op: PhysicalOperator, idColumn: Int) throws -> [Int] {
        var ids: [Int] = []
        while let batch = try op.next() {
            ids += batch.columns[idColumn].int64s.map { Int($0) }
        }
        return ids
    }
}

/// Serves columns in batches of random sizes, with text sometimes as plain strings and sometimes under a dictionary
/// of its own, as computed text arrives.
final class SortTestSource: PhysicalOperator {
    private let columns: [Column]
    private let rows: Int
    private var position = 0
    private var random: SortTestGenerator

    init(_ columns: [Column], rows: Int, using random: inout SortTestGenerator) {
        self.columns = columns
        self.rows = rows
        self.random = SortTestGenerator(seed: random.next())
    }

    func next() throws -> Batch? {
        guard position < rows else { return nil }
        let end = min(rows, position + 1 + Int(random.next() % UInt64(batchSize)))
        let range = position..<end
        position = end
        let style = random.next() % 3
        let vectors = columns.map { column -> Vector in
            var v = VectorConversion.vector(from: column, range: range)
            if case let .text(text) = v.data, style > 0 {
                let strings = text.strings
                let codes = strings.indices.map { UInt32($0) }
                v.data = style == 1 ? .text(.strings(strings)) : .text(.coded(codes, TextDictionary(strings)))
            }
            return v
        }
        return Batch(columns: vectors, count: range.count)
    }
}
