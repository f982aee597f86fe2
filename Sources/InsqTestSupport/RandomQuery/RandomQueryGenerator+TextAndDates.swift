/// TEXT and DATE expressions, and the CASE and COALESCE forms every family shares.
extension RandomQueryGenerator {
    func text(_ ctx: ExpressionContext, depth: Int) -> GeneratedExpression {
        let deeper = depth > 0
        let d = depth - 1
        enum Form { case leaf, lower, upper, substr, concat, caseWhen, coalesce, cast, aggregate, window, subquery }
        let form: Form = random.weighted([
            (deeper ? 20 : 1, .leaf),
            (deeper && has(.textFunctions) ? 3 : 0, .lower),
            (deeper && has(.textFunctions) ? 3 : 0, .upper),
            (deeper && has(.textFunctions) ? 4 : 0, .substr),
            (deeper && has(.concat) ? 4 : 0, .concat),
            (deeper && has(.caseExpression) ? 3 : 0, .caseWhen),
            (deeper ? 3 : 0, .coalesce),
            (deeper && has(.cast) ? 2 : 0, .cast),
            (ctx.allowsAggregates && ctx.columns.contains { $0.kind == .text } ? 8 : 0, .aggregate),
            (ctx.allowsWindows && has(.windowFunctions) ? 3 : 0, .window),
            (deeper && ctx.allowsSubqueries && has(.scalarSubquery) ? 1 : 0, .subquery),
        ])
        switch form {
        case .leaf:
            return leaf(.text, ctx) ?? textLiteral()
        case .lower, .upper:
            let a = text(ctx, depth: d)
            return GeneratedExpression("\(form == .lower ? "lower" : "upper")(\(a.sql))", .text, isExact: a.isExact,
                                       isNullable: a.isNullable).inheriting([a])
        case .substr:
            let a = text(ctx, depth: d)
            let start = has(.substrEdgeCases) && random.chance(0.25) ? random.int(-3...0) : random.int(1...5)
            var sql = "substr(\(a.sql), \(start < 0 ? "(\(start))" : String(start))"
            if random.chance(0.7) {
                let length = has(.substrNegativeLength) && random.chance(0.15) ? random.int(-2...(-1)) : random.int(0...4)
                sql += ", \(length < 0 ? "(\(length))" : String(length))"
            }
            return GeneratedExpression(sql + ")", .text, isExact: a.isExact, isNullable: a.isNullable).inheriting([a])
        case .concat:
            let a = text(ctx, depth: d)
            var b = random.chance(0.75) ? text(ctx, depth: d) : number(ctx, depth: d, integerOnly: true)
            if b.isRealInSQLite { b = integerLiteral() }
            let pair = random.chance(0.5) ? (a, b) : (b, a)
            return GeneratedExpression("(\(pair.0.sql) || \(pair.1.sql))", .text, isNullable: a.isNullable || b.isNullable)
                .inheriting([a, b])
        case .caseWhen:
            return caseExpression(.text, ctx, depth: d) ?? textLiteral()
        case .coalesce:
            return coalesce(.text, ctx, depth: d) ?? textLiteral()
        case .cast:
            var a: GeneratedExpression = ctx.canRead(.date) && random.chance(0.4)
                ? date(ctx, depth: d) : number(ctx, depth: d, integerOnly: true)
            if a.isRealInSQLite { a = integerLiteral() }
            return GeneratedExpression("CAST(\(a.sql) AS TEXT)", .text, isNullable: a.isNullable).inheriting([a])
        case .aggregate:
            return extremeAggregate(.text, ctx) ?? textLiteral()
        case .window:
            return valueWindow(.text, ctx) ?? textLiteral()
        case .subquery:
            return scalarSubquery(.text, ctx, integerOnly: false) ?? textLiteral()
        }
    }

    /// A DATE; callers check `ctx.canRead(.date)` first (a date literal alone is TEXT in insq).
    func date(_ ctx: ExpressionContext, depth: Int) -> GeneratedExpression {
        let deeper = depth > 0
        let d = depth - 1
        enum Form { case leaf, caseWhen, coalesce, aggregate, window, subquery }
        let form: Form = random.weighted([
            (deeper ? 20 : 1, .leaf),
            (deeper && has(.caseExpression) ? 3 : 0, .caseWhen),
            (deeper ? 4 : 0, .coalesce),
            (ctx.allowsAggregates && ctx.columns.contains { $0.kind == .date } ? 8 : 0, .aggregate),
            (ctx.allowsWindows && has(.windowFunctions) ? 3 : 0, .window),
            (deeper && ctx.allowsSubqueries && has(.scalarSubquery) ? 1 : 0, .subquery),
        ])
        let fallback = { self.leaf(.date, ctx) ?? self.extremeAggregate(.date, ctx) ?? GeneratedExpression("NULL", .date, isNullable: true) }
        switch form {
        case .leaf: return fallback()
        case .caseWhen: return caseExpression(.date, ctx, depth: d) ?? fallback()
        case .coalesce: return coalesce(.date, ctx, depth: d) ?? fallback()
        case .aggregate: return extremeAggregate(.date, ctx) ?? fallback()
        case .window: return valueWindow(.date, ctx) ?? fallback()
        case .subquery: return scalarSubquery(.date, ctx, integerOnly: false) ?? fallback()
        }
    }

    /// A column (or in an aggregating query a GROUP BY key, or an aggregate) of `family`; nil when there is none.
    func leaf(_ family: ValueFamily, _ ctx: ExpressionContext) -> GeneratedExpression? {
        if let keys = ctx.groupKeys {
            let usable = keys.filter { family.accepts($0.kind) }
            if !usable.isEmpty, random.chance(0.85) || !ctx.allowsAggregates { return random.pick(usable) }
            if ctx.allowsAggregates, family == .text || family == .date { return extremeAggregate(family, ctx) }
            return usable.isEmpty ? nil : random.pick(usable)
        }
        let usable = ctx.columns.filter { family.accepts($0.kind) }
        if usable.isEmpty || (family == .text && random.chance(0.15)) { return nil }
        return random.pick(usable).expression
    }

    /// Any value of `family` (booleans are predicates).
    func value(_ family: ValueFamily, _ ctx: ExpressionContext, depth: Int, integerOnly: Bool = false) -> GeneratedExpression {
        switch family {
        case .number: return number(ctx, depth: depth, integerOnly: integerOnly)
        case .text: return text(ctx, depth: depth)
        case .date: return date(ctx, depth: depth)
        case .boolean: return predicate(ctx, depth: depth)
        }
    }

    /// `CASE WHEN p THEN x ... [ELSE y] END`, or the simple form `CASE subject WHEN literal THEN x ... END`.
    func caseExpression(_ family: ValueFamily, _ ctx: ExpressionContext, depth: Int,
                        integerOnly: Bool = false) -> GeneratedExpression? {
        var arms: [GeneratedExpression] = []
        var sql = "CASE"
        var conditions: [GeneratedExpression] = []
        let subject: GeneratedExpression? = random.chance(0.3) ? exactValue(ctx, depth: depth) : nil
        if let subject { sql += " \(subject.sql)"; conditions.append(subject) }
        for i in 0..<random.int(1...3) {
            let condition = subject.map { literal(like: $0) } ?? predicate(ctx, depth: depth)
            conditions.append(condition)
            let result = armValue(family, ctx, depth: depth, integerOnly: integerOnly, isFirst: i == 0)
            arms.append(result)
            sql += " WHEN \(condition.sql) THEN \(result.sql)"
        }
        var hasElse = false
        if random.chance(0.65) {
            let result = armValue(family, ctx, depth: depth, integerOnly: integerOnly, isFirst: false)
            arms.append(result)
            sql += " ELSE \(result.sql)"
            hasElse = true
        }
        guard let kind = unifiedKind(arms), fitsTogether(arms), family != .date || arms[0].sql != "NULL" else { return nil }
        if integerOnly, kind != .integer { return nil }
        var e = GeneratedExpression(sql + " END", kind, magnitude: arms.map(\.magnitude).max() ?? 0,
                                    isExact: arms.allSatisfy(\.isExact), isNullable: !hasElse || arms.contains { $0.isNullable })
        e.isUntypedNull = arms.allSatisfy(\.isUntypedNull)
        return e.inheriting(arms + conditions)
    }

    /// `coalesce(a, b [, c])`.
    func coalesce(_ family: ValueFamily, _ ctx: ExpressionContext, depth: Int,
                  integerOnly: Bool = false) -> GeneratedExpression? {
        var arms = [armValue(family, ctx, depth: depth, integerOnly: integerOnly, isFirst: true)]
        for _ in 0..<random.int(1...2) {
            arms.append(armValue(family, ctx, depth: depth, integerOnly: integerOnly, isFirst: false))
        }
        guard let kind = unifiedKind(arms), fitsTogether(arms), family != .date || arms[0].sql != "NULL" else { return nil }
        if integerOnly, kind != .integer { return nil }
        var e = GeneratedExpression("coalesce(\(arms.map(\.sql).joined(separator: ", ")))", kind,
                                    magnitude: arms.map(\.magnitude).max() ?? 0, isExact: arms.allSatisfy(\.isExact),
                                    isNullable: arms.allSatisfy(\.isNullable))
        e.isUntypedNull = arms.allSatisfy(\.isUntypedNull)
        return e.inheriting(arms)
    }

    /// One result of CASE or COALESCE. Date literals come only after a DATE-typed arm, where insq reads them
    /// as dates; a first arm of NULL or a literal would make the whole CASE TEXT in insq.
    private func armValue(_ family: ValueFamily, _ ctx: ExpressionContext, depth: Int, integerOnly: Bool,
                          isFirst: Bool) -> GeneratedExpression {
        if !isFirst, has(.nullLiterals), random.chance(0.12) {
            return nullLiteral(family == .number ? .integer : family == .text ? .text : .date)
        }
        switch family {
        case .date:
            if !isFirst, random.chance(0.3) { return dateLiteral() }
            return date(ctx, depth: depth)
        case .number:
            return random.chance(0.3) ? (integerOnly ? integerLiteral() : numberLiteral(near: nil))
                : number(ctx, depth: depth, integerOnly: integerOnly)
        case .text:
            return random.chance(0.3) ? textLiteral() : text(ctx, depth: depth)
        case .boolean:
            return predicate(ctx, depth: depth)
        }
    }

    /// The kind insq gives CASE arms or COALESCE arguments (NULL literals take the others' kind).
    func unifiedKind(_ arms: [GeneratedExpression]) -> ValueKind? {
        var kind: ValueKind? = nil
        for arm in arms where arm.sql != "NULL" {
            guard let k = kind else { kind = arm.kind; continue }
            if k == .date, arm.kind == .date { continue }
            guard let common = ValueKind.common(k, arm.kind) else { return nil }
            kind = common
        }
        return kind ?? arms.first?.kind
    }

    /// An exact value of a family the context can read, for CASE subjects, IN and keys.
    func exactValue(_ ctx: ExpressionContext, depth: Int) -> GeneratedExpression {
        var constant: GeneratedExpression? = nil
        for _ in 0..<4 {
            let family = readableFamily(ctx)
            let e = value(family, ctx, depth: depth)
            if e.isExact, e.hasColumn { return e }
            if e.isExact, constant == nil { constant = e }
        }
        if let constant { return constant }
        return leaf(.text, ctx) ?? integerLiteral()
    }

    /// A family of values the context can read (numbers and text always can, via literals).
    func readableFamily(_ ctx: ExpressionContext) -> ValueFamily {
        random.weighted([
            (5, .number), (4, .text), (ctx.canRead(.date) ? 3 : 0, .date),
        ])
    }
}
