import InsqStorage
import InsqSyntax

/// Turns a parsed query into a logical plan: names resolved, types checked, columns pruned.
/// One binder serves a whole statement: it keeps the WITH names in scope and the enclosing queries'
/// columns for correlated subqueries.
final class Binder {
    let catalog: Catalog
    let source: SourceText
    /// Reads `FROM 'file'`; nil where files cannot be read.
    let loadFile: FileTableLoader?
    /// The files read so far in this statement, shared with the binders of the views it uses.
    let loadedFiles: LoadedFiles
    /// The views being expanded around this binder, outermost first (lower-cased), to refuse a view that
    /// refers to itself.
    let expandingViews: [String]
    /// The reference to the outermost view in the user's statement when this binder reads a view's text:
    /// ranges into that text mean nothing to the user, so run-time failures point at the reference instead.
    let viewReference: SourceRange?
    /// Common table expressions visible here, innermost WITH last.
    private var cteFrames: [[String: Relation]] = []
    /// Columns of enclosing queries that a subquery may read, innermost last.
    var outerFrames: [OuterFrame] = []

    init(catalog: Catalog, source: SourceText, loadFile: FileTableLoader? = nil, loadedFiles: LoadedFiles = LoadedFiles(),
         expandingViews: [String] = [], viewReference: SourceRange? = nil) {
        self.catalog = catalog
        self.source = source
        self.loadFile = loadFile
        self.loadedFiles = loadedFiles
        self.expandingViews = expandingViews
        self.viewReference = viewReference
    }

    /// Binds a whole query: WITH, the body, then its ORDER BY and LIMIT.
    func bind(_ query: Query) throws -> Relation {
        var frame: [String: Relation] = [:]
        cteFrames.append(frame)
        defer { cteFrames.removeLast() }
        for cte in query.with {
            var relation = try bind(cte.query)
            if !cte.columnNames.isEmpty {
                guard cte.columnNames.count == relation.columns.count else {
                    throw TypeRules.error("\(cte.name.name) names \(cte.columnNames.count) columns but its query has \(relation.columns.count)", cte.name.range)
                }
                for (i, n) in cte.columnNames.enumerated() { relation.columns[i].name = n.name }
            }
            frame[cte.name.name.lowercased()] = relation.aliased(cte.name.name)
            cteFrames[cteFrames.count - 1] = frame
        }
        switch query.body {
        case let .select(core):
            return try bindSelect(core, orderBy: query.orderBy, limit: query.limit, offset: query.offset)
        case let .setOperation(left, op, isAll, right, range):
            return try orderAndLimit(try bindSetOperation(left, op, isAll, right, range: range), query)
        case let .from(reference, _):
            return try orderAndLimit(try bindFromQuery(reference), query)
        case let .parenthesized(inner):
            return try orderAndLimit(try bind(inner), query)
        case let .pipe(input, operators):
            var relation = try bind(input)
            for op in operators { relation = try applyPipe(op, to: relation) }
            return try orderAndLimit(relation, query)
        }
    }

    /// A WITH name visible here, innermost first.
    func commonTable(named name: String) -> Relation? {
        let key = name.lowercased()
        for frame in cteFrames.reversed() { if let r = frame[key] { return r } }
        return nil
    }

    /// ORDER BY and LIMIT over a relation's output: positions, output names, or expressions over its columns.
    func orderAndLimit(_ relation: Relation, _ query: Query) throws -> Relation {
        try orderAndLimit(relation, orderBy: query.orderBy, limit: query.limit, offset: query.offset)
    }

    func orderAndLimit(_ relation: Relation, orderBy: [OrderItem], limit: Expression?, offset: Expression?) throws -> Relation {
        if orderBy.isEmpty && limit == nil && offset == nil { return relation }
        var plan = relation.plan
        if !orderBy.isEmpty {
            let scope = relation.scope
            var projection = relation.columns.indices.map { BoundExpression.column($0, relation.columns[$0].type, SourceRangeBox(.init(0, 0))) }
            var keys: [SortKey] = []
            for item in orderBy {
                var column: Int
                if let k = try ordinal(item.expression, count: relation.columns.count, clause: "ORDER BY") {
                    column = k
                } else {
                    let e = try ExpressionBinder(scope: scope, aggregates: nil, clause: "ORDER BY", binder: self).bind(item.expression)
                    if let i = projection.firstIndex(of: e) { column = i } else {
                        projection.append(e)
                        column = projection.count - 1
                    }
                }
                keys.append(SortKey(column: column, isDescending: item.isDescending,
                                    nullsFirst: item.nulls.map { $0 == .first } ?? !item.isDescending))
            }
            if projection.count > relation.columns.count { plan = .project(plan, projection) }
            plan = .sort(plan, keys)
            if projection.count > relation.columns.count {
                plan = .project(plan, relation.columns.indices.map { .column($0, relation.columns[$0].type, SourceRangeBox(.init(0, 0))) })
            }
        }
        plan = try limited(plan, limit: limit, offset: offset)
        return Relation(plan: plan, columns: relation.columns)
    }

    func limited(_ plan: LogicalPlan, limit: Expression?, offset: Expression?) throws -> LogicalPlan {
        let limitValue = try limit.map { try constantCount($0, "LIMIT") }
        let offsetValue = try offset.map { try constantCount($0, "OFFSET") } ?? 0
        if limitValue != nil || offsetValue > 0 { return .limit(plan, limit: limitValue, offset: offsetValue) }
        return plan
    }

    /// Rewrites an expression to read the aggregation's output: group keys and aggregates become columns.
    func afterAggregation(_ e: BoundExpression, keys: [BoundExpression]) throws -> BoundExpression {
        try e.rewritten { node in
            if let k = keys.firstIndex(of: node) { return .column(k, node.type, SourceRangeBox(SourceRange(0, 0))) }
            switch node {
            case let .aggregate(i, t): return .column(keys.count + i, t, SourceRangeBox(SourceRange(0, 0)))
            case let .column(_, _, box):
                let name = source.slice(box.range)
                throw TypeRules.error("column \"\(name)\" must appear in GROUP BY or be used in an aggregate function", box.range)
            default: return nil
            }
        }
    }

    /// A positive integer literal names a select item (1-based); other integers are errors.
    func ordinal(_ e: Expression, count: Int, clause: String) throws -> Int? {
        guard case let .literal(.number(text)) = e.kind, !text.contains("."), !text.lowercased().contains("e") else { return nil }
        guard let k = Int(text), k >= 1, k <= count else {
            throw TypeRules.error("\(clause) position \(text) is not in the select list (1 to \(count))", e.range)
        }
        return k - 1
    }

    func constantCount(_ e: Expression, _ clause: String) throws -> Int {
        let bound = try ExpressionBinder(scope: .empty, aggregates: nil, clause: clause, binder: self).bind(e)
        guard case let .constant(.bigint(v), _) = bound, v >= 0 else {
            throw TypeRules.error("\(clause) needs a whole number of rows, 0 or more", e.range)
        }
        return Int(clamping: v)
    }

    /// A column's name for a bare column, else the expression as written.
    func outputName(_ e: Expression) -> String {
        if case let .column(_, name) = e.kind { return name.name }
        return source.slice(e.range)
    }

    /// The plan for FROM: every column of every table, in FROM order (the optimizer prunes and reorders).
    func buildFrom(_ node: FromNode) -> LogicalPlan {
        switch node {
        case .singleRow:
            return .singleRow
        case let .table(table, _, _):
            return .scan(table, columns: Array(table.schema.indices))
        case let .relation(relation, _, _):
            return relation.plan
        case let .join(l, r, kind, condition):
            let residual = condition?.remappingColumns([:], shift: node.virtualRange.lowerBound)
            return .join(buildFrom(l), buildFrom(r), JoinPlan(kind: kind, leftKeys: [], rightKeys: [], residual: residual))
        }
    }
}
