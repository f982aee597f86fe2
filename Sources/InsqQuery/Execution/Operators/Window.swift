import InsqStorage

/// Window functions: materializes the input, sorts it once per distinct (PARTITION BY, ORDER BY) by normalized
/// keys, computes each call from the sorted positions and their partition and peer boundaries, and returns the
/// input's rows in their original order with one column per call.
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
        // Expressions that are input columns read those columns; only the others are evaluated and kept.
        var slots: [BoundExpression: Int] = [:]
        var computed: [BoundExpression] = []
        for e in calls.flatMap(\.expressions) where slots[e] == nil {
            if case let .column(i, type, _) = e, i < inputTypes.count, inputTypes[i] == type {
                slots[e] = i
            } else {
                slots[e] = inputTypes.count + computed.count
                computed.append(e)
            }
        }
        let compiled = computed.map(compiler.compile)
        var accumulators = (inputTypes + computed.map(\.type)).map { ColumnAccumulator(type: $0) }
        var rows = 0
        while let batch = try child.next() {
            for (i, v) in batch.columns.enumerated() { accumulators[i].append(v) }
            for (k, f) in compiled.enumerated() { accumulators[inputTypes.count + k].append(try f(batch)) }
            rows += batch.count
        }
        let all = accumulators.map { $0.build() }
        accumulators = []
        var orderings: [WindowSpec: WindowOrdering] = [:]
        var results: [Column] = []
        for call in calls {
            let spec = WindowSpec(partition: call.partitionBy.map { slots[$0]! },
                                  order: call.orderBy.map { SortKey(column: slots[$0.expression]!, isDescending: $0.isDescending,
                                                                    nullsFirst: $0.nullsFirst) })
            let ordering = try orderings[spec] ?? ordering(spec, all, rows)
            orderings[spec] = ordering
            let evaluation = WindowEvaluation(call: call, arguments: call.arguments.map { all[slots[$0]!] }, ordering: ordering)
            results.append(try evaluation.result())
        }
        return ColumnsOperator(columns: Array(all[0..<inputTypes.count]) + results, rowCount: rows)
    }

    /// Window order: partition keys, then order keys, then input order.
    private func ordering(_ spec: WindowSpec, _ columns: [Column], _ rows: Int) throws -> WindowOrdering {
        if compiler.context.cancellation.isCancelled { throw QueryCancelled() }
        let keys = spec.partition.map { SortKey(column: $0, isDescending: false, nullsFirst: true) } + spec.order
        let grouped = RowSorter.groupedRows(columns, keys: keys, groupKeys: spec.partition.count, rowCount: rows,
                                            threads: compiler.context.settings.threads)
        return WindowOrdering(rows: grouped.rows.array, partitionStarts: grouped.groupStarts, peerStarts: grouped.peerStarts)
    }
}

/// Which columns partition and order a window call; calls with the same spec share one sort.
struct WindowSpec: Hashable {
    let partition: [Int]
    let order: [SortKey]
}

/// The rows in window order, with partition and peer-group boundaries per sorted position.
struct WindowOrdering {
    let rows: [Int]
    let partitionStarts: [Bool]
    let peerStarts: [Bool]

    /// The sorted positions of each partition.
    var partitions: [Range<Int>] {
        var starts: [Int] = []
        for (i, s) in partitionStarts.enumerated() where s { starts.append(i) }
        return starts.indices.map { starts[$0]..<($0 + 1 < starts.count ? starts[$0 + 1] : rows.count) }
    }
}

