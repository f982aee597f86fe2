import Foundation
import InsqStorage

/// What the generator knows of the fixture tables: column kinds, value ranges, sample values for literals,
/// and how many rows an equality on a column can match (to keep joins small).
public struct FixtureProfile: Sendable {
    /// One column of a fixture table.
    public struct ColumnProfile: Sendable {
        public var name: String
        public var kind: ValueKind
        /// Largest absolute value (numbers), times a margin.
        public var magnitude: Double
        public var isNullable: Bool
        /// Distinct non-null values as SQL literals (`'Xining'`, `486.40`, `'2022-01-01'`, `42`).
        public var literals: [String]
        /// Distinct non-null values as plain text (for LIKE patterns); empty for non-text columns.
        public var texts: [String]
        /// The most rows sharing one value: the fan-out of an equality join on this column.
        public var maxDuplicates: Int
        /// Columns of the same domain join meaningfully (`persons.region_code` with `regions.region_code`).
        public var domain: String
    }

    /// One fixture table.
    public struct TableProfile: Sendable {
        public var name: String
        public var rowCount: Int
        public var columns: [ColumnProfile]
        /// The column whose values are unique (the primary key).
        public var keyColumn: String
        /// The short prefix of this table's aliases (`p1`, `y2`).
        public var aliasPrefix: String

        public func column(_ name: String) -> ColumnProfile? { columns.first { $0.name == name } }
    }

    public var tables: [TableProfile]

    public func table(_ name: String) -> TableProfile? { tables.first { $0.name == name } }

    /// Reads the profile off the loaded fixture tables.
    public init(catalog: Catalog) {
        tables = BuiltinSchemas.all.compactMap { entry in
            guard let table = catalog.table(named: entry.name) else { return nil }
            let columns = table.schema.enumerated().map { i, schema in
                Self.profile(schema, table.columns[i], table: entry.name)
            }
            return TableProfile(name: entry.name, rowCount: table.rowCount, columns: columns,
                                keyColumn: Self.keys[entry.name] ?? table.schema[0].name,
                                aliasPrefix: Self.aliasPrefixes[entry.name] ?? String(entry.name.prefix(1)))
        }
    }

    private static let keys = ["regions": "region_code", "persons": "person_id", "payments": "payment_id"]
    private static let aliasPrefixes = ["regions": "r", "persons": "p", "payments": "y"]

    /// Columns that hold the same kind of thing across tables; a column not listed is its own domain.
    private static let domains: [String: String] = [
        "persons.person_id": "person", "payments.person_id": "person", "payments.payment_id": "person",
        "persons.region_code": "region", "regions.region_code": "region",
        "persons.registered_province": "province", "regions.province": "province",
        "persons.birth_date": "date", "persons.enrolled_on": "date", "payments.period": "date",
        "payments.due_on": "date", "payments.paid_on": "date",
    ]

    private static func profile(_ schema: ColumnSchema, _ column: Column, table: String) -> ColumnProfile {
        var counts: [Value: Int] = [:]
        var order: [Value] = []
        var hasNull = false
        for row in 0..<column.count {
            let v = column.value(at: row)
            if v.isNull { hasNull = true; continue }
            if counts[v] == nil { order.append(v) }
            counts[v, default: 0] += 1
        }
        var magnitude = 1.0
        var texts: [String] = []
        for v in order {
            switch v {
            case let .bigint(i): magnitude = max(magnitude, Double(i.magnitude))
            case let .decimal(d, s): magnitude = max(magnitude, Double(d.magnitude) / pow10(s))
            case let .double(d): magnitude = max(magnitude, d.magnitude)
            case let .text(s): texts.append(s)
            default: break
            }
        }
        let kind: ValueKind
        switch schema.type {
        case .bigint: kind = .integer
        case let .decimal(_, s): kind = .decimal(scale: s)
        case .double: kind = .double
        case .date: kind = .date
        case .boolean: kind = .boolean
        case .text, .null: kind = .text
        }
        return ColumnProfile(name: schema.name, kind: kind, magnitude: (magnitude * 2).rounded(.up),
                             isNullable: hasNull, literals: order.map(SQLText.literal), texts: texts,
                             maxDuplicates: counts.values.max() ?? 1,
                             domain: domains["\(table).\(schema.name)"] ?? "\(table).\(schema.name)")
    }

    static func pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<max(0, n) { p *= 10 }
        return p
    }
}

/// SQL spelling of values.
enum SQLText {
    /// A literal both engines read as the same value: text and dates quoted, decimals at their scale.
    static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case let .bigint(i): return String(i)
        case let .decimal(d, s): return DecimalText.format(d, scale: s)
        case let .double(d): return "\(d)"
        case let .date(d): return quoted(DateDays.format(d))
        case let .boolean(b): return b ? "TRUE" : "FALSE"
        case let .text(s): return quoted(s)
        }
    }

    static func quoted(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
