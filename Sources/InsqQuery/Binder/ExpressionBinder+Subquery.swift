import InsqStorage
import InsqSyntax

/// The values of an enclosing query that a subquery reads: each becomes a parameter of the subquery.
final class OuterFrame {
    let scope: Scope
    /// Expressions over the enclosing query's input: its columns, or its own parameters when the value
    /// comes from further out.
    private(set) var captured: [BoundExpression] = []

    init(scope: Scope) { self.scope = scope }

    /// The parameter number of an enclosing value, adding it on first use.
    func capture(_ value: BoundExpression) -> Int {
        if let k = captured.firstIndex(of: value) { return k }
        captured.append(value)
        return captured.count - 1
    }
}

extension ExpressionBinder {
    /// Binds `(SELECT ...)`, `EXISTS (...)` or `x IN (SELECT ...)`; columns of this scope used inside
    /// become the subquery's outer arguments.
    func bindSubquery(_ query: Query, kind: SubqueryKind, operand: (BoundExpression, SourceRange)?,
                      range: SourceRange) throws -> BoundExpression {
        guard let binder else { throw TypeRules.error("a subquery is not allowed here", range) }
        let frame = OuterFrame(scope: scope)
        binder.outerFrames.append(frame)
        defer { binder.outerFrames.removeLast() }
        var relation = try binder.bind(query)
        var boundOperand: BoundExpression? = nil
        let type: DataType
        switch kind {
        case .exists:
            type = .boolean
        case .scalar, .inValues:
            guard relation.columns.count == 1 else {
                throw TypeRules.error("this subquery must return one column, not \(relation.columns.count)", range)
            }
            if case .scalar = kind {
                type = relation.columns[0].type == .null ? .text : relation.columns[0].type
            } else {
                type = .boolean
                guard let (value, valueRange) = operand else { throw TypeRules.error("IN needs a value", range) }
                let columnType = relation.columns[0].type
                // Compare as in `x = y`: find the common type and cast whichever side needs it.
                let probe = try TypeRules.comparison(.equal, value, .column(0, columnType, SourceRangeBox(range)),
                                                     leftRange: valueRange, rightRange: range)
                guard case let .compare(_, left, right) = probe else { throw TypeRules.error("cannot compare", range) }
                boundOperand = left
                if right.type != columnType {
                    relation.plan = .project(relation.plan, [right])
                    relation.columns[0].type = right.type
                }
            }
        }
        let arguments = frame.captured
        let plan = PlanBox(relation.plan, columnTypes: relation.types)
        return .subquery(SubqueryPlan(kind: kind, plan: plan, outerArguments: arguments, operand: boundOperand, type: type))
    }

    /// Binds `f(...) OVER (PARTITION BY ... ORDER BY ...)`: arguments, partition and order may use
    /// aggregates (windows run after grouping) but not other window functions.
    func bindWindow(_ call: Expression, _ specification: WindowSpecification, range: SourceRange) throws -> BoundExpression {
        guard let windows else { throw TypeRules.error("window functions are not allowed in \(clause)", range) }
        guard case let .function(name, arguments, isDistinct, isStar) = call.kind else {
            throw TypeRules.error("OVER must follow a function call", call.range)
        }
        let inner = ExpressionBinder(scope: scope, aggregates: aggregates, clause: "a window function", binder: binder)
        let key = name.name.lowercased()
        guard let function = WindowFunction(rawValue: key) else {
            let names = ["row_number", "rank", "dense_rank", "lag", "lead", "count", "sum", "avg", "min", "max"]
            throw TypeRules.error("\(name.name) is not a window function\(NameSuggestion.hint(for: name.name, among: names))", name.range)
        }
        if isDistinct { throw TypeRules.error("DISTINCT is not supported in window functions", call.range) }
        var args = try arguments.map(inner.bind)
        let partitionBy = try specification.partitionBy.map(inner.bind)
        let orderBy = try specification.orderBy.map {
            WindowOrder(expression: try inner.bind($0.expression), isDescending: $0.isDescending,
                        nullsFirst: $0.nulls.map { $0 == .first } ?? !$0.isDescending)
        }
        var function2 = function
        let type: DataType
        switch function {
        case .rowNumber, .rank, .denseRank:
            guard args.isEmpty, !isStar else { throw TypeRules.error("\(key)() takes no arguments", call.range) }
            type = .bigint
        case .lag, .lead:
            guard (1...3).contains(args.count) else { throw TypeRules.error("\(key)() takes 1 to 3 arguments", call.range) }
            if args.count > 1 {
                guard case let .constant(.bigint(offset), _) = args[1], offset >= 0 else {
                    throw TypeRules.error("the offset of \(key)() must be a whole number, 0 or more", arguments[1].range)
                }
            }
            // The result takes the common type of the value and the default (lag(id, 1, 2.5) is a DECIMAL).
            var common = args[0].type
            if args.count > 2 {
                common = try TypeRules.unify([(args[0], arguments[0].range), (args[2], arguments[2].range)],
                                             what: "\(key)() value and default")
                args[2] = try TypeRules.coerce(args[2], to: common == .null ? .bigint : common, range: arguments[2].range)
            }
            type = common == .null ? .bigint : common
            args[0] = try TypeRules.coerce(args[0], to: type, range: arguments[0].range)
        case .count, .countStar, .sum, .avg, .min, .max:
            if isStar {
                guard function == .count else { throw TypeRules.error("only COUNT takes *", call.range) }
                function2 = .countStar
                type = .bigint
                break
            }
            guard args.count == 1 else { throw TypeRules.error("\(key)() takes 1 argument", call.range) }
            // An untyped NULL argument aggregates like a BIGINT that is always NULL.
            if args[0].type == .null { args[0] = .constant(.null, .bigint) }
            switch function {
            case .count: type = .bigint
            case .avg:
                guard args[0].type.isNumeric else { throw TypeRules.error("avg() needs a number, got \(args[0].type)", arguments[0].range) }
                type = .double
            case .sum:
                switch args[0].type {
                case .bigint: type = .bigint
                case let .decimal(_, s): type = .decimal(precision: 18, scale: s)
                case .double: type = .double
                default: throw TypeRules.error("sum() needs a number, got \(args[0].type)", arguments[0].range)
                }
            default: type = args[0].type == .null ? .bigint : args[0].type
            }
        }
        let windowCall = WindowCall(function: function2, arguments: args, partitionBy: partitionBy, orderBy: orderBy, type: type)
        return .windowResult(windows.add(windowCall), type)
    }
}
