import InsqStorage

/// Text values of a vector: codes into a shared dictionary (from a scan) or plain strings (computed).
enum TextVector {
    case coded([UInt32], TextDictionary)
    case strings([String])

    var count: Int {
        switch self {
        case let .coded(c, _): return c.count
        case let .strings(s): return s.count
        }
    }

    func string(at i: Int) -> String {
        switch self {
        case let .coded(c, d): return d.strings[Int(c[i])]
        case let .strings(s): return s[i]
        }
    }

    /// All values as strings (materializes coded text).
    var strings: [String] {
        switch self {
        case let .coded(c, d):
            let dict = d.strings
            return c.map { dict[Int($0)] }
        case let .strings(s): return s
        }
    }
}

/// The typed values of one vector; the physical type follows the logical one
/// (BIGINT, DECIMAL and DATE as Int64; DOUBLE; BOOLEAN; TEXT).
enum VectorData {
    case int64([Int64])
    case double([Double])
    case bool([Bool])
    case text(TextVector)
}

/// A batch's worth of one column or expression result: values plus a validity bitmap (nil: no NULLs).
struct Vector {
    var data: VectorData
    var validity: [UInt64]?
    let count: Int

    init(_ data: VectorData, validity: [UInt64]?, count: Int) {
        self.data = data
        self.validity = validity
        self.count = count
    }

    @inline(__always) func isValid(_ i: Int) -> Bool {
        guard let v = validity else { return true }
        return v[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    var int64s: [Int64] {
        if case let .int64(a) = data { return a }
        preconditionFailure("vector is not Int64")
    }
    var doubles: [Double] {
        if case let .double(a) = data { return a }
        preconditionFailure("vector is not Double")
    }
    var bools: [Bool] {
        if case let .bool(a) = data { return a }
        preconditionFailure("vector is not Bool")
    }
    var text: TextVector {
        if case let .text(t) = data { return t }
        preconditionFailure("vector is not text")
    }

    /// A vector of `count` NULLs of the physical type that `type` uses.
    static func nulls(_ type: DataType, count: Int) -> Vector {
        Vector(zeroData(type, count: count), validity: Validity.allNull(count), count: count)
    }

    static func zeroData(_ type: DataType, count: Int) -> VectorData {
        switch type {
        case .bigint, .decimal, .date, .null: return .int64([Int64](repeating: 0, count: count))
        case .double: return .double([Double](repeating: 0, count: count))
        case .boolean: return .bool([Bool](repeating: false, count: count))
        case .text: return .text(.strings([String](repeating: "", count: count)))
        }
    }

    /// The same value repeated `count` times.
    static func constant(_ value: Value, type: DataType, count: Int) -> Vector {
        switch value {
        case .null: return nulls(type, count: count)
        case let .bigint(v): return Vector(.int64([Int64](repeating: v, count: count)), validity: nil, count: count)
        case let .decimal(v, _): return Vector(.int64([Int64](repeating: v, count: count)), validity: nil, count: count)
        case let .date(d): return Vector(.int64([Int64](repeating: Int64(d), count: count)), validity: nil, count: count)
        case let .double(v): return Vector(.double([Double](repeating: v, count: count)), validity: nil, count: count)
        case let .boolean(b): return Vector(.bool([Bool](repeating: b, count: count)), validity: nil, count: count)
        case let .text(s):
            return Vector(.text(.coded([UInt32](repeating: 0, count: count), TextDictionary([s]))), validity: nil, count: count)
        }
    }

    /// The rows at `rows`, in that order.
    func gather(_ rows: [Int]) -> Vector {
        rows.withUnsafeBufferPointer { GatherKernels.vector(self, rows: $0) }
    }

    /// The value at row `i` as a `Value`, for building results (not for inner loops).
    func value(at i: Int, type: DataType) -> Value {
        if !isValid(i) { return .null }
        switch data {
        case let .int64(a):
            switch type {
            case let .decimal(_, s): return .decimal(a[i], scale: s)
            case .date: return .date(Int32(truncatingIfNeeded: a[i]))
            default: return .bigint(a[i])
            }
        case let .double(a): return .double(a[i])
        case let .bool(a): return .boolean(a[i])
        case let .text(t): return .text(t.string(at: i))
        }
    }
}

/// Helpers for validity bitmaps stored as UInt64 words (bit set = valid).
enum Validity {
    static func allValid(_ count: Int) -> [UInt64] { [UInt64](repeating: ~0, count: (count + 63) >> 6) }
    static func allNull(_ count: Int) -> [UInt64] { [UInt64](repeating: 0, count: (count + 63) >> 6) }

    @inline(__always) static func clear(_ words: inout [UInt64], _ i: Int) {
        words[i >> 6] &= ~(1 << UInt64(i & 63))
    }
    @inline(__always) static func isSet(_ words: [UInt64], _ i: Int) -> Bool {
        words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    /// Rows valid in both.
    static func and(_ a: [UInt64]?, _ b: [UInt64]?) -> [UInt64]? {
        guard let a else { return b }
        guard let b else { return a }
        var r = a
        for i in 0..<r.count { r[i] &= b[i] }
        return r
    }
}

/// A set of equally long vectors flowing between operators.
struct Batch {
    var columns: [Vector]
    var count: Int

    /// The rows at `rows` of every column.
    func gather(_ rows: [Int]) -> Batch {
        Batch(columns: columns.map { $0.gather(rows) }, count: rows.count)
    }
}

/// Rows per batch: small enough to stay in cache, large enough to amortize per-batch dispatch.
let batchSize = 2048
