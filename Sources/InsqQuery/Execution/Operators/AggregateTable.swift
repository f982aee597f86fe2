import InsqStorage

/// One GROUP BY's groups: key values to dense group ids in first-seen order, the first-seen key values, and
/// one state per aggregate. Each thread of a parallel aggregation fills its own, then they are merged.
final class AggregateTable {
    private let keyTypes: [DataType]
    private let states: [AggregateState]
    private var keyColumns: [ColumnAccumulator]
    private var index: GroupIndex
    /// Without keys there is always the one group (an aggregate of no rows still gives a row).
    private(set) var groupCount: Int

    init(keyTypes: [DataType], calls: [AggregateCall]) {
        self.keyTypes = keyTypes
        states = calls.map(AggregateStates.make)
        keyColumns = keyTypes.map { ColumnAccumulator(type: $0) }
        index = GroupIndex(columns: keyTypes.count)
        groupCount = keyTypes.isEmpty ? 1 : 0
    }

    /// Folds a batch's rows into their groups, given its key vectors and aggregate arguments.
    func add(keys: [Vector], arguments: [Vector?], rows: Int) throws {
        let groups = keyTypes.isEmpty ? [Int](repeating: 0, count: rows) : groupIds(keys, rows: rows)
        for (k, state) in states.enumerated() {
            try state.update(groups: groups, input: arguments[k], groupCount: groupCount)
        }
    }

    /// Ends the input (on the thread that fed the table): states finish what they deferred.
    func finishInput() throws {
        for state in states { try state.finishInput() }
    }

    /// Adds tables of the same GROUP BY over later rows, in row order: their new groups follow ours in
    /// first-seen order, so the result is the one a single pass over our rows and then theirs gives.
    func merge(_ others: [AggregateTable]) throws {
        var groups: [[Int]] = []
        for other in others {
            var mapping = [0]
            if !keyTypes.isEmpty {
                mapping = []
                mapping.reserveCapacity(other.groupCount)
                // Their key encoders numbered text differently: their keys are encoded again with ours.
                let source = ColumnsOperator(columns: other.keyColumns.map { $0.build() }, rowCount: other.groupCount)
                while let batch = try source.next() { mapping += groupIds(batch.columns, rows: batch.count) }
            }
            groups.append(mapping)
        }
        for (k, state) in states.enumerated() {
            try state.merge(others.map { $0.states[k] }, groups: groups, groupCount: groupCount)
        }
    }

    /// The key columns, then one column per aggregate, one row per group.
    func columns() throws -> [Column] {
        try keyColumns.map { $0.build() } + states.map { try $0.result(groupCount: groupCount) }
    }

    /// Each row's group id, adding new groups (and their key values) in row order.
    private func groupIds(_ keys: [Vector], rows: Int) -> [Int] {
        var groups: [Int] = []
        let newRows = index.assign(keys, rows: rows, ids: &groups)
        if !newRows.isEmpty {
            for (k, v) in keys.enumerated() { keyColumns[k].append(v.gather(newRows)) }
        }
        groupCount = index.count
        return groups
    }
}
