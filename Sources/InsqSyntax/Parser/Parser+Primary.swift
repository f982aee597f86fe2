/// The operands of expressions: literals, names, calls, subqueries, CASE, CAST, EXTRACT and parentheses.
extension Parser {
    /// A name followed by `(` is a function call; `DATE` followed by a string is a date literal, and
    /// otherwise an ordinary name (`date` is a column in the data model). `(` followed by SELECT, FROM or
    /// WITH starts a scalar subquery, any other `(` a parenthesized expression. `CURRENT_DATE` is a call of
    /// the function `current_date` without arguments (its parentheses may be left out, and usually are).
    ///
    /// ```
    /// primary = literal | date_literal | parenthesized_query | parenthesized | case_expression
    ///         | cast_expression | exists_expression | extract_expression | "CURRENT_DATE" [ "(" ")" ]
    ///         | function_call | column_reference ;
    /// ```
    mutating func parsePrimary() throws(Diagnostic) -> ParsedExpression {
        switch current.kind {
        case .number, .string, .keyword(.true), .keyword(.false), .keyword(.null):
            return try parseLiteral()
        case .keyword(.date) where peek(1).kind == .string:
            return try parseDateLiteral()
        case .leftParen where Parser.startsQuery(peek(1).kind):
            let start = current.range.start
            let query = try parseParenthesizedQuery()
            return try makeNode(.scalarSubquery(query.node), from: start, over: [], subtrees: [query.height])
        case .leftParen:
            return try parseParenthesized()
        case .keyword(.case):
            return try parseCaseExpression()
        case .keyword(.cast):
            return try parseCastExpression()
        case .keyword(.exists):
            return try parseExistsExpression()
        case .keyword(.extract) where peek(1).kind == .leftParen:
            return try parseExtractExpression()
        case .keyword(.currentDate):
            let name = identifier(advance())
            if eatSilently(.leftParen) != nil { _ = try expect(.rightParen) }
            return try makeNode(.function(name: name, arguments: [], isDistinct: false, isStar: false),
                                from: name.range.start, over: [])
        default:
            guard atName else {
                note(DiagnosticMessages.Expected.expression)
                throw unexpected()
            }
            return peek(1).kind == .leftParen ? try parseFunctionCall() : try parseColumnReference()
        }
    }

    /// Numbers keep their text as written; the binder decides their type.
    ///
    /// ```
    /// literal = number | string | "TRUE" | "FALSE" | "NULL" ;
    /// ```
    mutating func parseLiteral() throws(Diagnostic) -> ParsedExpression {
        let start = current.range.start
        let literal: Literal
        switch current.kind {
        case .number: literal = .number(text(current))
        case .string: literal = .string(unquote(current, quote: UInt8(ascii: "'")))
        case .keyword(.true): literal = .boolean(true)
        case .keyword(.false): literal = .boolean(false)
        case .keyword(.null): literal = .null
        default:
            note(DiagnosticMessages.Expected.expression)
            throw unexpected()
        }
        advance()
        return try makeNode(.literal(literal), from: start, over: [])
    }

    /// The binder checks that the text is a valid `YYYY-MM-DD` date.
    ///
    /// ```
    /// date_literal = "DATE" string ;
    /// ```
    mutating func parseDateLiteral() throws(Diagnostic) -> ParsedExpression {
        let start = try expect(.date).range.start
        let text = try expect(.string)
        return try makeNode(.literal(.date(unquote(text, quote: UInt8(ascii: "'")))), from: start, over: [])
    }

    /// The node keeps the inner expression's kind but covers the parentheses, so that `SELECT (a + b)`
    /// names its column `(a + b)` as SQLite does.
    ///
    /// ```
    /// parenthesized = "(" expression ")" ;
    /// ```
    mutating func parseParenthesized() throws(Diagnostic) -> ParsedExpression {
        let start = try expect(.leftParen).range.start
        let inner = try parseExpression()
        _ = try expect(.rightParen)
        return ParsedExpression(Expression(inner.expression.kind, range: SourceRange(start, previousEnd)),
                                height: inner.height)
    }

    /// With an operand, each WHEN value is compared with it (`CASE status WHEN 'active' THEN ...`).
    ///
    /// ```
    /// case_expression = "CASE" [ expression ] when_clause { when_clause } [ "ELSE" expression ] "END" ;
    /// ```
    mutating func parseCaseExpression() throws(Diagnostic) -> ParsedExpression {
        let keyword = try expect(.case)
        var children: [ParsedExpression] = []
        var operand: ParsedExpression?
        if !check(.when) {
            let parsed = try parseExpression()
            operand = parsed
            children.append(parsed)
        }
        var whens: [WhenClause] = []
        var mark = -1
        repeat {
            try ensureProgress(&mark)
            let (condition, result) = try parseWhenClause()
            whens.append(WhenClause(condition: condition.expression, result: result.expression))
            children += [condition, result]
        } while check(.when)
        var elseResult: ParsedExpression?
        if eat(.else) != nil {
            let parsed = try parseExpression()
            elseResult = parsed
            children.append(parsed)
        }
        _ = try expect(.end)
        return try makeNode(.caseWhen(operand: operand?.expression, whens: whens, elseResult: elseResult?.expression),
                            from: keyword.range.start, over: children, anchor: keyword.range)
    }

    /// ```
    /// when_clause = "WHEN" expression "THEN" expression ;
    /// ```
    mutating func parseWhenClause() throws(Diagnostic) -> (condition: ParsedExpression, result: ParsedExpression) {
        _ = try expect(.when)
        let condition = try parseExpression()
        _ = try expect(.then)
        return (condition, try parseExpression())
    }

    /// ```
    /// cast_expression = "CAST" "(" expression "AS" type_name ")" ;
    /// ```
    mutating func parseCastExpression() throws(Diagnostic) -> ParsedExpression {
        let keyword = try expect(.cast)
        _ = try expect(.leftParen)
        let operand = try parseExpression()
        _ = try expect(.as)
        let type = try parseTypeName()
        _ = try expect(.rightParen)
        return try makeNode(.cast(operand.expression, type), from: keyword.range.start, over: [operand],
                            anchor: keyword.range)
    }

    /// `COUNT(*)` sets isStar; `COUNT(DISTINCT x)` sets isDistinct. The binder knows which names exist.
    /// With OVER, the call becomes the `call` of a window function node.
    ///
    /// ```
    /// function_call = name "(" [ "*" | [ "DISTINCT" ] expression { "," expression } ] ")"
    ///                 [ "OVER" window_specification ] ;
    /// ```
    mutating func parseFunctionCall() throws(Diagnostic) -> ParsedExpression {
        let name = try parseName()
        _ = try expect(.leftParen)
        var arguments: [ParsedExpression] = []
        var isStar = false
        var isDistinct = false
        if eatSilently(.star) != nil {
            isStar = true
        } else if !at(.rightParen) {
            isDistinct = eatSilently(.distinct) != nil
            arguments.append(try parseExpression())
            var mark = index
            while eat(.comma) != nil {
                try ensureProgress(&mark)
                arguments.append(try parseExpression())
            }
        }
        _ = try expect(.rightParen)
        let call = try makeNode(.function(name: name, arguments: arguments.map(\.expression), isDistinct: isDistinct,
                                          isStar: isStar),
                                from: name.range.start, over: arguments, anchor: name.range)
        guard let over = eatSilently(.over) else { return call }
        if atName {
            throw notSupportedYet(DiagnosticMessages.Feature.namedWindow)
        }
        let window = try parseWindowSpecification()
        return try makeNode(.window(call: call.expression, window.node), from: name.range.start, over: [call],
                            subtrees: [window.height], anchor: over.range)
    }

    /// ```
    /// exists_expression = "EXISTS" parenthesized_query ;
    /// ```
    mutating func parseExistsExpression() throws(Diagnostic) -> ParsedExpression {
        let keyword = try expect(.exists)
        let query = try parseParenthesizedQuery()
        return try makeNode(.exists(query.node, negated: false), from: keyword.range.start, over: [],
                            subtrees: [query.height], anchor: keyword.range)
    }

    /// The field is kept as written (`YEAR`, `month`); the binder decides which fields exist.
    ///
    /// ```
    /// extract_expression = "EXTRACT" "(" name "FROM" expression ")" ;
    /// ```
    mutating func parseExtractExpression() throws(Diagnostic) -> ParsedExpression {
        let keyword = try expect(.extract)
        _ = try expect(.leftParen)
        let field = try parseName(DiagnosticMessages.Expected.extractField)
        _ = try expect(.from)
        let operand = try parseExpression()
        _ = try expect(.rightParen)
        return try makeNode(.extract(field: field, operand.expression), from: keyword.range.start, over: [operand],
                            anchor: keyword.range)
    }

    /// ```
    /// column_reference = name [ "." name ] ;
    /// ```
    mutating func parseColumnReference() throws(Diagnostic) -> ParsedExpression {
        let first = try parseName()
        guard eatSilently(.dot) != nil else {
            return try makeNode(.column(table: nil, name: first), from: first.range.start, over: [])
        }
        let column = try parseName(DiagnosticMessages.Expected.columnName)
        return try makeNode(.column(table: first, name: column), from: first.range.start, over: [])
    }
}
