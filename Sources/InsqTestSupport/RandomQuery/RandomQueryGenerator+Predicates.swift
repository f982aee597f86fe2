/// BOOLEAN expressions: comparisons, IS NULL, IN, BETWEEN, LIKE, combined with three-valued AND, OR, NOT.
extension RandomQueryGenerator {
    func predicate(_ conjunctContext: ExpressionContext, depth: Int) -> GeneratedExpression {
        // Only AND passes on the conjunct position.
        let isConjunct = conjunctContext.isWhereConjunct
        var ctx = conjunctContext
        ctx.isWhereConjunct = false
        enum Form { case and, or, not, comparison, isNull, inList, between, like, literal, exists, inSubquery, subqueryComparison }
        let deeper = depth > 0
        let form: Form = random.weighted([
            (deeper ? 6 : 0, .and),
            (deeper ? 6 : 0, .or),
            (deeper ? 3 : 0, .not),
            (14, .comparison),
            (5, .isNull),
            (has(.inList) ? 4 : 0, .inList),
            (has(.between) ? 3 : 0, .between),
            (has(.like) ? 4 : 0, .like),
            (1, .literal),
            (ctx.allowsSubqueries && has(.subqueryPredicates) ? 3 : 0, .exists),
            (ctx.allowsSubqueries && has(.subqueryPredicates) ? 3 : 0, .inSubquery),
            (ctx.allowsSubqueries && has(.scalarSubquery) && has(.nestedSubqueries) ? 2 : 0, .subqueryComparison),
        ])
        let d = depth - 1
        switch form {
        case .and, .or:
            let operands = form == .and ? conjunctContext : ctx
            let a = predicate(operands, depth: d), b = predicate(operands, depth: d)
            return GeneratedExpression("(\(a.sql) \(form == .and ? "AND" : "OR") \(b.sql))", .boolean,
                                       isNullable: a.isNullable || b.isNullable).inheriting([a, b])
        case .not:
            let a = predicate(ctx, depth: d)
            return GeneratedExpression("(NOT \(a.sql))", .boolean, isNullable: a.isNullable).inheriting([a])
        case .comparison:
            return comparison(ctx, depth: d)
        case .isNull:
            let family: ValueFamily = random.chance(0.15) ? .boolean : readableFamily(ctx)
            let a = subject(family, ctx, depth: max(0, d))
            let negated = random.chance(a.isNullable ? 0.4 : 0.85)
            return GeneratedExpression("(\(a.sql) IS \(negated ? "NOT " : "")NULL)", .boolean).inheriting([a])
        case .inList:
            return inList(ctx, depth: d)
        case .between:
            return between(ctx, depth: d)
        case .like:
            return like(ctx, depth: d)
        case .literal:
            return GeneratedExpression(random.chance(0.5) ? "TRUE" : "FALSE", .boolean)
        case .exists:
            return existsSubquery(ctx, isConjunct: isConjunct) ?? comparison(ctx, depth: d)
        case .inSubquery:
            return inSubquery(ctx, depth: d, isConjunct: isConjunct) ?? comparison(ctx, depth: d)
        case .subqueryComparison:
            return subqueryComparison(ctx) ?? comparison(ctx, depth: d)
        }
    }

    /// The left side of a condition: one that reads a column where the context has any, so that fewer
    /// conditions are constant.
    private func subject(_ family: ValueFamily, _ ctx: ExpressionContext, depth: Int) -> GeneratedExpression {
        var e = value(family, ctx, depth: depth)
        for _ in 0..<2 where !e.hasColumn { e = value(family, ctx, depth: depth) }
        return e
    }

    func comparison(_ ctx: ExpressionContext, depth: Int) -> GeneratedExpression {
        let family = readableFamily(ctx)
        let left = subject(family, ctx, depth: max(0, depth))
        // `=` with a literal matches something only when the literal comes from the column's own values.
        var op = left.literals.isEmpty
            ? random.weighted([(1, "="), (2, "<>"), (2, "<"), (2, "<="), (2, ">"), (2, ">="), (1, "!=")])
            : random.pick(["=", "<>", "<", "<=", ">", ">=", "=", "!="])
        let right: GeneratedExpression
        if family == .number, !left.isExact {
            op = random.pick(["<", "<=", ">", ">="])
            right = safeLiteral(near: left)
        } else if has(.nullLiterals), random.chance(0.04) {
            right = nullLiteral(left.kind)
        } else if random.chance(0.55) {
            right = literal(like: left)
        } else {
            let other = value(family, ctx, depth: max(0, depth))
            right = other.isExact ? other : literal(like: left)
        }
        guard fitsTogether([left, right]) else {
            return GeneratedExpression("(\(left.sql) IS NULL)", .boolean).inheriting([left])
        }
        let (a, b) = random.chance(0.8) ? (left, right) : (right, left)
        return GeneratedExpression("(\(a.sql) \(op) \(b.sql))", .boolean, isNullable: left.isNullable || right.isNullable)
            .inheriting([left, right])
    }

    private func inList(_ ctx: ExpressionContext, depth: Int) -> GeneratedExpression {
        let left = exactValue(ctx, depth: max(0, depth))
        var items: [GeneratedExpression] = []
        for _ in 0..<random.int(1...4) { items.append(literal(like: left)) }
        if has(.nullLiterals), random.chance(0.15) { items.insert(nullLiteral(left.kind), at: random.int(0...items.count)) }
        if random.chance(0.2) {
            let other = value(ValueFamily(left.kind), ctx, depth: 0)
            if other.isExact { items.append(other) }
        }
        guard fitsTogether([left] + items) else { return GeneratedExpression("(\(left.sql) IS NULL)", .boolean).inheriting([left]) }
        let negated = random.chance(0.3) ? "NOT " : ""
        return GeneratedExpression("(\(left.sql) \(negated)IN (\(items.map(\.sql).joined(separator: ", "))))", .boolean,
                                   isNullable: true).inheriting([left] + items)
    }

    private func between(_ ctx: ExpressionContext, depth: Int) -> GeneratedExpression {
        let family = readableFamily(ctx)
        let left = subject(family, ctx, depth: max(0, depth))
        func bound() -> GeneratedExpression {
            if has(.nullLiterals), random.chance(0.04) { return nullLiteral(left.kind) }
            if family == .number, !left.isExact { return safeLiteral(near: left) }
            if random.chance(0.75) { return literal(like: left) }
            let other = value(family, ctx, depth: 0)
            return other.isExact ? other : literal(like: left)
        }
        var low = bound(), high = bound()
        if random.chance(0.7), let l = Double(low.sql), let h = Double(high.sql), l > h { swap(&low, &high) }
        if random.chance(0.7), low.kind == .date || low.kind == .text, high.sql < low.sql, low.sql.hasPrefix("'"), high.sql.hasPrefix("'") {
            swap(&low, &high)
        }
        guard fitsTogether([left, low, high]) else { return GeneratedExpression("(\(left.sql) IS NULL)", .boolean).inheriting([left]) }
        let negated = random.chance(0.25) ? "NOT " : ""
        return GeneratedExpression("(\(left.sql) \(negated)BETWEEN \(low.sql) AND \(high.sql))", .boolean, isNullable: true)
            .inheriting([left, low, high])
    }

    private func like(_ ctx: ExpressionContext, depth: Int) -> GeneratedExpression {
        let subject = self.subject(.text, ctx, depth: max(0, depth))
        let pattern = likePattern(from: subject.texts.isEmpty ? nil : random.pick(subject.texts))
        let negated = random.chance(0.25) ? "NOT " : ""
        return GeneratedExpression("(\(subject.sql) \(negated)LIKE \(SQLText.quoted(pattern)))", .boolean,
                                   isNullable: subject.isNullable).inheriting([subject])
    }

    /// An ASCII pattern, usually cut from a real value so that it matches something; characters beyond
    /// ASCII become `_` or `%`, which LIKE must match against whole characters.
    func likePattern(from sample: String?) -> String {
        guard let sample, !sample.isEmpty, random.chance(0.85) else {
            return random.pick(["%", "_", "", "%a%", "A%", "%n", "__", "%_%", "C%", "%an%", "_a%", "%e_"])
        }
        var characters = Array(sample)
        switch random.int(0...4) {
        case 0: characters = Array(characters.prefix(random.int(1...max(1, characters.count)))) + ["%"]
        case 1: characters = ["%"] + Array(characters.suffix(random.int(1...max(1, characters.count))))
        case 2:
            let start = random.int(0...(characters.count - 1))
            let end = random.int(start...(characters.count - 1))
            characters = ["%"] + Array(characters[start...end]) + ["%"]
        default: break
        }
        var pattern = ""
        for ch in characters {
            if ch == "%" && pattern.hasSuffix("%") { continue }
            if !ch.isASCII {
                pattern.append(random.chance(0.75) ? "_" : "%")
            } else if random.chance(0.08) {
                pattern.append("_")
            } else if random.chance(0.05), ch.isLetter {
                // A case change must not match: LIKE is case-sensitive in both engines.
                pattern += ch.isUppercase ? ch.lowercased() : ch.uppercased()
            } else {
                pattern.append(ch)
            }
        }
        return pattern
    }
}
