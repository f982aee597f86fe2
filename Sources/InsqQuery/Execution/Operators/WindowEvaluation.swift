import InsqStorage

/// One window call over materialized columns in window order. Ranking and offset functions write typed
/// arrays; running aggregates fold values per peer group.
struct WindowEvaluation {
    let call: WindowCall
    let arguments: [Column]
    let ordering: WindowOrdering

    private var count: Int { ordering.rows.count }

    func result() throws -> Column {
        switch call.function {
        case .rowNumber, .rank, .denseRank:
            return Column(type: call.type, data: .int64(ranking()))
        case .lag, .lead:
            return shifted()
        case .countStar, .count, .sum, .avg, .min, .max:
            return try aggregate()
        }
    }

    /// ROW_NUMBER, RANK or DENSE_RANK of every row.
    private func ranking() -> [Int64] {
        let n = count, function = call.function
        var out = [Int64](repeating: 0, count: n)
        ordering.rows.withUnsafeBufferPointer { rows in
            ordering.partitionStarts.withUnsafeBufferPointer { starts in
                ordering.peerStarts.withUnsafeBufferPointer { peers in
                    out.withUnsafeMutableBufferPointer { o in
                        var position: Int64 = 0, rank: Int64 = 0, dense: Int64 = 0
                        for i in 0..<n {
                            if starts[i] {
                                position = 1; rank = 1; dense = 1
                            } else {
                                position += 1
                                if peers[i] { rank = position; dense += 1 }
                            }
                            o[rows[i]] = function == .rowNumber ? position : (function == .rank ? rank : dense)
                        }
                    }
                }
            }
        }
        return out
    }

    /// LAG or LEAD: the argument `distance` rows back or ahead in the partition, else the default (or NULL).
    private func shifted() -> Column {
        let n = count
        var distance = 1
        if call.arguments.count > 1, case let .constant(.bigint(d), _) = call.arguments[1] { distance = Int(clamping: d) }
        if call.function == .lag { distance = 0 &- distance }
        // The source row of each row, or -1 when the partition has no row at that distance.
        var source = [Int](repeating: -1, count: n)
        var missing = 0
        ordering.rows.withUnsafeBufferPointer { rows in
            source.withUnsafeMutableBufferPointer { s in
                for part in ordering.partitions {
                    for i in part {
                        let (j, overflow) = i.addingReportingOverflow(distance)
                        if !overflow && part.contains(j) { s[rows[i]] = rows[j] } else { missing += 1 }
                    }
                }
            }
        }
        let input = arguments[0]
        if n == 0 || call.arguments.count > 2 || input.type != call.type {
            // A default value, or a value widened to the call's type: built value by value.
            var builder = ColumnBuilder(type: call.type, capacity: n)
            for r in 0..<n {
                builder.append(source[r] >= 0 ? input.value(at: source[r]) : (arguments.count > 2 ? arguments[2].value(at: r) : .null))
            }
            return builder.build()
        }
        var clamped = source
        if missing > 0 { for r in 0..<n where clamped[r] < 0 { clamped[r] = 0 } }
        var accumulator = ColumnAccumulator(type: call.type)
        accumulator.append(clamped.withUnsafeBufferPointer { GatherKernels.vector(input, rows: $0) })
        let gathered = accumulator.build()
        guard missing > 0 else { return gathered }
        var validity = gathered.validity ?? ValidityBitmap(count: n)
        for r in 0..<n where source[r] < 0 { validity.set(r, valid: false) }
        return Column(type: gathered.type, data: gathered.data, validity: validity)
    }

    /// Running aggregates over the frame: the partition's start through the end of the row's peer group.
    private func aggregate() throws -> Column {
        let n = count
        var values = [Value](repeating: .null, count: n)
        let rows = ordering.rows, peers = ordering.peerStarts
        for part in ordering.partitions {
            var folder = WindowFolder(call: call, input: arguments.first)
            var k = part.lowerBound
            while k < part.upperBound {
                var end = k + 1
                // Without ORDER BY every row of the partition is a peer of every other.
                while end < part.upperBound && (call.orderBy.isEmpty || !peers[end]) { end += 1 }
                for j in k..<end { try folder.add(rows[j]) }
                let value = folder.value
                for j in k..<end { values[rows[j]] = value }
                k = end
            }
        }
        var builder = ColumnBuilder(type: call.type, capacity: n)
        for v in values { builder.append(v) }
        return builder.build()
    }
}

/// The running state of one window aggregate over a partition.
private struct WindowFolder {
    let call: WindowCall
    let input: Column?
    var count: Int64 = 0
    var intSum: Int64 = 0
    var doubleSum = 0.0
    var extreme: Value = .null

    init(call: WindowCall, input: Column?) {
        self.call = call
        self.input = input
    }

    mutating func add(_ r: Int) throws {
        if call.function == .countStar { count += 1; return }
        guard let input, !input.isNull(r) else { return }
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

    var value: Value {
        switch call.function {
        case .countStar, .count: return .bigint(count)
        case .sum:
            if count == 0 { return .null }
            if case .double = call.type { return .double(doubleSum + Double(intSum)) }
            if case let .decimal(_, s) = call.type { return .decimal(intSum, scale: s) }
            return .bigint(intSum)
        case .avg:
            if count == 0 { return .null }
            let scale = input?.type.scale ?? 0
            let total = input?.type == .double ? doubleSum : Double(intSum) / Double(DecimalText.power(scale) ?? 1)
            return .double(total / Double(count))
        default: return extreme
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
