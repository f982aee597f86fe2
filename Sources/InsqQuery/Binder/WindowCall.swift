import InsqStorage

/// Window functions the engine computes.
enum WindowFunction: String, Hashable {
    case rowNumber = "row_number", rank, denseRank = "dense_rank", lag, lead
    case countStar = "count(*)", count, sum, avg, min, max
}

/// One window function call: its arguments, partition and order, over the window operator's input.
struct WindowCall: Hashable {
    var function: WindowFunction
    var arguments: [BoundExpression]
    var partitionBy: [BoundExpression]
    var orderBy: [WindowOrder]
    var type: DataType

    /// Every expression the call reads, for pruning and rewriting.
    var expressions: [BoundExpression] { arguments + partitionBy + orderBy.map(\.expression) }

    func rewritten(_ f: (BoundExpression) throws -> BoundExpression) rethrows -> WindowCall {
        var c = self
        c.arguments = try arguments.map(f)
        c.partitionBy = try partitionBy.map(f)
        c.orderBy = try orderBy.map { WindowOrder(expression: try f($0.expression), isDescending: $0.isDescending, nullsFirst: $0.nullsFirst) }
        return c
    }
}

/// An ORDER BY item inside OVER (...).
struct WindowOrder: Hashable {
    var expression: BoundExpression
    var isDescending: Bool
    var nullsFirst: Bool
}

/// Collects the window calls of a select list, like AggregateCollector does for aggregates.
final class WindowCollector {
    private(set) var calls: [WindowCall] = []

    func add(_ call: WindowCall) -> Int {
        if let i = calls.firstIndex(of: call) { return i }
        calls.append(call)
        return calls.count - 1
    }

    func replaceAll(_ f: (WindowCall) throws -> WindowCall) rethrows {
        calls = try calls.map(f)
    }
}
