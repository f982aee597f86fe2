import InsqStorage

/// Copies the rows of a selection vector out of storage columns or vectors, into arrays allocated once
/// at their final size.
enum GatherKernels {
    /// The rows `rows` (ascending or not) of a storage column as a vector; dates widen to Int64 as in a scan.
    static func vector(_ column: Column, rows: UnsafeBufferPointer<Int>) -> Vector {
        let n = rows.count
        let validity = column.validity.map { v in v.words.withUnsafeBufferPointer { bits($0, rows) } }
        let data: VectorData
        switch column.data {
        case let .int64(a): data = .int64(values(a, rows) { $0 })
        case let .int32(a): data = .int64(values(a, rows) { Int64($0) })
        case let .double(a): data = .double(values(a, rows) { $0 })
        case let .bool(a): data = .bool(values(a, rows) { $0 })
        case let .text(codes, dict): data = .text(.coded(values(codes, rows) { $0 }, dict))
        }
        return Vector(data, validity: validity, count: n)
    }

    /// The positions `rows` of a vector.
    static func vector(_ v: Vector, rows: UnsafeBufferPointer<Int>) -> Vector {
        let validity = v.validity.map { w in w.withUnsafeBufferPointer { bits($0, rows) } }
        let data: VectorData
        switch v.data {
        case let .int64(a): data = .int64(values(a, rows) { $0 })
        case let .double(a): data = .double(values(a, rows) { $0 })
        case let .bool(a): data = .bool(values(a, rows) { $0 })
        case let .text(.coded(codes, dict)): data = .text(.coded(values(codes, rows) { $0 }, dict))
        case let .text(.strings(s)): data = .text(.strings(rows.map { s[$0] }))
        }
        return Vector(data, validity: validity, count: rows.count)
    }

    @inline(__always)
    private static func values<T, U>(_ a: [T], _ rows: UnsafeBufferPointer<Int>, _ convert: (T) -> U) -> [U] {
        let n = rows.count
        return a.withUnsafeBufferPointer { src in
            [U](unsafeUninitializedCapacity: n) { out, initialized in
                for j in 0..<n { out.initializeElement(at: j, to: convert(src[rows[j]])) }
                initialized = n
            }
        }
    }

    /// The validity bits of `rows`, packed from position 0.
    private static func bits(_ words: UnsafeBufferPointer<UInt64>, _ rows: UnsafeBufferPointer<Int>) -> [UInt64] {
        let n = rows.count
        var out = [UInt64](repeating: 0, count: (n + 63) >> 6)
        guard let w = words.baseAddress else { return out }
        out.withUnsafeMutableBufferPointer { o in
            for j in 0..<n {
                o[j &>> 6] |= UInt64(truncatingIfNeeded: SelectionKernels.validBit(w, rows[j])) &<< UInt64(j & 63)
            }
        }
        return out
    }
}
