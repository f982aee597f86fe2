import InsqStorage

/// One AND-ed part of a scan's filter, resolved to the storage columns it reads (table column numbers).
/// Simple shapes run as typed loops on the column buffers; anything else is a compiled expression over
/// just the columns it reads, gathered for the rows still selected.
enum ScanConjunct {
    /// A column against a constant of its physical type (DATE as Int32, DECIMAL as scaled Int64).
    case int64(Int, ComparisonOperator, Int64)
    case int32(Int, ComparisonOperator, Int32)
    case double(Int, ComparisonOperator, Double)
    /// Two columns of one physical type.
    case int64Columns(Int, ComparisonOperator, Int)
    case int32Columns(Int, ComparisonOperator, Int)
    case doubleColumns(Int, ComparisonOperator, Int)
    /// An IN list without NULL items (or NOT IN).
    case int64List(Int, [Int64], negated: Bool)
    case int32List(Int, [Int32], negated: Bool)
    /// Text equality as a code comparison (a dictionary holds each string once).
    case codeList(Int, [UInt32], negated: Bool)
    /// Any text test, answered once per dictionary entry.
    case codeTable(Int, [Bool])
    case isNull(Int, negated: Bool)
    /// Integer membership in a set given as one bit per value of `low...high` (an IN subquery's answer).
    case bitmap(Int, low: Int64, high: Int64, [UInt64], negated: Bool)
    /// DATE values looked up in answers per day from `low` on (every stored value is in the table).
    case dayTable(Int, low: Int32, [Bool])
    /// A condition on one column to be answered per distinct value, replaced by what `resolve()` returns.
    case domain(DomainTest)
    /// An IN subquery not yet run; the operator replaces it by what `resolve()` returns before reading rows.
    case subquery(SubqueryMembership)
    case always
    case never
    /// `columns` are the table columns the expression reads, as its inputs 0, 1, ….
    case generic(CompiledExpression, columns: [Int])

    /// The storage columns whose NULLs make the conjunct NULL (their rows are dropped after the value test).
    var nullableInputs: [Int] {
        switch self {
        case let .int64(c, _, _), let .int32(c, _, _), let .double(c, _, _), let .int64List(c, _, _),
             let .int32List(c, _, _), let .codeList(c, _, _), let .codeTable(c, _), let .bitmap(c, _, _, _, _),
             let .dayTable(c, _, _):
            return [c]
        case let .int64Columns(a, _, b), let .int32Columns(a, _, b), let .doubleColumns(a, _, b): return [a, b]
        case .isNull, .always, .never, .generic, .subquery, .domain: return []
        }
    }

    /// Compiled expressions keep caches, so they run only on the operator's own thread.
    var isCompiled: Bool {
        if case .generic = self { return true }
        return false
    }

    /// A guess at the work per row, relative to one typed comparison.
    var cost: Double {
        switch self {
        case .always, .never: return 0
        case .generic: return 8
        case .codeTable, .int64List, .int32List, .codeList, .bitmap, .subquery, .dayTable, .domain: return 1.5
        default: return 1
        }
    }

    /// A guess at the fraction of rows kept, until rows have been seen.
    var expectedPassRate: Double {
        switch self {
        case .never: return 0
        case .always: return 1
        case let .int64(_, op, _), let .int32(_, op, _), let .double(_, op, _):
            return op == .equal ? 0.05 : op == .notEqual ? 0.95 : 0.5
        case let .codeList(_, _, negated), let .int64List(_, _, negated), let .int32List(_, _, negated):
            return negated ? 0.9 : 0.1
        case let .isNull(_, negated): return negated ? 0.9 : 0.1
        default: return 0.5
        }
    }
}

extension ScanConjunct {
    /// Narrows the selection: from the rows of `dense` when set (the first conjunct of a morsel), else
    /// among `rows[0..<count]` in place. Returns the number of rows kept.
    func apply(_ table: [Column], _ dense: Range<Int>?, _ rows: UnsafeMutablePointer<Int>, _ count: Int) throws -> Int {
        var n = try applyValues(table, dense, rows, count)
        for c in nullableInputs {
            guard let v = table[c].validity else { continue }
            n = v.words.withUnsafeBufferPointer { SelectionKernels.validity($0.baseAddress!, wantValid: true, nil, rows, n) }
        }
        return n
    }

    private func applyValues(_ table: [Column], _ dense: Range<Int>?, _ rows: UnsafeMutablePointer<Int>,
                             _ count: Int) throws -> Int {
        switch self {
        case let .int64(c, op, k):
            return Self.int64s(table[c]) { SelectionKernels.compare(op, $0, k, dense, rows, count) }
        case let .int32(c, op, k):
            return Self.int32s(table[c]) { SelectionKernels.compare(op, $0, k, dense, rows, count) }
        case let .double(c, op, k):
            return Self.doubles(table[c]) { SelectionKernels.compare(op, $0, k, dense, rows, count) }
        case let .int64Columns(a, op, b):
            return Self.int64s(table[a]) { x in Self.int64s(table[b]) { y in
                SelectionKernels.compare(op, x, y, dense, rows, count) } }
        case let .int32Columns(a, op, b):
            return Self.int32s(table[a]) { x in Self.int32s(table[b]) { y in
                SelectionKernels.compare(op, x, y, dense, rows, count) } }
        case let .doubleColumns(a, op, b):
            return Self.doubles(table[a]) { x in Self.doubles(table[b]) { y in
                SelectionKernels.compare(op, x, y, dense, rows, count) } }
        case let .int64List(c, items, negated):
            return Self.int64s(table[c]) { x in items.withUnsafeBufferPointer {
                SelectionKernels.member(x, $0, negated: negated, dense, rows, count) } }
        case let .int32List(c, items, negated):
            return Self.int32s(table[c]) { x in items.withUnsafeBufferPointer {
                SelectionKernels.member(x, $0, negated: negated, dense, rows, count) } }
        case let .codeList(c, items, negated):
            return Self.codes(table[c]) { x in items.withUnsafeBufferPointer {
                SelectionKernels.member(x, $0, negated: negated, dense, rows, count) } }
        case let .codeTable(c, truth):
            return Self.codes(table[c]) { x in truth.withUnsafeBufferPointer {
                SelectionKernels.lookup(x, $0.baseAddress!, dense, rows, count) } }
        case let .isNull(c, negated):
            guard let v = table[c].validity else {
                // No NULLs: IS NULL keeps nothing, IS NOT NULL everything.
                if !negated { return 0 }
                return dense.map { SelectionKernels.select($0, rows) { _ in true } } ?? count
            }
            return v.words.withUnsafeBufferPointer {
                SelectionKernels.validity($0.baseAddress!, wantValid: negated, dense, rows, count)
            }
        case .always:
            return dense.map { SelectionKernels.select($0, rows) { _ in true } } ?? count
        case let .bitmap(c, low, high, bits, negated):
            return bits.withUnsafeBufferPointer { b in
                if case let .int32(a) = table[c].data {
                    return a.withUnsafeBufferPointer {
                        SelectionKernels.bitmap($0.baseAddress!, low: low, high: high, b.baseAddress!, negated: negated, dense, rows, count)
                    }
                }
                return Self.int64s(table[c]) {
                    SelectionKernels.bitmap($0, low: low, high: high, b.baseAddress!, negated: negated, dense, rows, count)
                }
            }
        case let .dayTable(c, low, truth):
            return Self.int32s(table[c]) { x in truth.withUnsafeBufferPointer {
                SelectionKernels.lookup(x, low: low, $0.baseAddress!, dense, rows, count) } }
        case .subquery, .domain:
            preconditionFailure("IN subqueries and per-value conditions are resolved before the scan reads rows")
        case .never:
            return 0
        case let .generic(predicate, columns):
            let batch: Batch
            if let dense {
                batch = Batch(columns: columns.map { VectorConversion.vector(from: table[$0], range: dense) },
                              count: dense.count)
            } else {
                let selected = UnsafeBufferPointer(start: rows, count: count)
                batch = Batch(columns: columns.map { GatherKernels.vector(table[$0], rows: selected) }, count: count)
            }
            return SelectionKernels.whereTrue(try predicate(batch), dense, rows)
        }
    }

    // The column's buffer as a pointer. Conjuncts are built only for columns of that physical type, and run
    // only on tables with rows, so the buffer is never empty.

    @inline(__always) private static func int64s(_ c: Column, _ body: (UnsafePointer<Int64>) -> Int) -> Int {
        guard case let .int64(a) = c.data else { preconditionFailure("not an Int64 column") }
        return a.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    @inline(__always) private static func int32s(_ c: Column, _ body: (UnsafePointer<Int32>) -> Int) -> Int {
        guard case let .int32(a) = c.data else { preconditionFailure("not an Int32 column") }
        return a.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    @inline(__always) private static func doubles(_ c: Column, _ body: (UnsafePointer<Double>) -> Int) -> Int {
        guard case let .double(a) = c.data else { preconditionFailure("not a Double column") }
        return a.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    @inline(__always) private static func codes(_ c: Column, _ body: (UnsafePointer<UInt32>) -> Int) -> Int {
        guard case let .text(a, _) = c.data else { preconditionFailure("not a text column") }
        return a.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
