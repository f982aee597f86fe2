/// Numeric expressions: arithmetic, functions, CASE and COALESCE, aggregates and windows.
extension RandomQueryGenerator {
    /// A number; with `integerOnly`, a BIGINT.
    func number(_ ctx: ExpressionContext, depth: Int, integerOnly: Bool = false) -> GeneratedExpression {
        for _ in 0..<6 {
            if let e = numberAttempt(ctx, depth: depth, integerOnly: integerOnly),
               fits(e), !integerOnly || e.kind == .integer {
                return e
            }
        }
        return numberLeaf(ctx, integerOnly: integerOnly)
    }

    private enum NumberForm {
        case leaf, addSubtract, multiply, modulo, divide, negate, abs, round, length, datePart, caseWhen, coalesce
        case aggregate, window, scalarSubquery, castToDouble
    }

    private func numberAttempt(_ ctx: ExpressionContext, depth: Int, integerOnly: Bool) -> GeneratedExpression? {
        let deeper = depth > 0
        let form: NumberForm = random.weighted([
            (deeper ? 24 : 1, .leaf),
            (deeper ? 10 : 0, .addSubtract),
            (deeper ? 5 : 0, .multiply),
            (deeper && has(.modulo) ? 3 : 0, .modulo),
            (deeper && has(.doubleDivision) && !integerOnly ? 3 : 0, .divide),
            (deeper ? 2 : 0, .negate),
            (deeper ? 2 : 0, .abs),
            (deeper && has(.round) ? 3 : 0, .round),
            (deeper && has(.textFunctions) && ctx.canRead(.text) ? 3 : 0, .length),
            (deeper && has(.dateParts) && ctx.canRead(.date) ? 4 : 0, .datePart),
            (deeper && has(.caseExpression) ? 4 : 0, .caseWhen),
            (deeper ? 3 : 0, .coalesce),
            (ctx.allowsAggregates ? 14 : 0, .aggregate),
            (ctx.allowsWindows && has(.windowFunctions) ? 6 : 0, .window),
            (deeper && ctx.allowsSubqueries && has(.scalarSubquery) ? 2 : 0, .scalarSubquery),
            (deeper && has(.cast) && !integerOnly ? 2 : 0, .castToDouble),
        ])
        let d = depth - 1
        switch form {
        case .leaf:
            return numberLeaf(ctx, integerOnly: integerOnly)
        case .addSubtract:
            let a = number(ctx, depth: d, integerOnly: integerOnly), b = operand(ctx, depth: d, integerOnly: integerOnly)
            return arithmetic(a, random.chance(0.5) ? "+" : "-", b)
        case .multiply:
            let a = number(ctx, depth: d, integerOnly: integerOnly)
            // A small factor keeps products in range and decimal scales at most 4.
            let b = random.chance(0.7) ? smallFactor(integerOnly: integerOnly) : number(ctx, depth: d, integerOnly: integerOnly)
            return arithmetic(a, "*", b)
        case .modulo:
            let a = number(ctx, depth: d, integerOnly: true)
            let b = random.chance(0.75) ? integerLiteral() : number(ctx, depth: d, integerOnly: true)
            var e = GeneratedExpression("(\(a.sql) % \(b.sql))", .integer, magnitude: a.magnitude, isNullable: true)
            e = e.inheriting([a, b])
            return e
        case .divide:
            // `/` on integers differs by design (insq gives a DOUBLE); a DOUBLE dividend makes both engines agree.
            let a = number(ctx, depth: d), b = number(ctx, depth: d, integerOnly: true)
            let exact = a.isExact && b.isExact && a.kind == .integer
            let e = GeneratedExpression("(CAST(\(a.sql) AS DOUBLE) / \(b.sql))", .double, magnitude: a.magnitude,
                                        isExact: exact, isNullable: true)
            return e.inheriting([a, b])
        case .negate:
            let a = number(ctx, depth: d, integerOnly: integerOnly)
            var e = GeneratedExpression("(- \(a.sql))", a.kind, magnitude: a.magnitude, isExact: a.isExact, isNullable: a.isNullable)
            e.isUntypedNull = a.isUntypedNull
            return e.inheriting([a])
        case .abs:
            let a = number(ctx, depth: d, integerOnly: integerOnly)
            return GeneratedExpression("abs(\(a.sql))", a.kind, magnitude: a.magnitude, isExact: a.isExact,
                                       isNullable: a.isNullable).inheriting([a])
        case .round:
            return roundCall(ctx, depth: d, integerOnly: integerOnly)
        case .length:
            let t = text(ctx, depth: d)
            return GeneratedExpression("length(\(t.sql))", .integer, magnitude: 1000, isNullable: t.isNullable).inheriting([t])
        case .datePart:
            let t = date(ctx, depth: d)
            let part = random.pick(["year", "month", "day"])
            return GeneratedExpression("\(part)(\(t.sql))", .integer, magnitude: 3000, isNullable: t.isNullable).inheriting([t])
        case .caseWhen:
            return caseExpression(.number, ctx, depth: d, integerOnly: integerOnly)
        case .coalesce:
            return coalesce(.number, ctx, depth: d, integerOnly: integerOnly)
        case .aggregate:
            return numericAggregate(ctx, integerOnly: integerOnly)
        case .window:
            return numericWindow(ctx, integerOnly: integerOnly)
        case .scalarSubquery:
            return scalarSubquery(.number, ctx, integerOnly: integerOnly)
        case .castToDouble:
            return numericCast(ctx, depth: d)
        }
    }

    /// CAST to DOUBLE or to a DECIMAL at least as fine as the value (narrowing would round, by design differently).
    private func numericCast(_ ctx: ExpressionContext, depth: Int) -> GeneratedExpression {
        let a = number(ctx, depth: depth)
        let sql: String, kind: ValueKind, exact: Bool
        let toDecimal: Bool
        switch a.kind {
        case .integer: toDecimal = true
        case .decimal: toDecimal = random.chance(0.5)
        default: toDecimal = false
        }
        switch toDecimal {
        case true:
            let scale = random.int(a.kind.scale...min(4, a.kind.scale + 2))
            sql = "CAST(\(a.sql) AS DECIMAL(18, \(scale)))"
            kind = .decimal(scale: scale)
            exact = a.isExact
        default:
            sql = "CAST(\(a.sql) AS DOUBLE)"
            kind = .double
            exact = a.isExact && a.kind != .decimal(scale: a.kind.scale)
        }
        return GeneratedExpression(sql, kind, magnitude: a.magnitude, isExact: exact, isNullable: a.isNullable).inheriting([a])
    }

    /// The second operand of + and -: often a literal.
    private func operand(_ ctx: ExpressionContext, depth: Int, integerOnly: Bool) -> GeneratedExpression {
        if random.chance(0.4) { return integerOnly ? integerLiteral() : numberLiteral(near: nil) }
        if has(.nullLiterals), random.chance(0.04) { return nullLiteral(.integer) }
        return number(ctx, depth: depth, integerOnly: integerOnly)
    }

    private func smallFactor(integerOnly: Bool) -> GeneratedExpression {
        if integerOnly || random.chance(0.7) {
            let v = random.int(-3...12)
            return GeneratedExpression(v < 0 ? "(\(v))" : String(v), .integer, magnitude: Double(Swift.abs(v)) + 1)
        }
        let text = random.pick(["0.5", "1.5", "2.5", "0.1", "1.25", "0.05"])
        let scale = text.split(separator: ".")[1].count
        return GeneratedExpression(text, .decimal(scale: scale), magnitude: 3)
    }

    /// `a op b` with insq's result kind; nil when the kinds cannot meet.
    func arithmetic(_ a: GeneratedExpression, _ op: String, _ b: GeneratedExpression) -> GeneratedExpression? {
        guard var kind = ValueKind.common(a.kind, b.kind), kind.isNumeric else { return nil }
        let magnitude: Double
        switch op {
        case "*":
            magnitude = a.magnitude * b.magnitude
            if case .decimal = kind { kind = .decimal(scale: a.kind.scale + b.kind.scale) }
        default:
            magnitude = a.magnitude + b.magnitude
        }
        // SQLite does decimal arithmetic in floating point, so only integer and double results stay exact.
        let exact = a.isExact && b.isExact && (kind == .integer || kind == .double)
        let e = GeneratedExpression("(\(a.sql) \(op) \(b.sql))", kind, magnitude: magnitude, isExact: exact,
                                    isNullable: a.isNullable || b.isNullable)
        return e.inheriting([a, b])
    }

    private func roundCall(_ ctx: ExpressionContext, depth: Int, integerOnly: Bool) -> GeneratedExpression? {
        let a = number(ctx, depth: depth, integerOnly: integerOnly)
        // Rounding a value SQLite holds inexactly could fall either way at a half, so round exact values only.
        guard a.isExact else { return nil }
        switch a.kind {
        case .integer:
            var e = GeneratedExpression("round(\(a.sql))", .integer, magnitude: a.magnitude, isNullable: a.isNullable)
            e.isRealInSQLite = true
            return e.inheriting([a])
        case let .decimal(scale):
            let digits = random.int(0...2)
            let e = GeneratedExpression("round(\(a.sql), \(digits))", .decimal(scale: max(0, min(digits, scale))),
                                        magnitude: a.magnitude + 1, isNullable: a.isNullable)
            return e.inheriting([a])
        default:
            let digits = random.int(0...2)
            return GeneratedExpression("round(\(a.sql), \(digits))", .double, magnitude: a.magnitude + 1,
                                       isExact: false, isNullable: a.isNullable).inheriting([a])
        }
    }

    /// A column, GROUP BY key or literal.
    func numberLeaf(_ ctx: ExpressionContext, integerOnly: Bool) -> GeneratedExpression {
        let accepts: (ValueKind) -> Bool = { integerOnly ? $0 == .integer : $0.isNumeric }
        if let keys = ctx.groupKeys {
            let usable = keys.filter { accepts($0.kind) }
            if !usable.isEmpty, random.chance(0.8) { return random.pick(usable) }
            if ctx.allowsAggregates, random.chance(0.7) { return numericAggregate(ctx, integerOnly: integerOnly) }
        } else {
            let usable = ctx.columns.filter { accepts($0.kind) }
            if !usable.isEmpty, random.chance(0.75) { return random.pick(usable).expression }
        }
        if has(.nullLiterals), random.chance(0.02) { return nullLiteral(.integer) }
        return integerOnly ? integerLiteral() : numberLiteral(near: nil)
    }
}
