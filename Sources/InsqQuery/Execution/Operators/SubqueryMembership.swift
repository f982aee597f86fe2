import InsqStorage

/// `column IN (uncorrelated subquery)` on a scan: the subquery runs once, when the scan first reads rows,
/// and its values become a bitmap over the integer range they span, or a table over the column's text
/// dictionary. Membership is then a lookup per row instead of building and hashing a `Value` per row.
final class SubqueryMembership {
    private let column: Int
    private let storage: Column
    private let plan: SubqueryPlan
    private let negated: Bool
    private let context: CompileContext
    /// The same test as a compiled expression, for value ranges too wide for a bitmap.
    private let fallback: ScanConjunct

    init(column: Int, storage: Column, plan: SubqueryPlan, negated: Bool, context: CompileContext, fallback: ScanConjunct) {
        self.column = column
        self.storage = storage
        self.plan = plan
        self.negated = negated
        self.context = context
        self.fallback = fallback
    }

    /// Runs the subquery and returns the typed conjunct that tests membership in its answer.
    func resolve() throws -> ScanConjunct {
        let planner = PhysicalPlanner(context: CompileContext(cancellation: context.cancellation, settings: context.settings,
                                                              profiler: context.profiler?.scoped(to: plan.plan)))
        let root = planner.build(Optimizer.optimize(plan.plan.plan))
        let (columns, rows) = try Materialize.columns(root, types: plan.plan.columnTypes)
        // Nothing is IN an empty set, not even NULL, so NOT IN keeps every row; a NULL among the values
        // makes NOT IN unknown for every non-member.
        if rows == 0 { return negated ? .always : .never }
        let answer = columns[0]
        if negated && answer.validity != nil { return .never }
        switch (storage.data, answer.data) {
        case let (.text(_, dict), .text(codes, answerDict)):
            var strings = Set<String>()
            for r in 0..<rows where !answer.isNull(r) { strings.insert(answerDict.strings[Int(codes[r])]) }
            return .codeTable(column, dict.strings.map { strings.contains($0) != negated })
        case let (.int64, .int64(values)):
            return bitmap(values.indices.lazy.filter { !answer.isNull($0) }.map { values[$0] }) ?? fallback
        case let (.int32, .int32(values)):
            return bitmap(values.indices.lazy.filter { !answer.isNull($0) }.map { Int64(values[$0]) }) ?? fallback
        default:
            return fallback
        }
    }

    /// One bit per value between the smallest and the largest, when that is at most 2^27 bits (16 MB).
    private func bitmap<S: Sequence<Int64>>(_ values: S) -> ScanConjunct? {
        var low = Int64.max, high = Int64.min
        for v in values {
            low = min(low, v)
            high = max(high, v)
        }
        guard low <= high else { return .never }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, span < 1 << 27 else { return nil }
        var bits = [UInt64](repeating: 0, count: Int(span) / 64 + 1)
        for v in values {
            let offset = Int(v - low)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        return .bitmap(column, low: low, high: high, bits, negated: negated)
    }
}
