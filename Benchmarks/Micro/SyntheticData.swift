import InsqData
import InsqStorage

/// The synthetic tables: fact `t`, dimension `d` and the sort table `s` (the first quarter of `t`).
///
/// t(id BIGINT 1..n, person_id BIGINT uniform in 1..m, person_key BIGINT = person_id × 1,000,003,
///   paid_on DATE uniform over 2020-01-01..2024-12-31 with 1 % NULL, amount DECIMAL(14,2) uniform
///   in 1.00..10000.00, kind TEXT: 'x' 60 %, 14 other values 40 %);
/// d(person_id BIGINT 1..m, person_key BIGINT, province TEXT of 10 values), m = n / 20.
struct SyntheticData {
    static let kinds = ["x"] + (1...14).map { "k\($0 < 10 ? "0" : "")\($0)" }
    static let provinces = ["Qinghai", "Ha Tinh", "Bac Giang", "Gansu", "Yunnan",
                            "Nghe An", "Guizhou", "Thanh Hoa", "Tibet", "Quang Binh"]
    static let keyStride: Int64 = 1_000_003
    static let firstDay = Int32(DateDays.days(year: 2020, month: 1, day: 1))
    static let dayCount = DateDays.days(year: 2025, month: 1, day: 1) - Int(firstDay)

    let catalog: Catalog
    let factRows: Int
    let dimensionRows: Int
    let sortRows: Int

    init(rows: Int, seed: UInt64) {
        factRows = rows
        dimensionRows = max(100, rows / 20)
        sortRows = max(100, rows / 4)
        let t = Self.fact(rows: rows, persons: dimensionRows, seed: seed)
        let d = Self.dimension(rows: dimensionRows, seed: seed &+ 1)
        let s = Table(name: "s", schema: [t.schema[0], t.schema[4]],
                      columns: [Self.prefix(t.columns[0], sortRows), Self.prefix(t.columns[4], sortRows)])
        catalog = Catalog([t, d, s])
    }

    /// Bytes of the named columns of a table (values, null bitmap, dictionary), as the engine counts them.
    func bytes(_ table: String, _ columns: String...) -> Int {
        guard let t = catalog.table(named: table) else { return 0 }
        return columns.reduce(0) { sum, name in sum + (t.columnIndex(name).map { t.columns[$0].byteSize } ?? 0) }
    }

    private static func fact(rows n: Int, persons m: Int, seed: UInt64) -> Table {
        var rng = SeededRandom(seed: seed, stream: 0)
        var ids = [Int64](repeating: 0, count: n), persons = ids, keys = ids, amounts = ids
        var days = [Int32](repeating: 0, count: n)
        var kinds = [UInt32](repeating: 0, count: n)
        var validity = ValidityBitmap(count: n)
        for i in 0..<n {
            let p = Int64(rng.below(m) + 1)
            ids[i] = Int64(i + 1)
            persons[i] = p
            keys[i] = p &* keyStride
            days[i] = firstDay &+ Int32(rng.below(dayCount))
            if rng.below(100) == 0 { validity.set(i, valid: false) }
            amounts[i] = Int64(100 + rng.below(999_901))
            let k = rng.below(100)
            kinds[i] = k < 60 ? 0 : UInt32(1 + (k - 60) % 14)
        }
        let big = DataType.bigint
        return Table(name: "t", schema: [
            ColumnSchema(name: "id", type: big), ColumnSchema(name: "person_id", type: big),
            ColumnSchema(name: "person_key", type: big), ColumnSchema(name: "paid_on", type: .date),
            ColumnSchema(name: "amount", type: .decimal(precision: 14, scale: 2)), ColumnSchema(name: "kind", type: .text),
        ], columns: [
            Column(type: big, data: .int64(ids)), Column(type: big, data: .int64(persons)),
            Column(type: big, data: .int64(keys)), Column(type: .date, data: .int32(days), validity: validity),
            Column(type: .decimal(precision: 14, scale: 2), data: .int64(amounts)),
            Column(type: .text, data: .text(kinds, TextDictionary(Self.kinds))),
        ])
    }

    private static func dimension(rows m: Int, seed: UInt64) -> Table {
        var rng = SeededRandom(seed: seed, stream: 0)
        let ids = (1...Int64(m)).map { $0 }
        let codes = (0..<m).map { _ in UInt32(rng.below(provinces.count)) }
        return Table(name: "d", schema: [
            ColumnSchema(name: "person_id", type: .bigint), ColumnSchema(name: "person_key", type: .bigint),
            ColumnSchema(name: "province", type: .text),
        ], columns: [
            Column(type: .bigint, data: .int64(ids)), Column(type: .bigint, data: .int64(ids.map { $0 &* keyStride })),
            Column(type: .text, data: .text(codes, TextDictionary(provinces))),
        ])
    }

    /// The first `n` rows of an Int64 column without nulls.
    private static func prefix(_ column: Column, _ n: Int) -> Column {
        guard case let .int64(values) = column.data else { preconditionFailure("an Int64 column") }
        return Column(type: column.type, data: .int64(Array(values[..<n])))
    }
}
