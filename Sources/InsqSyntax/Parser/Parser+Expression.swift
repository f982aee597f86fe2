/// Expressions by precedence, lowest first: OR, AND, NOT, comparisons and predicates, `||`, `+ -`,
/// `* / %`, unary signs. Operators are left-associative. Operators are not listed in "expected ..." messages:
/// after any operand almost every operator would fit, and the clause keywords that follow are more useful.
extension Parser {
    /// Every nested expression (in parentheses, function arguments, CASE) passes through here, so the
    /// nesting limit is checked once per level.
    ///
    /// ```
    /// expression = or_expression ;
    /// ```
    mutating func parseExpression() throws(Diagnostic) -> ParsedExpression {
        try enterNesting()
        defer { leaveNesting() }
        return try parseOrExpression()
    }

    /// ```
    /// or_expression = and_expression { "OR" and_expression } ;
    /// ```
    mutating func parseOrExpression() throws(Diagnostic) -> ParsedExpression {
        let start = current.range.start
        var left = try parseAndExpression()
        var mark = index
        while let op = eatSilently(.or) {
            try ensureProgress(&mark)
            let right = try parseAndExpression()
            left = try makeNode(.binary(.or, left.expression, right.expression), from: start, over: [left, right],
                                anchor: op.range)
        }
        return left
    }

    /// ```
    /// and_expression = not_expression { "AND" not_expression } ;
    /// ```
    mutating func parseAndExpression() throws(Diagnostic) -> ParsedExpression {
        let start = current.range.start
        var left = try parseNotExpression()
        var mark = index
        while let op = eatSilently(.and) {
            try ensureProgress(&mark)
            let right = try parseNotExpression()
            left = try makeNode(.binary(.and, left.expression, right.expression), from: start, over: [left, right],
                                anchor: op.range)
        }
        return left
    }

    /// `NOT EXISTS (...)` becomes one node, `.exists(negated: true)`.
    ///
    /// ```
    /// not_expression = "NOT" not_expression | comparison ;
    /// ```
    mutating func parseNotExpression() throws(Diagnostic) -> ParsedExpression {
        guard let not = eatSilently(.not) else { return try parseComparison() }
        try enterNesting()
        defer { leaveNesting() }
        let operand = try parseNotExpression()
        if case let .exists(query, negated: false) = operand.expression.kind {
            return try makeNode(.exists(query, negated: true), from: not.range.start, over: [operand], anchor: not.range)
        }
        return try makeNode(.unary(.not, operand.expression), from: not.range.start, over: [operand], anchor: not.range)
    }

    /// Comparisons and the predicates IS NULL, IN, BETWEEN and LIKE share one level: `a = b IS NULL` is
    /// `(a = b) IS NULL`. NOT before IN, BETWEEN or LIKE negates that predicate.
    ///
    /// ```
    /// comparison = concatenation { comparison_operator concatenation | null_test
    ///                              | [ "NOT" ] ( in_list | between_range | like_pattern ) } ;
    /// ```
    mutating func parseComparison() throws(Diagnostic) -> ParsedExpression {
        let start = current.range.start
        var left = try parseConcatenation()
        var mark = -1
        while true {
            try ensureProgress(&mark)
            if let comparison = parseComparisonOperator() {
                let right = try parseConcatenation()
                left = try makeNode(.binary(comparison.operator, left.expression, right.expression), from: start,
                                    over: [left, right], anchor: comparison.token.range)
                continue
            }
            if at(.is) {
                left = try parseNullTest(left)
                continue
            }
            var isNegated = false
            if at(.not), case let .keyword(next) = peek(1).kind, next == .in || next == .between || next == .like {
                advance()
                isNegated = true
            }
            if at(.in) {
                left = try parseInList(left, isNegated: isNegated)
            } else if at(.between) {
                left = try parseBetweenRange(left, isNegated: isNegated)
            } else if at(.like) {
                left = try parseLikePattern(left, isNegated: isNegated)
            } else {
                return left
            }
        }
    }

    /// `==` means `=` and `!=` means `<>`. Nil (consuming nothing) when no comparison operator is current.
    ///
    /// ```
    /// comparison_operator = "=" | "==" | "<>" | "!=" | "<" | "<=" | ">" | ">=" ;
    /// ```
    mutating func parseComparisonOperator() -> (operator: BinaryOperator, token: Token)? {
        let op: BinaryOperator
        switch current.kind {
        case .equal: op = .equal
        case .notEqual: op = .notEqual
        case .less: op = .less
        case .lessEqual: op = .lessEqual
        case .greater: op = .greater
        case .greaterEqual: op = .greaterEqual
        default: return nil
        }
        return (op, advance())
    }

    /// ```
    /// null_test = "IS" [ "NOT" ] "NULL" ;
    /// ```
    mutating func parseNullTest(_ operand: ParsedExpression) throws(Diagnostic) -> ParsedExpression {
        let keyword = try expect(.is)
        let isNegated = eat(.not) != nil
        _ = try expect(.null)
        return try makeNode(.isNull(operand.expression, negated: isNegated), from: operand.expression.range.start,
                            over: [operand], anchor: keyword.range)
    }

    /// A query in the parentheses (`IN (SELECT ...)`) makes it a subquery test; `IN ((SELECT ...), 2)` is a list.
    ///
    /// ```
    /// in_list = "IN" ( parenthesized_query | "(" expression { "," expression } ")" ) ;
    /// ```
    mutating func parseInList(_ operand: ParsedExpression, isNegated: Bool) throws(Diagnostic) -> ParsedExpression {
        let keyword = try expect(.in)
        if at(.leftParen) && Parser.startsQuery(peek(1).kind) {
            let query = try parseParenthesizedQuery()
            return try makeNode(.inSubquery(operand.expression, query.node, negated: isNegated),
                                from: operand.expression.range.start, over: [operand], subtrees: [query.height],
                                anchor: keyword.range)
        }
        _ = try expect(.leftParen)
        var items = [try parseExpression()]
        var mark = index
        while eat(.comma) != nil {
            try ensureProgress(&mark)
            items.append(try parseExpression())
        }
        _ = try expect(.rightParen)
        return try makeNode(.inList(operand.expression, items.map(\.expression), negated: isNegated),
                            from: operand.expression.range.start, over: [operand] + items, anchor: keyword.range)
    }

    /// The bounds bind tighter than AND, so the AND here is BETWEEN's own.
    ///
    /// ```
    /// between_range = "BETWEEN" concatenation "AND" concatenation ;
    /// ```
    mutating func parseBetweenRange(_ operand: ParsedExpression, isNegated: Bool) throws(Diagnostic) -> ParsedExpression {
        let keyword = try expect(.between)
        let low = try parseConcatenation()
        _ = try expect(.and)
        let high = try parseConcatenation()
        return try makeNode(.between(operand.expression, low: low.expression, high: high.expression, negated: isNegated),
                            from: operand.expression.range.start, over: [operand, low, high], anchor: keyword.range)
    }

    /// ```
    /// like_pattern = "LIKE" concatenation [ "ESCAPE" concatenation ] ;
    /// ```
    mutating func parseLikePattern(_ operand: ParsedExpression, isNegated: Bool) throws(Diagnostic) -> ParsedExpression {
        let keyword = try expect(.like)
        let pattern = try parseConcatenation()
        var escape: ParsedExpression?
        if eatSilently(.escape) != nil {
            escape = try parseConcatenation()
        }
        var children = [operand, pattern]
        if let escape { children.append(escape) }
        return try makeNode(.like(operand.expression, pattern: pattern.expression, escape: escape?.expression,
                                  negated: isNegated),
                            from: operand.expression.range.start, over: children, anchor: keyword.range)
    }

    /// ```
    /// concatenation = additive { "||" additive } ;
    /// ```
    mutating func parseConcatenation() throws(Diagnostic) -> ParsedExpression {
        let start = current.range.start
        var left = try parseAdditive()
        var mark = index
        while let op = eatSilently(.concat) {
            try ensureProgress(&mark)
            let right = try parseAdditive()
            left = try makeNode(.binary(.concat, left.expression, right.expression), from: start, over: [left, right],
                                anchor: op.range)
        }
        return left
    }

    /// ```
    /// additive = multiplicative { ( "+" | "-" ) multiplicative } ;
    /// ```
    mutating func parseAdditive() throws(Diagnostic) -> ParsedExpression {
        let start = current.range.start
        var left = try parseMultiplicative()
        var mark = index
        while let op = eatSilently(.plus) ?? eatSilently(.minus) {
            try ensureProgress(&mark)
            let right = try parseMultiplicative()
            let binary: BinaryOperator = op.kind == .plus ? .add : .subtract
            left = try makeNode(.binary(binary, left.expression, right.expression), from: start, over: [left, right],
                                anchor: op.range)
        }
        return left
    }

    /// ```
    /// multiplicative = unary { ( "*" | "/" | "%" ) unary } ;
    /// ```
    mutating func parseMultiplicative() throws(Diagnostic) -> ParsedExpression {
        let start = current.range.start
        var left = try parseUnary()
        var mark = index
        while let op = eatSilently(.star) ?? eatSilently(.slash) ?? eatSilently(.percent) {
            try ensureProgress(&mark)
            let right = try parseUnary()
            let binary: BinaryOperator = switch op.kind {
            case .star: .multiply
            case .slash: .divide
            default: .modulo
            }
            left = try makeNode(.binary(binary, left.expression, right.expression), from: start, over: [left, right],
                                anchor: op.range)
        }
        return left
    }

    /// A sign binds tighter than any binary operator: `-a * b` is `(-a) * b`.
    ///
    /// ```
    /// unary = ( "-" | "+" ) unary | primary ;
    /// ```
    mutating func parseUnary() throws(Diagnostic) -> ParsedExpression {
        guard let sign = eatSilently(.minus) ?? eatSilently(.plus) else { return try parsePrimary() }
        try enterNesting()
        defer { leaveNesting() }
        let operand = try parseUnary()
        let op: UnaryOperator = sign.kind == .minus ? .negate : .plus
        return try makeNode(.unary(op, operand.expression), from: sign.range.start, over: [operand], anchor: sign.range)
    }
}
