/// Aggregates (COUNT, SUM, AVG, MIN, MAX, with DISTINCT) and window functions.
extension RandomQueryGenerator {
    /// COUNT, SUM, AVG, MIN or MAX; with `distinctOnly` COUNT, SUM or AVG of DISTINCT values (of an exact value).
    func numericAggregate(_ ctx: ExpressionContext, integerOnly: Bool, distinctOnly: Bool = false) -> GeneratedExpression {
        let row = ctx.rowLevel
        enum Form { case countStar, count, countDistinct, sum, avg, minMax }
        let form: Form = distinctOnly
            ? random.weighted([(3, .countDistinct), (3, .sum), (integerOnly ? 0 : 2, .avg)])
            : random.weighted([
                (5, .countStar), (3, .count), (has(.distinct) ? 3 : 0, .countDistinct), (6, .sum),
                (integerOnly ? 0 : 4, .avg), (4, .minMax),
            ])
        func make(_ sql: String, _ kind: ValueKind, magnitude: Double, exact: Bool, nullable: Bool) -> GeneratedExpression {
            var e = GeneratedExpression(sql, kind, magnitude: magnitude, isExact: exact, isNullable: nullable, hasAggregate: true)
            e.hasColumn = true
            return e
        }
        switch form {
        case .countStar:
            return make("COUNT(*)", .integer, magnitude: Magnitude.maxRows, exact: true, nullable: false)
        case .count:
            let x = value(random.pick([.number, .text, .boolean] + (row.canRead(.date) ? [ValueFamily.date] : [])), row, depth: 1)
            return make("COUNT(\(x.sql))", .integer, magnitude: Magnitude.maxRows, exact: true, nullable: false)
        case .countDistinct:
            let x = exactValue(row, depth: 1)
            return make("COUNT(DISTINCT \(x.sql))", .integer, magnitude: Magnitude.maxRows, exact: true, nullable: false)
        case .sum, .avg, .minMax:
            let x = number(row, depth: 1, integerOnly: integerOnly)
            let distinct = has(.distinctAggregates) && x.isExact && (distinctOnly || random.chance(0.15)) ? "DISTINCT " : ""
            // SUM, MIN and MAX of a value SQLite holds as REAL stay REAL there.
            func keepingReal(_ e: GeneratedExpression) -> GeneratedExpression {
                var e = e
                e.isRealInSQLite = x.isRealInSQLite
                return e
            }
            guard x.scaledMagnitude <= Magnitude.maxSummable else {
                return make("COUNT(*)", .integer, magnitude: Magnitude.maxRows, exact: true, nullable: false)
            }
            switch form {
            case .sum:
                let exact = x.isExact && x.kind == .integer
                return keepingReal(make("SUM(\(distinct)\(x.sql))", x.kind, magnitude: x.magnitude * Magnitude.maxRows,
                                        exact: exact, nullable: true))
            case .avg:
                let exact = x.isExact && x.kind == .integer
                return make("AVG(\(distinct)\(x.sql))", .double, magnitude: x.magnitude, exact: exact, nullable: true)
            default:
                return keepingReal(make("\(random.chance(0.5) ? "MIN" : "MAX")(\(distinct)\(x.sql))", x.kind,
                                        magnitude: x.magnitude, exact: x.isExact, nullable: true))
            }
        }
    }

    /// MIN or MAX of a text or date value; nil when the context has none or allows no aggregates.
    func extremeAggregate(_ family: ValueFamily, _ ctx: ExpressionContext) -> GeneratedExpression? {
        guard ctx.allowsAggregates, ctx.columns.contains(where: { family.accepts($0.kind) }) else { return nil }
        let x = family == .text ? text(ctx.rowLevel, depth: 1) : date(ctx.rowLevel, depth: 1)
        var e = GeneratedExpression("\(random.chance(0.5) ? "MIN" : "MAX")(\(x.sql))", x.kind, isExact: x.isExact,
                                    isNullable: true, hasAggregate: true)
        e.hasColumn = true
        return e
    }

    // MARK: Window functions

    /// `OVER (...)`: partitions and order over row values. With `totalOrder` the ORDER BY ends with keys that
    /// identify every row (so row_number, lag and lead are determined); nil when the rows have none.
    private func overClause(_ ctx: ExpressionContext, totalOrder: Bool, needsOrder: Bool) -> String? {
        let row = ctx.windowInputs
        var parts: [String] = []
        if random.chance(0.5) {
            let keys = (0..<random.int(1...2)).map { _ in exactValue(row, depth: 0).sql }
            parts.append("PARTITION BY " + keys.joined(separator: ", "))
        }
        var order: [String] = []
        if totalOrder {
            guard let identity = ctx.totalOrderKeys, !identity.isEmpty else { return nil }
            for _ in 0..<random.int(0...2) { order.append(orderTerm(exactValue(row, depth: 0).sql)) }
            order += identity.map(orderTerm)
        } else if needsOrder || random.chance(0.5) {
            for _ in 0..<random.int(1...2) { order.append(orderTerm(exactValue(row, depth: 0).sql)) }
        }
        if !order.isEmpty { parts.append("ORDER BY " + order.joined(separator: ", ")) }
        return "OVER (" + parts.joined(separator: " ") + ")"
    }

    private func orderTerm(_ sql: String) -> String {
        var term = sql + (random.chance(0.35) ? " DESC" : "")
        if has(.nullsOrdering), random.chance(0.1) { term += random.chance(0.5) ? " NULLS FIRST" : " NULLS LAST" }
        return term
    }

    private func window(_ call: String, _ over: String, _ kind: ValueKind, magnitude: Double, exact: Bool,
                        nullable: Bool) -> GeneratedExpression {
        var e = GeneratedExpression("\(call) \(over)", kind, magnitude: magnitude, isExact: exact, isNullable: nullable)
        e.hasWindow = true
        e.hasColumn = true
        return e
    }

    /// A window function's argument (an untyped NULL only with `.nullWindowArguments`).
    private func windowArgument(_ family: ValueFamily, _ row: ExpressionContext, integerOnly: Bool = false) -> GeneratedExpression {
        let x = value(family, row, depth: 1, integerOnly: integerOnly)
        if x.isUntypedNull, !has(.nullWindowArguments) { return integerOnly || family == .number ? integerLiteral() : textLiteral() }
        return x
    }

    func numericWindow(_ ctx: ExpressionContext, integerOnly: Bool) -> GeneratedExpression? {
        let row = ctx.windowInputs
        enum Form { case rowNumber, rank, count, sum, avg, minMax, lagLead }
        let form: Form = random.weighted([
            (3, .rowNumber), (3, .rank), (2, .count), (3, .sum), (integerOnly ? 0 : 2, .avg), (2, .minMax), (3, .lagLead),
        ])
        switch form {
        case .rowNumber:
            guard let over = overClause(ctx, totalOrder: true, needsOrder: true) else { return nil }
            return window("row_number()", over, .integer, magnitude: Magnitude.maxRows, exact: true, nullable: false)
        case .rank:
            guard let over = overClause(ctx, totalOrder: false, needsOrder: true) else { return nil }
            return window(random.chance(0.5) ? "rank()" : "dense_rank()", over, .integer, magnitude: Magnitude.maxRows,
                          exact: true, nullable: false)
        case .count:
            guard let over = overClause(ctx, totalOrder: false, needsOrder: false) else { return nil }
            let argument = random.chance(0.4) ? "*" : windowArgument(readableFamily(row), row).sql
            return window("count(\(argument))", over, .integer, magnitude: Magnitude.maxRows, exact: true, nullable: false)
        case .sum, .avg, .minMax:
            let x = windowArgument(.number, row, integerOnly: integerOnly)
            guard x.scaledMagnitude <= Magnitude.maxSummable,
                  let over = overClause(ctx, totalOrder: false, needsOrder: false) else { return nil }
            let exact = x.isExact && x.kind == .integer
            var e: GeneratedExpression
            switch form {
            case .sum:
                e = window("sum(\(x.sql))", over, x.kind, magnitude: x.magnitude * Magnitude.maxRows, exact: exact, nullable: true)
            case .avg:
                return window("avg(\(x.sql))", over, .double, magnitude: x.magnitude, exact: exact, nullable: true)
            default:
                e = window("\(random.chance(0.5) ? "min" : "max")(\(x.sql))", over, x.kind, magnitude: x.magnitude,
                           exact: x.isExact, nullable: true)
            }
            e.isRealInSQLite = x.isRealInSQLite
            return e
        case .lagLead:
            let x = windowArgument(.number, row, integerOnly: integerOnly)
            guard let over = overClause(ctx, totalOrder: true, needsOrder: true) else { return nil }
            let (arguments, kind) = lagLeadArguments(x)
            if integerOnly, kind != .integer { return nil }
            var e = window("\(random.chance(0.5) ? "lag" : "lead")(\(arguments))", over, kind,
                           magnitude: max(x.magnitude, 100_000), exact: x.isExact, nullable: true)
            e.isRealInSQLite = x.isRealInSQLite
            return e
        }
    }

    /// `x`, or `x, offset` or `x, offset, default` (a literal of x's kind), and the kind of the result: a
    /// default of a wider numeric kind widens it (an INTEGER with a DECIMAL default gives a DECIMAL).
    private func lagLeadArguments(_ x: GeneratedExpression) -> (String, ValueKind) {
        guard random.chance(0.35) else { return (x.sql, x.kind) }
        let sql = "\(x.sql), \(random.int(0...3))"
        guard random.chance(0.5), x.kind != .date else { return (sql, x.kind) }
        let fallback: GeneratedExpression
        switch x.kind {
        case .text: fallback = textLiteral()
        case .integer: fallback = has(.lagLeadDefaultTypes) && random.chance(0.5) ? decimalLiteral() : integerLiteral()
        case .decimal:
            // A default that is not of the value's DECIMAL type must widen the result, not be cast to it.
            fallback = has(.lagLeadDefaultTypes) ? decimalLiteral() : GeneratedExpression("0", .integer, magnitude: 1)
        default: fallback = numberLiteral(near: nil)
        }
        return (sql + ", " + fallback.sql, ValueKind.common(x.kind, fallback.kind) ?? x.kind)
    }

    /// lag, lead, min or max of a text or date value over a window.
    func valueWindow(_ family: ValueFamily, _ ctx: ExpressionContext) -> GeneratedExpression? {
        let row = ctx.windowInputs
        guard family != .date || row.canRead(.date) else { return nil }
        let x = family == .text ? windowArgument(.text, row) : date(row, depth: 1)
        if x.isUntypedNull, !has(.nullWindowArguments) { return nil }
        if random.chance(0.6) {
            guard let over = overClause(ctx, totalOrder: true, needsOrder: true) else { return nil }
            let (arguments, kind) = lagLeadArguments(x)
            return window("\(random.chance(0.5) ? "lag" : "lead")(\(arguments))", over, kind, magnitude: 0,
                          exact: x.isExact, nullable: true)
        }
        guard let over = overClause(ctx, totalOrder: false, needsOrder: false) else { return nil }
        return window("\(random.chance(0.5) ? "min" : "max")(\(x.sql))", over, x.kind, magnitude: 0, exact: x.isExact, nullable: true)
    }
}
