/// The declared schemas of the three built-in tables (DATA-MODEL.md).
public enum BuiltinSchemas {
    public static let regions: [ColumnSchema] = [
        ColumnSchema(name: "region_code", type: .text),
        ColumnSchema(name: "country", type: .text),
        ColumnSchema(name: "province", type: .text),
        ColumnSchema(name: "city", type: .text),
        ColumnSchema(name: "district", type: .text),
        ColumnSchema(name: "population", type: .bigint),
    ]

    public static let persons: [ColumnSchema] = [
        ColumnSchema(name: "person_id", type: .bigint),
        ColumnSchema(name: "name", type: .text),
        ColumnSchema(name: "sex", type: .text),
        ColumnSchema(name: "birth_date", type: .date),
        ColumnSchema(name: "region_code", type: .text),
        ColumnSchema(name: "registered_province", type: .text),
        ColumnSchema(name: "residence", type: .text),
        ColumnSchema(name: "category", type: .text),
        ColumnSchema(name: "employer", type: .text),
        ColumnSchema(name: "enrolled_on", type: .date),
        ColumnSchema(name: "status", type: .text),
    ]

    public static let payments: [ColumnSchema] = [
        ColumnSchema(name: "payment_id", type: .bigint),
        ColumnSchema(name: "person_id", type: .bigint),
        ColumnSchema(name: "scheme", type: .text),
        ColumnSchema(name: "kind", type: .text),
        ColumnSchema(name: "period", type: .date),
        ColumnSchema(name: "amount", type: .decimal(precision: 14, scale: 2)),
        ColumnSchema(name: "currency", type: .text),
        ColumnSchema(name: "due_on", type: .date),
        ColumnSchema(name: "paid_on", type: .date),
        ColumnSchema(name: "channel", type: .text),
    ]

    /// Table name to schema, in catalog order.
    public static let all: [(name: String, schema: [ColumnSchema])] = [
        ("regions", regions), ("persons", persons), ("payments", payments),
    ]
}
