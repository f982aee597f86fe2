/// The typed buffer behind a column: one contiguous array per physical type.
public enum ColumnData: Sendable {
    /// BIGINT values, or DECIMAL values scaled by 10^scale.
    case int64([Int64])
    /// DATE values as days since 1970-01-01.
    case int32([Int32])
    case double([Double])
    case bool([Bool])
    /// Dictionary codes of TEXT values.
    case text([UInt32], TextDictionary)
}

/// One column of a table: a typed buffer plus a null bitmap (nil when no row is NULL).
public struct Column: Sendable {
    public let type: DataType
    public let data: ColumnData
    public let validity: ValidityBitmap?
    public let count: Int
    /// Lazily built per-block value ranges and statistics (see `zoneMap` and `statistics`).
    let zoneMapCache = ZoneMapCache()

    public init(type: DataType, data: ColumnData, validity: ValidityBitmap? = nil) {
        self.type = type
        self.data = data
        switch data {
        case let .int64(a): count = a.count
        case let .int32(a): count = a.count
        case let .double(a): count = a.count
        case let .bool(a): count = a.count
        case let .text(a, _): count = a.count
        }
        // A bitmap without nulls is dropped so that kernels can skip null checks.
        if let v = validity, v.nullCount > 0 { self.validity = v } else { self.validity = nil }
    }

    @inlinable public func isNull(_ row: Int) -> Bool {
        guard let v = validity else { return false }
        return !v.isValid(row)
    }

    /// The value at `row`, for display and tests.
    public func value(at row: Int) -> Value {
        if isNull(row) { return .null }
        switch data {
        case let .int64(a):
            if case let .decimal(_, s) = type { return .decimal(a[row], scale: s) }
            return .bigint(a[row])
        case let .int32(a): return .date(a[row])
        case let .double(a): return .double(a[row])
        case let .bool(a): return .boolean(a[row])
        case let .text(codes, dict): return .text(dict.strings[Int(codes[row])])
        }
    }

    /// Bytes of the column's buffers: values, bitmap and dictionary text.
    public var byteSize: Int {
        let bitmap = validity.map { $0.words.count * 8 } ?? 0
        switch data {
        case let .int64(a): return a.count * 8 + bitmap
        case let .int32(a): return a.count * 4 + bitmap
        case let .double(a): return a.count * 8 + bitmap
        case let .bool(a): return a.count + bitmap
        case let .text(a, d): return a.count * 4 + bitmap + d.textBytes + d.count * 16
        }
    }

    /// A column holding only the given rows, in that order.
    public func gather(_ rows: [Int]) -> Column {
        var validity: ValidityBitmap? = nil
        if let v = self.validity {
            var nv = ValidityBitmap(count: rows.count)
            for (i, r) in rows.enumerated() where !v.isValid(r) { nv.set(i, valid: false) }
            validity = nv
        }
        switch data {
        case let .int64(a): return Column(type: type, data: .int64(rows.map { a[$0] }), validity: validity)
        case let .int32(a): return Column(type: type, data: .int32(rows.map { a[$0] }), validity: validity)
        case let .double(a): return Column(type: type, data: .double(rows.map { a[$0] }), validity: validity)
        case let .bool(a): return Column(type: type, data: .bool(rows.map { a[$0] }), validity: validity)
        case let .text(a, d): return Column(type: type, data: .text(rows.map { a[$0] }, d), validity: validity)
        }
    }
}
