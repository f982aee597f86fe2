import InsqStorage

/// A binary tree of joins over a multi-way join's inputs (by number), before it becomes a plan.
indirect enum JoinTree {
    case leaf(Int)
    case join(JoinTree, JoinTree)
}

/// A multi-way join as a graph for the join order search: inputs with their estimated rows, conditions
/// with the set of inputs each reads, the classes of columns equalities make equal, and the estimated
/// rows of any set of inputs joined.
struct JoinGraph {
    private(set) var inputs: [LogicalPlan]
    /// Conditions that read no column: checked once, above the joins.
    private(set) var constantConditions: [BoundExpression] = []
    /// Conditions over two or more inputs, with the bit set of those inputs.
    private var edges: [(condition: BoundExpression, mask: UInt64)] = []
    private let classes: [[Int]]
    private let ranges: [Range<Int>]
    private let inputOfColumn: [Int]
    private var inputRows: [Double] = []
    private var distinctCounts: [Double] = []
    private var rowsMemo: [UInt64: Double] = [:]
    private let estimator = CardinalityEstimator()
    private var columnEstimates: [ColumnEstimate] = []

    init(inputs: [LogicalPlan], conditions: [BoundExpression]) {
        self.inputs = inputs
        ranges = PredicatePushdown.columnRanges(inputs)
        inputOfColumn = ranges.enumerated().flatMap { k, range in range.map { _ in k } }
        classes = EquivalenceClasses(conditions).groups
        var local = [[BoundExpression]](repeating: [], count: inputs.count)
        // A join uses one key per class and takes the class's other equalities as implied; that holds only
        // if members of one class within one input are already equal, so those equalities filter the input.
        let types = inputs.flatMap { $0.outputTypes() }
        var implied: [BoundExpression] = []
        for members in classes {
            var firstInInput: [Int: Int] = [:]
            for column in members {
                let k = inputOfColumn[column]
                guard let first = firstInInput[k] else { firstInInput[k] = column; continue }
                implied.append(.compare(.equal, .input(first, types[first]), .input(column, types[column])))
            }
        }
        for c in conditions + implied.filter({ !conditions.contains($0) }) {
            let mask = Self.mask(c.columnSet, inputOfColumn)
            switch mask.nonzeroBitCount {
            case 0: constantConditions.append(c)
            case 1:
                let k = mask.trailingZeroBitCount
                local[k].append(c.remappingColumns([:], shift: ranges[k].lowerBound))
            default: edges.append((c, mask))
            }
        }
        // Conditions on one input filter it before any join (pushdown has usually done this already).
        for k in inputs.indices where !local[k].isEmpty { self.inputs[k] = PredicatePushdown.filtered(inputs[k], local[k]) }
        let estimates = self.inputs.map { estimator.estimate($0) }
        inputRows = estimates.map(\.rows)
        for estimate in estimates {
            for c in estimate.columns.indices { distinctCounts.append(estimate.distinct(c)) }
        }
        columnEstimates = estimates.flatMap(\.columns)
    }

    private static func mask(_ columns: Set<Int>, _ inputOfColumn: [Int]) -> UInt64 {
        columns.reduce(0) { $0 | (1 << UInt64(inputOfColumn[$1])) }
    }

    private static func mask(_ tree: JoinTree) -> UInt64 {
        switch tree {
        case let .leaf(k): return 1 << UInt64(k)
        case let .join(a, b): return mask(a) | mask(b)
        }
    }

    /// Estimated rows of the join of the inputs in `set`: their product, times the selectivity of every
    /// condition among them. A class of equal columns over m inputs keeps the rows matching on all but the
    /// column with the fewest distinct values.
    mutating func rows(_ set: UInt64) -> Double {
        if let known = rowsMemo[set] { return known }
        var result = 1.0
        for k in inputs.indices where set & (1 << UInt64(k)) != 0 { result *= inputRows[k] }
        for members in classes {
            var perInput: [Int: Double] = [:]
            for column in members where set & (1 << UInt64(inputOfColumn[column])) != 0 {
                perInput[inputOfColumn[column]] = max(perInput[inputOfColumn[column]] ?? 1, distinctCounts[column])
            }
            for ndv in perInput.values.sorted().dropFirst() { result /= max(1, ndv) }
        }
        for edge in edges where edge.mask & set == edge.mask && edge.condition.columnEqualsColumn == nil {
            result *= selectivity(edge.condition)
        }
        result = max(1, result)
        rowsMemo[set] = result
        return result
    }

    /// The share of rows a condition between inputs that no equivalence class covers keeps.
    private func selectivity(_ condition: BoundExpression) -> Double {
        let rows = condition.columnSet.map { inputRows[inputOfColumn[$0]] }.max() ?? 1
        return estimator.selectivity(condition, in: PlanEstimate(rows: rows, columns: columnEstimates))
    }

    /// Whether some condition reads inputs of both sets (and no others).
    private func connects(_ a: UInt64, _ b: UInt64) -> Bool {
        edges.contains { $0.mask & (a | b) == $0.mask && $0.mask & a != 0 && $0.mask & b != 0 }
    }

    /// The cost of joining two parts: the rows produced, the probe side's rows, and the build side's,
    /// weighed more for building a hash table.
    private mutating func joinCost(_ a: UInt64, _ b: UInt64) -> Double {
        let ra = rows(a), rb = rows(b)
        return rows(a | b) + max(ra, rb) + 3 * min(ra, rb)
    }

    /// The cheapest tree by dynamic programming over every connected subset.
    mutating func bestTreeExhaustive() -> JoinTree {
        let n = inputs.count, full = (UInt64(1) << UInt64(n)) - 1
        var cost = [Double](repeating: .infinity, count: Int(full) + 1)
        var split = [UInt64](repeating: 0, count: Int(full) + 1)
        for set in 1...full {
            if set.nonzeroBitCount == 1 { cost[Int(set)] = 0; continue }
            let lowest = set & (~set &+ 1)
            var left = (set &- 1) & set
            while left > 0 {
                let right = set ^ left
                if left & lowest != 0, cost[Int(left)] < .infinity, cost[Int(right)] < .infinity, connects(left, right) {
                    let c = cost[Int(left)] + cost[Int(right)] + joinCost(left, right)
                    if c < cost[Int(set)] {
                        cost[Int(set)] = c
                        split[Int(set)] = left
                    }
                }
                left = (left &- 1) & set
            }
        }
        func tree(_ set: UInt64) -> JoinTree {
            if set.nonzeroBitCount == 1 { return .leaf(set.trailingZeroBitCount) }
            return .join(tree(split[Int(set)]), tree(set ^ split[Int(set)]))
        }
        if cost[Int(full)] < .infinity { return tree(full) }
        // Parts no condition connects: the best tree of each, then cross products, smallest first.
        var parts: [UInt64] = []
        var remaining = full
        while remaining != 0 {
            var part = remaining & (~remaining &+ 1)
            var grown = true
            while grown {
                grown = false
                for k in 0..<n where remaining & (1 << UInt64(k)) != 0 && part & (1 << UInt64(k)) == 0 {
                    let bit = UInt64(1) << UInt64(k)
                    if connects(part, bit), cost[Int(part | bit)] < .infinity { part |= bit; grown = true }
                }
            }
            parts.append(part)
            remaining &= ~part
        }
        return combine(parts.map { tree($0) })
    }

    /// A greedy order for many inputs: repeatedly join the connected pair with the smallest result.
    mutating func bestTreeGreedy() -> JoinTree {
        var trees = inputs.indices.map { JoinTree.leaf($0) }
        while trees.count > 1 {
            var best: (Int, Int, Double)? = nil
            for i in trees.indices {
                for j in trees.indices where j > i {
                    let a = Self.mask(trees[i]), b = Self.mask(trees[j])
                    guard connects(a, b) else { continue }
                    let r = rows(a | b)
                    if best == nil || r < best!.2 { best = (i, j, r) }
                }
            }
            guard let (i, j, _) = best else { return combine(trees) }
            let joined = JoinTree.join(trees[i], trees[j])
            trees.remove(at: j)
            trees[i] = joined
        }
        return trees[0]
    }

    /// Trees no condition connects, cross joined from the smallest up.
    private mutating func combine(_ trees: [JoinTree]) -> JoinTree {
        var sorted: [(JoinTree, Double)] = []
        for t in trees { sorted.append((t, rows(Self.mask(t)))) }
        sorted.sort { $0.1 < $1.1 }
        var result = sorted[0].0
        for (t, _) in sorted.dropFirst() { result = .join(result, t) }
        return result
    }

    /// The plan of a tree and the multi-way join's column that each of its output columns is.
    mutating func build(_ tree: JoinTree) -> (plan: LogicalPlan, columns: [Int]) {
        switch tree {
        case let .leaf(k):
            return (inputs[k], Array(ranges[k]))
        case let .join(a, b):
            var (probe, build) = (a, b)
            if rows(Self.mask(b)) > rows(Self.mask(a)) { (probe, build) = (b, a) }
            let left = self.build(probe), right = self.build(build)
            let leftMask = Self.mask(probe), rightMask = Self.mask(build)
            return (joinPlan(left, right, leftMask, rightMask), left.columns + right.columns)
        }
    }

    /// The join of two built parts: one key per equivalence class spanning them, the other equalities
    /// between them as keys, and the remaining conditions between them as the residual.
    private func joinPlan(_ left: (plan: LogicalPlan, columns: [Int]), _ right: (plan: LogicalPlan, columns: [Int]),
                          _ leftMask: UInt64, _ rightMask: UInt64) -> LogicalPlan {
        var leftPosition: [Int: Int] = [:], rightPosition: [Int: Int] = [:], pairPosition: [Int: Int] = [:]
        for (i, c) in left.columns.enumerated() { leftPosition[c] = i; pairPosition[c] = i }
        for (i, c) in right.columns.enumerated() { rightPosition[c] = i; pairPosition[c] = left.columns.count + i }
        let types = left.plan.outputTypes() + right.plan.outputTypes()
        var leftKeys: [BoundExpression] = [], rightKeys: [BoundExpression] = [], residual: [BoundExpression] = []
        for members in classes {
            guard let l = members.first(where: { leftPosition[$0] != nil }),
                  let r = members.first(where: { rightPosition[$0] != nil }) else { continue }
            leftKeys.append(.input(leftPosition[l]!, types[pairPosition[l]!]))
            rightKeys.append(.input(rightPosition[r]!, types[pairPosition[r]!]))
        }
        let both = leftMask | rightMask
        for edge in edges where edge.mask & both == edge.mask && edge.mask & leftMask != 0 && edge.mask & rightMask != 0 {
            if edge.condition.columnEqualsColumn != nil { continue }
            let local = edge.condition.remappingColumns(pairPosition)
            if let (l, r) = JoinConditions.keyPair(local, leftCount: left.columns.count) {
                leftKeys.append(l)
                rightKeys.append(r)
            } else {
                residual.append(local)
            }
        }
        let kind: JoinKindPlan = leftKeys.isEmpty && residual.isEmpty ? .cross : .inner
        return .join(left.plan, right.plan, JoinPlan(kind: kind, leftKeys: leftKeys, rightKeys: rightKeys,
                                                    residual: .allOf(residual)))
    }
}
