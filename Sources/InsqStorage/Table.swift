/// A column's name and type, and whether it refuses NULLs.
public struct ColumnSchema: Hashable, Sendable {
    public let name: String
    public let type: DataType
    /// Declared `NOT NULL` in CREATE TABLE: INSERT refuses a NULL in this column.
    public let isNotNull: Bool
    public init(name: String, type: DataType, isNotNull: Bool = false) {
        self.name = name
        self.type = type
        self.isNotNull = isNotNull
    }
}

/// A named, immutable set of equally long columns.
public struct Table: Sendable {
    public let name: String
    public let schema: [ColumnSchema]
    public let columns: [Column]
    public let rowCount: Int

    /// Builds a table; every column must have `rowCount` rows and the schema's type.
    public init(name: String, schema: [ColumnSchema], columns: [Column]) {
        precondition(schema.count == columns.count, "schema and columns differ in count")
        let rows = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "columns differ in length")
        self.name = name
        self.schema = schema
        self.columns = columns
        self.rowCount = rows
    }

    /// Index of a column by name, ignoring ASCII case.
    public func columnIndex(_ name: String) -> Int? {
        let key = name.lowercased()
        return schema.firstIndex { $0.name.lowercased() == key }
    }

    public var byteSize: Int { columns.reduce(0) { $0 + $1.byteSize } }
}
