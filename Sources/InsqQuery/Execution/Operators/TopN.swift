import InsqStorage

/// ORDER BY … LIMIT: streams the input keeping only rows that can still be among the first `count` of a stable
/// sort. Candidates collect in a buffer; when it fills, it is sorted and cut to `count` rows, and the last row kept
/// becomes a threshold that later batches are filtered against by their key columns alone.
final class TopNOperator: PhysicalOperator {
    private let child: PhysicalOperator
    private let keys: [SortKey]
    private let types: [DataType]
    private let count: Int
    private let threads: Int
    private var output: GatherOperator?

    init(child: PhysicalOperator, keys: [SortKey], types: [DataType], count: Int, threads: Int = 1) {
        self.child = child
        self.keys = keys
        self.types = types
        self.count = count
        self.threads = threads
    }

    func next() throws -> Batch? {
        if output == nil { output = try run() }
        return try output?.next()
    }

    private func run() throws -> GatherOperator {
        if count == 0 { return GatherOperator(columns: [], rows: SortedRows(rows: [])) }
        // Room for `count` kept rows plus `extra` new candidates; `extra` doubles at every cut, so that an input
        // whose rows keep beating the threshold (say, sorted the other way) is cut only logarithmically often.
        var extra = max(count, 4 * batchSize)
        var buffer = types.map { ColumnAccumulator(type: $0) }
        var buffered = 0
        var threshold: SortThreshold?
        while let batch = try child.next() {
            var part = batch
            if let threshold {
                let rows = threshold.rowsBefore(batch)
                if rows.isEmpty { continue }
                if rows.count < batch.count { part = batch.gather(rows) }
            }
            for (i, v) in part.columns.enumerated() { buffer[i].append(v) }
            buffered += part.count
            if buffered - count >= extra {
                let (columns, top) = cut(buffer, rowCount: buffered)
                threshold = SortThreshold(keys: keys, columns: columns, row: top[top.count - 1])
                buffer = types.map { ColumnAccumulator(type: $0) }
                let kept = GatherOperator(columns: columns, rows: top)
                while let b = try kept.next() { for (i, v) in b.columns.enumerated() { buffer[i].append(v) } }
                buffered = top.count
                extra = extra > Int.max / 4 ? extra : 2 * extra
            }
        }
        let (columns, top) = cut(buffer, rowCount: buffered)
        return GatherOperator(columns: columns, rows: top)
    }

    /// The buffer's columns and the rows among them that come first in sort order, at most `count`, in that order
    /// (ties in buffer order, which is input order).
    private func cut(_ buffer: [ColumnAccumulator], rowCount: Int) -> (columns: [Column], top: SortedRows) {
        let columns = buffer.map { $0.build() }
        return (columns, RowSorter.sortedRows(columns, keys: keys, rowCount: rowCount, threads: threads).prefix(count))
    }
}

/// A row's sort key values; `rowsBefore` picks the rows of a batch that sort strictly before it. Rows that tie with it
/// come later in the input than it, so a stable sort places them after it too.
struct SortThreshold {
    /// One key value of the threshold row: NULL, order bits (see `OrderBits`) or text.
    enum Bound {
        case null
        case bits(UInt64)
        case text(String)
    }

    let keys: [SortKey]
    let bounds: [Bound]
    /// Per key, the comparison of each dictionary code's string with a text bound, computed when first met.
    private let textMemos: [TextBoundMemo]

    init(keys: [SortKey], columns: [Column], row: Int) {
        self.keys = keys
        bounds = keys.map { key in
            let column = columns[key.column]
            if column.isNull(row) { return .null }
            switch column.data {
            case let .int64(a): return .bits(OrderBits.int(a[row]))
            case let .int32(a): return .bits(OrderBits.int(Int64(a[row])))
            case let .double(a): return .bits(OrderBits.double(a[row]))
            case let .bool(a): return .bits(a[row] ? 1 : 0)
            case let .text(codes, dict): return .text(dict.strings[Int(codes[row])])
            }
        }
        textMemos = keys.map { _ in TextBoundMemo() }
    }

    /// Rows of the batch that sort strictly before the threshold row, ascending.
    func rowsBefore(_ batch: Batch) -> [Int] {
        let n = batch.count
        // -1: before the threshold, 1: after it, 0: equal on the keys compared so far.
        var result = [Int8](repeating: 0, count: n)
        var side = [Int8](repeating: 0, count: n)
        for (k, key) in keys.enumerated() {
            let vector = batch.columns[key.column]
            if k == 0 {
                compare(vector, k, into: &result)
            } else {
                compare(vector, k, into: &side)
                var pending = false
                result.withUnsafeMutableBufferPointer { r in
                    side.withUnsafeBufferPointer { s in
                        for i in 0..<n {
                            // Keep a decided row's answer; an undecided one takes this key's.
                            let undecided = Int8(bitPattern: 0 &- unsafeBitCast(r[i] == 0, to: UInt8.self))
                            r[i] |= s[i] & undecided
                        }
                    }
                    for x in r where x == 0 { pending = true; break }
                }
                if !pending { break }
            }
        }
        var rows = [Int]()
        rows.reserveCapacity(n)
        result.withUnsafeBufferPointer { r in for i in 0..<n where r[i] < 0 { rows.append(i) } }
        return rows
    }

    /// Writes, for each row, -1 / 0 / 1 as the row's key `k` sorts before, with or after the threshold's.
    private func compare(_ v: Vector, _ k: Int, into out: inout [Int8]) {
        let key = keys[k], n = v.count
        let nullsFirst = key.nullsFirst
        // A NULL row against a value, and a value against a NULL threshold.
        let nullRow: Int8 = nullsFirst ? -1 : 1
        let bound = bounds[k]
        if case .null = bound {
            out.withUnsafeMutableBufferPointer { o in for i in 0..<n { o[i] = v.isValid(i) ? -nullRow : 0 } }
            return
        }
        out.withUnsafeMutableBufferPointer { o in
            switch (v.data, bound) {
            case let (.int64(a), .bits(t)):
                Self.compareBits(a, n, t, key.isDescending, o) { OrderBits.int($0) }
            case let (.double(a), .bits(t)):
                Self.compareBits(a, n, t, key.isDescending, o) { OrderBits.double($0) }
            case let (.bool(a), .bits(t)):
                Self.compareBits(a, n, t, key.isDescending, o) { UInt64(unsafeBitCast($0, to: UInt8.self)) }
            case let (.text(text), .text(s)):
                textMemos[k].compare(text, with: s, descending: key.isDescending, o)
            default:
                preconditionFailure("sort key type changed between batches")
            }
            if let validity = v.validity {
                for i in 0..<n where !Validity.isSet(validity, i) { o[i] = nullRow }
            }
        }
    }

    /// Three-way comparison of order bits with the threshold's; DESC inverts both sides.
    @inline(__always)
    private static func compareBits<T>(_ a: [T], _ n: Int, _ t: UInt64, _ descending: Bool,
                                       _ o: UnsafeMutableBufferPointer<Int8>, _ bits: (T) -> UInt64) {
        let flip: UInt64 = descending ? ~0 : 0
        let bound = t ^ flip
        a.withUnsafeBufferPointer { p in
            for i in 0..<n {
                let x = bits(p[i]) ^ flip
                o[i] = Int8(unsafeBitCast(x > bound, to: UInt8.self)) &- Int8(unsafeBitCast(x < bound, to: UInt8.self))
            }
        }
    }
}

/// Comparisons of dictionary strings with one text bound, remembered per code for the last dictionary seen.
final class TextBoundMemo {
    private var dictionary: TextDictionary?
    /// Per code: -1 / 0 / 1 in ascending order, or 2 when not yet computed.
    private var memo: [Int8] = []

    func compare(_ text: TextVector, with bound: String, descending: Bool, _ o: UnsafeMutableBufferPointer<Int8>) {
        let sign: Int8 = descending ? -1 : 1
        switch text {
        case let .coded(codes, dict):
            if dictionary !== dict {
                dictionary = dict
                memo = [Int8](repeating: 2, count: dict.count)
            }
            var table = memo
            memo = []  // moved out so that writes below do not copy the array
            let strings = dict.strings
            for (i, code) in codes.enumerated() {
                var c = table[Int(code)]
                if c == 2 {
                    c = Self.compare(strings[Int(code)], bound)
                    table[Int(code)] = c
                }
                o[i] = c * sign
            }
            memo = table
        case let .strings(strings):
            for (i, s) in strings.enumerated() { o[i] = Self.compare(s, bound) * sign }
        }
    }

    private static func compare(_ a: String, _ b: String) -> Int8 {
        TextOrder.less(a, b) ? -1 : (TextOrder.less(b, a) ? 1 : 0)
    }
}

extension PhysicalPlanner {
    /// LIMIT directly over ORDER BY (or over a projection of its columns) keeps only limit + offset rows while sorting.
    func buildLimit(_ child: LogicalPlan, limit: Int?, offset: Int) -> PhysicalOperator {
        if let limit, case let (count, false) = limit.addingReportingOverflow(offset) {
            if let fused = scanTopN(child, count: count) {
                return LimitOperator(child: fused, limit: limit, offset: offset)
            }
            if case let .sort(input, keys) = child {
                let topN = TopNOperator(child: build(input), keys: keys, types: input.outputTypes(), count: count,
                                        threads: compiler.context.settings.threads)
                return LimitOperator(child: topN, limit: limit, offset: offset)
            }
            if case let .project(.sort(input, keys), expressions) = child, expressions.allSatisfy(Self.isColumn) {
                let topN = TopNOperator(child: build(input), keys: keys, types: input.outputTypes(), count: count,
                                        threads: compiler.context.settings.threads)
                let project = ProjectOperator(child: topN, expressions: expressions.map(compiler.compile))
                return LimitOperator(child: project, limit: limit, offset: offset)
            }
        }
        return LimitOperator(child: build(child), limit: limit, offset: offset)
    }

    private static func isColumn(_ e: BoundExpression) -> Bool {
        if case .column = e { return true }
        return false
    }
}
