import InsqStorage

/// Pass 2: gathers each tree of inner and cross joins, with the filters right above them, into one
/// multi-way join: its inputs and every condition over them, whether it came from ON, WHERE or a comma
/// join, whatever the order of FROM. The conditions are normalized so the join order pass sees the whole
/// graph: a conjunct common to every branch of an OR is taken out of it, column equalities are closed
/// transitively (`a = b AND b = c` gives `a = c`), and a constant one column is held to holds for every
/// column equal to it. The conditions of LEFT, semi and anti joins are split into hash keys and a residual.
enum JoinGraphExtraction {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        if plan.isInnerJoinTree { return extract(plan) }
        switch plan {
        case .scan, .singleRow: return plan
        case let .filter(child, predicate): return .filter(apply(child), predicate)
        case let .project(child, exprs): return .project(apply(child), exprs)
        case let .aggregate(child, keys, aggregates): return .aggregate(apply(child), keys: keys, aggregates: aggregates)
        case let .join(l, r, join):
            let (split, rightFilters) = JoinConditions.split(join, leftCount: l.outputTypes().count)
            return .join(apply(l), PredicatePushdown.filtered(apply(r), rightFilters), split)
        case .multiJoin: return extract(plan)
        case let .distinct(child): return .distinct(apply(child))
        case let .sort(child, keys): return .sort(apply(child), keys)
        case let .limit(child, limit, offset): return .limit(apply(child), limit: limit, offset: offset)
        case let .setOperation(l, r, kind, isAll): return .setOperation(apply(l), apply(r), kind, isAll: isAll)
        case let .window(child, calls): return .window(apply(child), calls)
        }
    }

    private static func extract(_ plan: LogicalPlan) -> LogicalPlan {
        var inputs: [LogicalPlan] = [], conditions: [BoundExpression] = []
        var width = 0
        collect(plan, inputs: &inputs, conditions: &conditions, width: &width)
        let types = inputs.flatMap { $0.outputTypes() }
        return .multiJoin(inputs, conditions: normalized(conditions, types: types))
    }

    /// Appends the inputs of `plan` (a join tree, or a single input) and its conditions, shifted to the
    /// position its columns take among everything collected so far.
    private static func collect(_ plan: LogicalPlan, inputs: inout [LogicalPlan], conditions: inout [BoundExpression],
                                width: inout Int) {
        let base = width
        func shifted(_ e: BoundExpression, by offset: Int) -> BoundExpression { e.remappingColumns([:], shift: -offset) }
        switch plan {
        case let .join(l, r, join) where join.kind == .inner || join.kind == .cross:
            collect(l, inputs: &inputs, conditions: &conditions, width: &width)
            let rightBase = width
            collect(r, inputs: &inputs, conditions: &conditions, width: &width)
            for (lk, rk) in zip(join.leftKeys, join.rightKeys) {
                conditions.append(.compare(.equal, shifted(lk, by: base), shifted(rk, by: rightBase)))
            }
            if let residual = join.residual { conditions += residual.conjuncts.map { shifted($0, by: base) } }
        case let .filter(child, predicate) where child.isInnerJoinTree:
            collect(child, inputs: &inputs, conditions: &conditions, width: &width)
            conditions += predicate.conjuncts.map { shifted($0, by: base) }
        case let .multiJoin(children, childConditions):
            for child in children { collect(child, inputs: &inputs, conditions: &conditions, width: &width) }
            conditions += childConditions.map { shifted($0, by: base) }
        default:
            inputs.append(apply(plan))
            width += plan.outputTypes().count
        }
    }

    /// The conditions with ORs factored, duplicates dropped, and the equalities and constants that follow
    /// from column equalities added.
    static func normalized(_ conditions: [BoundExpression], types: [DataType]) -> [BoundExpression] {
        var result: [BoundExpression] = []
        func add(_ e: BoundExpression) { if !result.contains(e) { result.append(e) } }
        for c in conditions { factorOr(c).forEach(add) }
        let classes = EquivalenceClasses(result)
        for members in classes.groups where members.count > 1 {
            for (i, a) in members.enumerated() {
                for b in members[(i + 1)...] {
                    let forward = BoundExpression.compare(.equal, .input(a, types[a]), .input(b, types[b]))
                    let backward = BoundExpression.compare(.equal, .input(b, types[b]), .input(a, types[a]))
                    if !result.contains(forward) && !result.contains(backward) { result.append(forward) }
                }
            }
        }
        for c in result {
            guard let (column, constant) = c.columnEqualsConstant else { continue }
            for other in classes.members(of: column) where other != column && types[other] == types[column] {
                add(.compare(.equal, .input(other, types[other]), constant))
            }
        }
        return result
    }

    /// `(A AND B) OR (A AND C)` as `A` and `B OR C`; an OR with a branch that is all common conjuncts goes.
    static func factorOr(_ condition: BoundExpression) -> [BoundExpression] {
        let branches = condition.disjuncts
        guard branches.count > 1 else { return [condition] }
        let terms = branches.map(\.conjuncts)
        let common = terms[0].filter { t in terms.dropFirst().allSatisfy { $0.contains(t) } }
        if common.isEmpty { return [condition] }
        let rests = terms.map { $0.filter { !common.contains($0) } }
        if rests.contains(where: \.isEmpty) { return common }
        return common + [BoundExpression.anyOf(rests.map { BoundExpression.allOf($0)! })!]
    }
}

/// Columns that equality conditions make equal, grouped (union-find over `column = column` of one type).
struct EquivalenceClasses {
    private var parent: [Int: Int] = [:]

    init(_ conditions: [BoundExpression]) {
        for c in conditions {
            if let (a, b) = c.columnEqualsColumn { union(a, b) }
        }
    }

    private mutating func find(_ x: Int) -> Int {
        var root = x
        while let p = parent[root], p != root { root = p }
        var node = x
        while let p = parent[node], p != root { parent[node] = root; node = p }
        return root
    }

    private mutating func union(_ a: Int, _ b: Int) {
        if parent[a] == nil { parent[a] = a }
        if parent[b] == nil { parent[b] = b }
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    /// Each class of two or more columns, its columns in ascending order; classes ordered by first column.
    var groups: [[Int]] {
        var copy = self
        var byRoot: [Int: [Int]] = [:]
        for column in parent.keys.sorted() { byRoot[copy.find(column), default: []].append(column) }
        return byRoot.keys.sorted().map { byRoot[$0]! }
    }

    /// The columns in the class of `column` (just `column` when it is in none).
    func members(of column: Int) -> [Int] {
        guard parent[column] != nil else { return [column] }
        return groups.first { $0.contains(column) } ?? [column]
    }
}

extension BoundExpression {
    /// `a = b` between two columns of one type.
    var columnEqualsColumn: (Int, Int)? {
        guard case let .compare(.equal, l, r) = unlocated, case let .column(a, ta, _) = l.unlocated,
              case let .column(b, tb, _) = r.unlocated, ta == tb, a != b else { return nil }
        return (a, b)
    }

    /// `column = constant` (either way round).
    var columnEqualsConstant: (Int, BoundExpression)? {
        guard case let .compare(.equal, l, r) = unlocated else { return nil }
        if case let .column(a, _, _) = l.unlocated, r.isConstant { return (a, r) }
        if case let .column(a, _, _) = r.unlocated, l.isConstant { return (a, l) }
        return nil
    }
}

extension LogicalPlan {
    /// An inner or cross join, possibly under filters.
    var isInnerJoinTree: Bool {
        switch self {
        case let .join(_, _, join): return join.kind == .inner || join.kind == .cross
        case let .filter(child, _): return child.isInnerJoinTree
        default: return false
        }
    }
}
