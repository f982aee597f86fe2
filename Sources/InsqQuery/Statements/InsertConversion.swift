import InsqStorage

/// Which values a column takes and how they are converted: SQL's assignment casts.
enum InsertConversion {
    /// A conversion that failed, with the 0-based row it failed at.
    struct RowFailure: Error {
        let row: Int
        let message: String
    }

    /// Numbers go into any numeric column (rounded or checked for fit when stored), anything goes into
    /// TEXT, and a string literal is read as the column's type (`'2024-05-01'` into a DATE), as in PostgreSQL.
    /// Other TEXT, and DATE or BOOLEAN into another type, is refused.
    static func isAssignable(_ value: BoundExpression, to type: DataType) -> Bool {
        if case .constant(.text, .text) = value { return true }
        return isAssignable(value.type, to: type)
    }

    static func isAssignable(_ from: DataType, to type: DataType) -> Bool {
        from == type || from == .null || type == .text || (from.isNumeric && type.isNumeric)
    }

    /// One value as the column's type; a value that does not fit throws the cast's `ExecutionError`.
    static func convert(_ value: Value, from: DataType, to type: DataType) throws -> Value {
        if value.isNull || from == type { return value }
        let vector = try CastKernels.cast(Vector.constant(value, type: from, count: 1), from: from, to: type,
                                          parseCache: DictionaryCache())
        return vector.value(at: 0, type: type)
    }

    /// A whole column as the column's type, cast as vectors; on failure a `RowFailure` names the first failing row.
    static func convert(_ column: Column, from: DataType, to type: DataType) throws -> Column {
        if from == type { return column }
        if from == .null { return Column.nulls(type: type, count: column.count) }
        do {
            return try cast(column, rows: 0..<column.count, from: from, to: type)
        } catch {
            for row in 0..<column.count {
                do {
                    _ = try cast(column, rows: row..<(row + 1), from: from, to: type)
                } catch let failure as ExecutionError {
                    throw RowFailure(row: row, message: failure.message)
                } catch {
                    throw RowFailure(row: row, message: "\(error)")
                }
            }
            throw RowFailure(row: 0, message: "\(error)")
        }
    }

    private static func cast(_ column: Column, rows: Range<Int>, from: DataType, to type: DataType) throws -> Column {
        let vector = VectorConversion.vector(from: column, range: rows)
        var accumulator = ColumnAccumulator(type: type)
        accumulator.append(try CastKernels.cast(vector, from: from, to: type, parseCache: DictionaryCache()))
        return accumulator.build()
    }
}
