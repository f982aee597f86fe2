import InsqStorage
import InsqSyntax

/// Collects the aggregates an expression list uses, so equal aggregates are computed once.
final class AggregateCollector {
    private(set) var calls: [AggregateCall] = []

    func add(_ call: AggregateCall) -> Int {
        if let i = calls.firstIndex(of: call) { return i }
        calls.append(call)
        return calls.count - 1
    }
}

/// Resolves names and types in AST expressions, inserting the casts that make operand types agree.
struct ExpressionBinder {
    let scope: Scope
    /// Where aggregates go; nil where they are not allowed.
    let aggregates: AggregateCollector?
    /// The clause being bound, for messages ("WHERE", "GROUP BY").
    let clause: String
    /// The statement's binder, for subqueries and the columns of enclosing queries.
    let binder: Binder?
    /// Where window functions go; nil where they are not allowed.
    let windows: WindowCollector?

    init(scope: Scope, aggregates: AggregateCollector?, clause: String, binder: Binder? = nil, windows: WindowCollector? = nil) {
        self.scope = scope
        self.aggregates = aggregates
        self.clause = clause
        self.binder = binder
        self.windows = windows
    }

    /// Where a failure at run time is reported: the expression itself, or the reference to the view that
    /// holds it when it comes from a view's text (which is not the text the user sees).
    func runtimeLocation(_ range: SourceRange) -> SourceRangeBox {
        SourceRangeBox(binder?.viewReference ?? range)
    }

    func bind(_ e: Expression) throws -> BoundExpression {
        switch e.kind {
        case let .literal(l):
            return try bindLiteral(l, range: e.range)
        case let .column(table, name):
            do {
                let c = try scope.resolve(table: table, name: name)
                return .column(c.index, c.type, SourceRangeBox(e.range))
            } catch let failure as Diagnostic {
                // Not here: perhaps a column of an enclosing query (a correlated subquery), however far out.
                guard let frames = binder?.outerFrames,
                      let level = frames.indices.reversed().first(where: { (try? frames[$0].scope.resolve(table: table, name: name)) != nil }),
                      let c = try? frames[level].scope.resolve(table: table, name: name) else { throw failure }
                // Each subquery between that query and this one passes the value in as a parameter of its own.
                var value = BoundExpression.column(c.index, c.type, SourceRangeBox(e.range))
                for frame in frames[level...] { value = .outerColumn(depth: 0, index: frame.capture(value), c.type) }
                return value
            }
        case let .unary(op, a):
            let x = try bind(a)
            switch op {
            case .not: return .not(try TypeRules.boolean(x, "NOT", range: a.range))
            case .plus:
                guard x.type.isNumeric || x.type == .null else { throw TypeRules.error("cannot apply unary + to \(x.type)", e.range) }
                return x
            case .negate:
                if case let .constant(.bigint(v), t) = x, v != Int64.min { return .constant(.bigint(-v), t) }
                if case let .constant(.decimal(v, s), t) = x, v != Int64.min { return .constant(.decimal(-v, scale: s), t) }
                if case let .constant(.double(v), t) = x { return .constant(.double(-v), t) }
                guard x.type.isNumeric || x.type == .null else { throw TypeRules.error("cannot negate a value of type \(x.type)", e.range) }
                return x.type == .null ? x : .located(.negate(x), runtimeLocation(e.range))
            }
        case let .binary(op, a, b):
            let bound = try bindBinary(op, a, b, range: e.range)
            if case .arithmetic = bound { return .located(bound, runtimeLocation(e.range)) }
            return bound
        case let .isNull(a, negated):
            return .isNull(try bind(a), negated: negated)
        case let .inList(a, items, negated):
            let x = try bind(a)
            var terms: [BoundExpression] = []
            for item in items {
                terms.append(try TypeRules.comparison(.equal, x, try bind(item), leftRange: a.range, rightRange: item.range))
            }
            let any = TypeRules.balanced(terms, BoundExpression.or)
            return negated ? .not(any) : any
        case let .between(a, low, high, negated):
            let x = try bind(a)
            let lo = try TypeRules.comparison(.greaterEqual, x, try bind(low), leftRange: a.range, rightRange: low.range)
            let hi = try TypeRules.comparison(.lessEqual, x, try bind(high), leftRange: a.range, rightRange: high.range)
            let both = BoundExpression.and(lo, hi)
            return negated ? .not(both) : both
        case let .like(a, pattern, escape, negated):
            return try bindLike(a, pattern, escape, negated)
        case let .caseWhen(operand, whens, elseResult):
            return try bindCase(operand, whens, elseResult, range: e.range)
        case let .cast(a, typeName):
            let x = try bind(a)
            let target = try TypeRules.resolve(typeName)
            guard CastKernels.isAllowed(from: x.type, to: target) else {
                throw TypeRules.error("cannot cast \(x.type) to \(target)", e.range)
            }
            let cast = try TypeRules.coerce(x, to: target, range: a.range)
            return cast.isConstant ? cast : .located(cast, runtimeLocation(e.range))
        case let .function(name, arguments, isDistinct, isStar):
            return try bindFunction(name, arguments, isDistinct: isDistinct, isStar: isStar, range: e.range)
        case let .window(call, specification):
            return try bindWindow(call, specification, range: e.range)
        case let .scalarSubquery(query):
            return try bindSubquery(query, kind: .scalar, operand: nil, range: e.range)
        case let .exists(query, negated):
            return try bindSubquery(query, kind: .exists(negated: negated), operand: nil, range: e.range)
        case let .inSubquery(operand, query, negated):
            return try bindSubquery(query, kind: .inValues(negated: negated), operand: (try bind(operand), operand.range), range: e.range)
        case let .extract(field, operand):
            let function: ScalarFunction
            switch field.name.lowercased() {
            case "year": function = .year
            case "month": function = .month
            case "day": function = .day
            default:
                throw TypeRules.error("EXTRACT takes YEAR, MONTH or DAY, not \(field.name)", field.range)
            }
            let bound = try FunctionTyping.bind(function, name: field.name.lowercased(), [try bind(operand)], [operand.range], range: e.range)
            return bound.isConstant ? bound : .located(bound, runtimeLocation(e.range))
        }
    }

    private func bindLiteral(_ l: Literal, range: SourceRange) throws -> BoundExpression {
        switch l {
        case let .number(text):
            guard let v = TypeRules.numberLiteral(text) else {
                throw TypeRules.error("number \(text) is out of range", range)
            }
            return v
        case let .string(s): return .constant(.text(s), .text)
        case let .boolean(b): return .constant(.boolean(b), .boolean)
        case .null: return .constant(.null, .null)
        case let .date(text):
            guard let d = DateDays.parse(text) else {
                throw TypeRules.error("invalid date '\(text)'; expected YYYY-MM-DD", range)
            }
            return .constant(.date(d), .date)
        }
    }

    private func bindBinary(_ op: BinaryOperator, _ a: Expression, _ b: Expression, range: SourceRange) throws -> BoundExpression {
        let x = try bind(a), y = try bind(b)
        switch op {
        case .and: return .and(try TypeRules.boolean(x, "AND", range: a.range), try TypeRules.boolean(y, "AND", range: b.range))
        case .or: return .or(try TypeRules.boolean(x, "OR", range: a.range), try TypeRules.boolean(y, "OR", range: b.range))
        case .concat:
            return .concat(try TypeRules.coerce(x, to: .text, range: a.range), try TypeRules.coerce(y, to: .text, range: b.range))
        case .equal: return try TypeRules.comparison(.equal, x, y, leftRange: a.range, rightRange: b.range)
        case .notEqual: return try TypeRules.comparison(.notEqual, x, y, leftRange: a.range, rightRange: b.range)
        case .less: return try TypeRules.comparison(.less, x, y, leftRange: a.range, rightRange: b.range)
        case .lessEqual: return try TypeRules.comparison(.lessEqual, x, y, leftRange: a.range, rightRange: b.range)
        case .greater: return try TypeRules.comparison(.greater, x, y, leftRange: a.range, rightRange: b.range)
        case .greaterEqual: return try TypeRules.comparison(.greaterEqual, x, y, leftRange: a.range, rightRange: b.range)
        case .add: return try TypeRules.arithmetic(.add, x, y, range: range, leftRange: a.range, rightRange: b.range)
        case .subtract: return try TypeRules.arithmetic(.subtract, x, y, range: range, leftRange: a.range, rightRange: b.range)
        case .multiply: return try TypeRules.arithmetic(.multiply, x, y, range: range, leftRange: a.range, rightRange: b.range)
        case .divide: return try TypeRules.arithmetic(.divide, x, y, range: range, leftRange: a.range, rightRange: b.range)
        case .modulo: return try TypeRules.arithmetic(.modulo, x, y, range: range, leftRange: a.range, rightRange: b.range)
        }
    }

    private func bindLike(_ a: Expression, _ pattern: Expression, _ escape: Expression?, _ negated: Bool) throws -> BoundExpression {
        let x = try TypeRules.coerce(try bind(a), to: .text, range: a.range)
        let p = try bind(pattern)
        if case .constant(.null, _) = p { return .constant(.null, .boolean) }
        guard case let .constant(.text(patternText), _) = p else {
            throw TypeRules.error("the LIKE pattern must be a string literal", pattern.range)
        }
        var escapeScalar: Unicode.Scalar? = nil
        if let escape {
            guard case let .constant(.text(e), _) = try bind(escape), e.unicodeScalars.count == 1 else {
                throw TypeRules.error("ESCAPE takes a string of exactly one character", escape.range)
            }
            escapeScalar = e.unicodeScalars.first
        }
        return .like(x, pattern: LikePattern(patternText, escape: escapeScalar), negated: negated)
    }

    private func bindCase(_ operand: Expression?, _ whens: [WhenClause], _ elseResult: Expression?,
                          range: SourceRange) throws -> BoundExpression {
        let subject = try operand.map(bind)
        var conditions: [BoundExpression] = []
        var results: [(BoundExpression, SourceRange)] = []
        for w in whens {
            var c = try bind(w.condition)
            if let subject, let operand {
                c = try TypeRules.comparison(.equal, subject, c, leftRange: operand.range, rightRange: w.condition.range)
            } else {
                c = try TypeRules.boolean(c, "WHEN", range: w.condition.range)
            }
            conditions.append(c)
            results.append((try bind(w.result), w.result.range))
        }
        if let elseResult { results.append((try bind(elseResult), elseResult.range)) }
        let type = try TypeRules.unify(results, what: "CASE results")
        let coerced = try results.map { try TypeRules.coerce($0.0, to: type, range: $0.1) }
        let arms = zip(conditions, coerced).map { BoundWhen(condition: $0, result: $1) }
        return .caseWhen(arms, elseResult: elseResult == nil ? nil : coerced.last, type)
    }

    private func bindFunction(_ name: Identifier, _ arguments: [Expression], isDistinct: Bool, isStar: Bool,
                              range: SourceRange) throws -> BoundExpression {
        let key = name.name.lowercased()
        if FunctionRegistry.niladic.contains(key) {
            guard arguments.isEmpty, !isStar, !isDistinct else { throw TypeRules.error("\(key) takes no arguments", range) }
            return .constant(.date(Today.dayNumber), .date)
        }
        if let aggregate = FunctionRegistry.aggregates[key] {
            return try bindAggregate(aggregate, name, arguments, isDistinct: isDistinct, isStar: isStar, range: range)
        }
        guard let (function, arity) = FunctionRegistry.scalar[key] else {
            throw TypeRules.error("unknown function \"\(name.name)\"\(NameSuggestion.hint(for: name.name, among: FunctionRegistry.allNames))", name.range)
        }
        if isStar || isDistinct {
            throw TypeRules.error("\(key)() is not an aggregate; \(isStar ? "*" : "DISTINCT") is not allowed here", range)
        }
        guard arity.contains(arguments.count) else {
            let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            throw TypeRules.error("\(key)() takes \(expected) argument\(arity.upperBound == 1 ? "" : "s"), got \(arguments.count)", range)
        }
        let args = try arguments.map(bind)
        let bound = try FunctionTyping.bind(function, name: key, args, arguments.map(\.range), range: range)
        return bound.isConstant ? bound : .located(bound, runtimeLocation(range))
    }

    private func bindAggregate(_ function: AggregateFunction, _ name: Identifier, _ arguments: [Expression],
                               isDistinct: Bool, isStar: Bool, range: SourceRange) throws -> BoundExpression {
        guard let aggregates else {
            throw TypeRules.error("aggregate function \(name.name.lowercased())() is not allowed in \(clause)", range)
        }
        if isStar {
            guard function == .count else { throw TypeRules.error("only COUNT takes *", range) }
            let i = aggregates.add(AggregateCall(function: .countStar, argument: nil, isDistinct: false, type: .bigint))
            return .aggregate(i, .bigint)
        }
        guard arguments.count == 1 else {
            throw TypeRules.error("\(name.name.lowercased())() takes 1 argument, got \(arguments.count)", range)
        }
        // Aggregates inside an aggregate's argument are an error, so bind it without a collector.
        let inner = ExpressionBinder(scope: scope, aggregates: nil, clause: "the argument of an aggregate function")
        var argument = try inner.bind(arguments[0])
        let type: DataType
        switch function {
        case .count, .countStar: type = .bigint
        case .sum:
            switch argument.type {
            case .bigint, .null: type = .bigint
            case let .decimal(_, s): type = .decimal(precision: 18, scale: s)
            case .double: type = .double
            default: throw TypeRules.error("sum() needs a number, got \(argument.type)", arguments[0].range)
            }
            if argument.type == .null { argument = .constant(.null, .bigint) }
        case .avg:
            guard argument.type.isNumeric || argument.type == .null else {
                throw TypeRules.error("avg() needs a number, got \(argument.type)", arguments[0].range)
            }
            if argument.type == .null { argument = .constant(.null, .bigint) }
            type = .double
        case .min, .max:
            type = argument.type == .null ? .bigint : argument.type
            if argument.type == .null { argument = .constant(.null, .bigint) }
        }
        let i = aggregates.add(AggregateCall(function: function, argument: argument, isDistinct: isDistinct, type: type))
        return .aggregate(i, type)
    }
}
