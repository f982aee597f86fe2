import InsqStorage

/// Window functions: materializes the input, sorts row numbers by partition and order keys, computes
/// each call per partition, and returns the input's rows in their original order with one column per call.
/// The frame is the default one: with ORDER BY, from the partition's start through the current row's
/// last peer; without, the whole partition.
final class WindowOperator: PhysicalOperator {
    private let child: PhysicalOperator
    private let inputTypes: [DataType]
    private let calls: [WindowCall]
    private let compiler: ExpressionCompiler
    private var output: ColumnsOperator?

    init(child: PhysicalOperator, inputTypes: [DataType], calls: [WindowCall], compiler: ExpressionCompiler) {
        self.child = child
        self.inputTypes = inputTypes
        self.calls = calls
        self.compiler = compiler
    }

    func next() throws -> Batch? {
        if output == nil { output = try run() }
        return try output?.next()
    }

    private func run() throws -> ColumnsOperator {
        // Evaluate every expression the calls read next to the input, in one pass.
        let expressions = calls.flatMap(\.expressions)
        let compiled = expressions.map(compiler.compile)
        var accumulators = (inputTypes + expressions.map(\.type)).map { ColumnAccumulator(type: $0) }
        var rows = 0
        while let batch = try child.next() {
            for (i, v) in batch.columns.enumerated() { accumulators[i].append(v) }
            for (k, f) in compiled.enumerated() { accumulators[inputTypes.count + k].append(try f(batch)) }
            rows += batch.count
        }
        let all = accumulators.map { $0.build() }
        var results: [Column] = []
        var offset = inputTypes.count
        for call in calls {
            let args = Array(all[offset..<(offset + call.arguments.count)])
            offset += call.arguments.count
            let partition = Array(all[offset..<(offset + call.partitionBy.count)])
            offset += call.partitionBy.count
            let order = Array(all[offset..<(offset + call.orderBy.count)])
            offset += call.orderBy.count
            let evaluation = WindowEvaluation(call: call, arguments: args, partition: partition, order: order, rows: rows,
                                              threads: compiler.context.settings.threads)
            results.append(try evaluation.result())
        }
        return ColumnsOperator(columns: Array(all[0..<inputTypes.count]) + results, rowCount: rows)
    }
}

/// One window call over materialized columns.
struct WindowEvaluation {
    let call: WindowCall
    let arguments: [Column]
    let partition: [Column]
    let order: [Column]
    let rows: Int
    /// Threads the sort may use.
    var threads = 1

    func result() throws -> Column {
        let partitionKeys = partition.map { _ in SortKey(column: 0, isDescending: false, nullsFirst: true) }
        let orderKeys = call.orderBy.map { SortKey(column: 0, isDescending: $0.isDescending, nullsFirst: $0.nullsFirst) }
        let partitionCompare = zip(partition, partitionKeys).map { RowComparator.make($0, $1) }
        let orderCompare = zip(order, orderKeys).map { RowComparator.make($0, $1) }
        func compare(_ list: [(Int, Int) -> Int], _ a: Int, _ b: Int) -> Int {
            for c in list {
                let r = c(a, b)
                if r != 0 { return r }
            }
            return 0
        }
        // Window order: partition keys, then order keys, then input order.
        let sortKeys = partitionKeys.indices.map { SortKey(column: $0, isDescending: false, nullsFirst: true) }
            + orderKeys.enumerated().map { SortKey(column: partition.count + $0.offset, isDescending: $0.element.isDescending,
                                                   nullsFirst: $0.element.nullsFirst) }
        let sorted = RowSorter.order(partition + order, keys: sortKeys, rowCount: rows, threads: threads)
        var values = [Value](repeating: .null, count: rows)
        var start = 0
        while start < rows {
            var end = start + 1
            while end < rows && compare(partitionCompare, sorted[start], sorted[end]) == 0 { end += 1 }
            try fill(Array(sorted[start..<end]), into: &values, isPeer: { compare(orderCompare, $0, $1) == 0 })
            start = end
        }
        var builder = ColumnBuilder(type: call.type, capacity: rows)
        for v in values { builder.append(v) }
        return builder.build()
    }

    /// Computes the call for one partition (rows in window order).
    private func fill(_ part: [Int], into values: inout [Value], isPeer: (Int, Int) -> Bool) throws {
        let n = part.count
        // Peer groups: rows with equal ORDER BY values share rank and frame end.
        var groupEnd = [Int](repeating: n, count: n)
        if !call.orderBy.isEmpty {
            var i = n - 1
            var end = n
            while i >= 0 {
                if i + 1 < n && !isPeer(part[i], part[i + 1]) { end = i + 1 }
                groupEnd[i] = end
                i -= 1
            }
        }
        switch call.function {
        case .rowNumber:
            for (k, r) in part.enumerated() { values[r] = .bigint(Int64(k + 1)) }
        case .rank, .denseRank:
            var rank = 1, dense = 1
            for (k, r) in part.enumerated() {
                if k > 0 && !isPeer(part[k - 1], r) {
                    rank = k + 1
                    dense += 1
                }
                values[r] = .bigint(Int64(call.function == .rank ? rank : dense))
            }
        case .lag, .lead:
            var distance = 1
            if call.arguments.count > 1, case let .constant(.bigint(d), _) = call.arguments[1] { distance = Int(clamping: d) }
            let fallback: Value = call.arguments.count > 2 ? arguments[2].value(at: 0) : .null
            for (k, r) in part.enumerated() {
                let j = call.function == .lag ? k - distance : k + distance
                if j >= 0 && j < n {
                    values[r] = arguments[0].value(at: part[j])
                } else {
                    values[r] = call.arguments.count > 2 ? argumentsDefault(r) ?? fallback : .null
                }
            }
        case .countStar, .count, .sum, .avg, .min, .max:
            try aggregate(part, groupEnd: groupEnd, into: &values)
        }
    }

    /// The default value of LAG/LEAD evaluated at row r.
    private func argumentsDefault(_ r: Int) -> Value? {
        arguments.count > 2 ? arguments[2].value(at: r) : nil
    }

    /// Running aggregates over the frame: the partition's start through the end of the row's peer group.
    private func aggregate(_ part: [Int], groupEnd: [Int], into values: inout [Value]) throws {
        let n = part.count
        var count: Int64 = 0
        var intSum: Int64 = 0
        var doubleSum = 0.0
        var extreme: Value = .null
        var k = 0
        let input = arguments.first
        let scale = input?.type.scale ?? 0
        while k < n {
            let end = groupEnd[k]
            for j in k..<end {
                let r = part[j]
                if call.function == .countStar { count += 1; continue }
                guard let input, !input.isNull(r) else { continue }
                count += 1
                let v = input.value(at: r)
                switch v {
                case let .bigint(x), let .decimal(x, _):
                    let (s, o) = intSum.addingReportingOverflow(x)
                    if o && (call.function == .sum || call.function == .avg) { throw ExecutionError("integer overflow: the sum does not fit in 64 bits") }
                    intSum = s
                case let .double(x):
                    doubleSum += x
                default: break
                }
                if call.function == .min || call.function == .max {
                    if extreme.isNull || ValueOrder.less(v, extreme) == (call.function == .min) && v != extreme { extreme = v }
                }
            }
            let value: Value
            switch call.function {
            case .countStar, .count: value = .bigint(count)
            case .sum:
                if count == 0 { value = .null }
                else if case .double = call.type { value = .double(doubleSum + Double(intSum)) }
                else if case let .decimal(_, s) = call.type { value = .decimal(intSum, scale: s) }
                else { value = .bigint(intSum) }
            case .avg:
                if count == 0 { value = .null } else {
                    let total = input?.type == .double ? doubleSum : Double(intSum) / Double(DecimalText.power(scale) ?? 1)
                    value = .double(total / Double(count))
                }
            default: value = extreme
            }
            for j in k..<end { values[part[j]] = value }
            k = end
        }
    }
}

/// Orders two non-NULL values of the same type (window MIN/MAX).
enum ValueOrder {
    static func less(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.bigint(x), .bigint(y)): return x < y
        case let (.decimal(x, _), .decimal(y, _)): return x < y
        case let (.double(x), .double(y)): return x < y
        case let (.date(x), .date(y)): return x < y
        case let (.boolean(x), .boolean(y)): return !x && y
        case let (.text(x), .text(y)): return TextOrder.less(x, y)
        default: return false
        }
    }
}
