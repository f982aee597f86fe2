/// The inputs of a multi-way inner join and its conditions (over the inputs' concatenated columns), estimated for
/// any subset of the inputs, for the join-order DP. The rows of a subset are the product of its inputs' rows and
/// the selectivities of the conditions among them, so every join order of a subset gets the same estimate.
/// Equalities between the same two inputs count together as one composite key (`EquiJoinEstimate`). Subsets are
/// bit masks (bit i: input i), so `rows(_:)` and `estimate(_:)` take at most 64 inputs; `estimate()` takes any number.
///
/// Build it once per multi-way join from the inputs' `PlanEstimate`s; `rows(_:)` then costs one multiplication per
/// input and per condition group.
struct JoinGraphEstimate {
    let inputs: [PlanEstimate]
    /// Each input's first column in the concatenated output.
    let offsets: [Int]
    /// The condition groups: equalities between two inputs, or one other condition each.
    private(set) var edges: [Edge] = []

    /// A group of conditions and the inputs it reads.
    struct Edge {
        var inputs: [Int]
        /// Bit i set when input i is read (only inputs below 64 are represented).
        var mask: UInt64
        var selectivity: Double
        /// For an equality group: the chance that a row of each of its two inputs finds a partner.
        var matched: [Double]
        /// For an equality group: the concatenated key columns equated by it.
        var keyPairs: [(Int, Int)]
        /// The indices of the conditions in this group.
        var conditions: [Int]
    }

    init(estimator: CardinalityEstimator, inputs: [PlanEstimate], conditions: [BoundExpression]) {
        self.inputs = inputs
        var offsets: [Int] = []
        var owner: [Int] = []
        for (i, input) in inputs.enumerated() {
            offsets.append(owner.count)
            owner += Array(repeating: i, count: input.columns.count)
        }
        self.offsets = offsets
        let all = PlanEstimate(rows: inputs.reduce(1.0) { $0 * $1.rows }, columns: inputs.flatMap(\.columns))
        var pairs: [[Int]: [(condition: Int, left: Int, right: Int)]] = [:]
        var pairOrder: [[Int]] = []
        for (index, condition) in conditions.enumerated() {
            let read = Set(condition.columnSet.compactMap { owner.indices.contains($0) ? owner[$0] : nil }).sorted()
            if case let .compare(.equal, a, b) = condition.unlocated, read.count == 2,
               let x = ColumnRestriction.column(a), let y = ColumnRestriction.column(b), owner[x] != owner[y] {
                if pairs[read] == nil { pairOrder.append(read) }
                let (left, right) = owner[x] == read[0] ? (x, y) : (y, x)
                pairs[read, default: []].append((index, left, right))
                continue
            }
            let rows = read.reduce(1.0) { $0 * inputs[$1].rows }
            let share = estimator.selectivity(condition, in: PlanEstimate(rows: rows, columns: all.columns))
            edges.append(Edge(inputs: read, mask: Self.mask(read), selectivity: share, matched: [], keyPairs: [], conditions: [index]))
        }
        for read in pairOrder {
            let group = pairs[read] ?? []
            let (l, r) = (read[0], read[1])
            let match = EquiJoinEstimate(group.map { all.columns[$0.left] }, rows: inputs[l].rows,
                                         group.map { all.columns[$0.right] }, rows: inputs[r].rows)
            edges.append(Edge(inputs: read, mask: Self.mask(read), selectivity: match.selectivity,
                              matched: [match.leftMatched, match.rightMatched], keyPairs: group.map { ($0.left, $0.right) },
                              conditions: group.map(\.condition)))
        }
    }

    private static func mask(_ inputs: [Int]) -> UInt64 {
        inputs.reduce(0) { $1 < 64 ? $0 | (1 << UInt64($1)) : $0 }
    }

    /// Every input, as a mask (inputs from 64 on are left out).
    var allInputs: UInt64 { inputs.count >= 64 ? ~0 : (1 << UInt64(inputs.count)) - 1 }

    /// Rows of the join of the inputs in `subset` (at least 1).
    func rows(_ subset: UInt64) -> Double {
        var rows = 1.0
        var remaining = subset
        while remaining != 0 {
            let i = remaining.trailingZeroBitCount
            if i < inputs.count { rows *= inputs[i].rows }
            remaining &= remaining &- 1
        }
        for edge in edges where edge.mask & subset == edge.mask { rows *= edge.selectivity }
        return max(1, rows)
    }

    /// The join of the inputs in `subset`: its rows, and the columns of those inputs in input order.
    func estimate(_ subset: UInt64) -> PlanEstimate {
        estimate { $0 < 64 && subset & (1 << UInt64($0)) != 0 }
    }

    /// The join of every input, with its columns in input order (the multi-way join's output).
    func estimate() -> PlanEstimate {
        estimate { _ in true }
    }

    private func estimate(including isIncluded: (Int) -> Bool) -> PlanEstimate {
        var rows = 1.0
        var kept = inputs.map { _ in 1.0 }
        for (i, input) in inputs.enumerated() where isIncluded(i) { rows *= input.rows }
        var applied: [Edge] = []
        for edge in edges where edge.inputs.allSatisfy(isIncluded) {
            rows *= edge.selectivity
            for (input, matched) in zip(edge.inputs, edge.matched) { kept[input] *= matched }
            applied.append(edge)
        }
        var columns: [ColumnEstimate] = []
        var position: [Int: Int] = [:]
        for (i, input) in inputs.enumerated() where isIncluded(i) {
            for (c, column) in input.columns.enumerated() {
                position[offsets[i] + c] = columns.count
                columns.append(column.thinned(by: kept[i]))
            }
        }
        var output = PlanEstimate(rows: max(1, rows), columns: columns)
        for edge in applied {
            for (a, b) in edge.keyPairs { output.equateKeys(position[a], position[b]) }
        }
        return output
    }
}
