/// An indented text form of the AST for golden tests and debugging: one node per line, children indented
/// by two spaces, each node with its byte range (`@7..17`) and, when the source is given, the text the
/// range covers.
public enum ASTDump {
    /// Every statement, one after another.
    public static func dump(_ statements: [Statement], source: SourceText? = nil) -> String {
        var writer = ASTDumpWriter(source: source)
        for statement in statements { writer.statement(statement) }
        return writer.output
    }

    public static func dump(_ statement: Statement, source: SourceText? = nil) -> String {
        dump([statement], source: source)
    }

    public static func dump(_ expression: Expression, source: SourceText? = nil) -> String {
        var writer = ASTDumpWriter(source: source)
        writer.expression(expression, depth: 0)
        return writer.output
    }
}

/// Builds the text of `ASTDump`, one line at a time.
private struct ASTDumpWriter {
    let source: SourceText?
    var output = ""

    mutating func line(_ depth: Int, _ text: String, _ range: SourceRange? = nil) {
        output += String(repeating: "  ", count: depth) + text
        if let range {
            output += " @\(range.start)..\(range.end)"
            if let source { output += " " + ASTDumpWriter.quotedSource(source.slice(range)) }
        }
        output += "\n"
    }

    mutating func statement(_ statement: Statement) {
        switch statement {
        case let .query(query): self.query(query, depth: 0)
        }
    }

    mutating func query(_ query: Query, depth: Int) {
        line(depth, "Query", query.range)
        switch query.body {
        case let .select(core): select(core, depth: depth + 1)
        default: line(depth + 1, "Unsupported")
        }
        if !query.orderBy.isEmpty {
            line(depth + 1, "OrderBy")
            for item in query.orderBy {
                var label = "OrderItem " + (item.isDescending ? "DESC" : "ASC")
                switch item.nulls {
                case .first: label += " NULLS FIRST"
                case .last: label += " NULLS LAST"
                case nil: break
                }
                line(depth + 2, label)
                expression(item.expression, depth: depth + 3)
            }
        }
        if let limit = query.limit {
            line(depth + 1, "Limit")
            expression(limit, depth: depth + 2)
        }
        if let offset = query.offset {
            line(depth + 1, "Offset")
            expression(offset, depth: depth + 2)
        }
    }

    mutating func select(_ core: SelectCore, depth: Int) {
        line(depth, core.isDistinct ? "Select DISTINCT" : "Select", core.range)
        line(depth + 1, "Items")
        for item in core.items {
            switch item {
            case let .star(range):
                line(depth + 2, "Star", range)
            case let .qualifiedStar(table, range):
                line(depth + 2, "QualifiedStar " + ASTDumpWriter.name(table), range)
            case let .expression(value, alias):
                line(depth + 2, "Item")
                expression(value, depth: depth + 3)
                if let alias { line(depth + 3, "Alias " + ASTDumpWriter.name(alias), alias.range) }
            }
        }
        if let from = core.from {
            line(depth + 1, "From")
            table(from, depth: depth + 2)
        }
        if let condition = core.whereClause {
            line(depth + 1, "Where")
            expression(condition, depth: depth + 2)
        }
        if !core.groupBy.isEmpty {
            line(depth + 1, "GroupBy")
            for key in core.groupBy { expression(key, depth: depth + 2) }
        }
        if let having = core.having {
            line(depth + 1, "Having")
            expression(having, depth: depth + 2)
        }
    }

    mutating func table(_ reference: TableReference, depth: Int) {
        switch reference {
        case let .table(name, alias):
            line(depth, "Table " + ASTDumpWriter.name(name), name.range)
            if let alias { line(depth + 1, "Alias " + ASTDumpWriter.name(alias), alias.range) }
        case let .join(left, kind, right, condition, range):
            let label = switch kind {
            case .inner: "Join INNER"
            case .left: "Join LEFT"
            case .cross: "Join CROSS"
            }
            line(depth, label, range)
            table(left, depth: depth + 1)
            table(right, depth: depth + 1)
            switch condition {
            case let .on(predicate):
                line(depth + 1, "On")
                expression(predicate, depth: depth + 2)
            case let .using(columns):
                line(depth + 1, "Using " + columns.map(ASTDumpWriter.name).joined(separator: ", "))
            case .none:
                break
            }
        default:
            line(depth, "Unsupported")
        }
    }

    mutating func expression(_ node: Expression, depth: Int) {
        let range = node.range
        switch node.kind {
        case let .literal(literal):
            line(depth, "Literal " + ASTDumpWriter.literal(literal), range)
        case let .column(table, name):
            let qualified = table.map { ASTDumpWriter.name($0) + "." } ?? ""
            line(depth, "Column " + qualified + ASTDumpWriter.name(name), range)
        case let .unary(op, operand):
            line(depth, "Unary " + op.rawValue, range)
            expression(operand, depth: depth + 1)
        case let .binary(op, left, right):
            line(depth, "Binary " + op.rawValue, range)
            expression(left, depth: depth + 1)
            expression(right, depth: depth + 1)
        case let .isNull(operand, negated):
            line(depth, negated ? "IsNotNull" : "IsNull", range)
            expression(operand, depth: depth + 1)
        case let .inList(operand, items, negated):
            line(depth, negated ? "NotIn" : "In", range)
            expression(operand, depth: depth + 1)
            for item in items { expression(item, depth: depth + 1) }
        case let .between(operand, low, high, negated):
            line(depth, negated ? "NotBetween" : "Between", range)
            expression(operand, depth: depth + 1)
            expression(low, depth: depth + 1)
            expression(high, depth: depth + 1)
        case let .like(operand, pattern, escape, negated):
            line(depth, negated ? "NotLike" : "Like", range)
            expression(operand, depth: depth + 1)
            expression(pattern, depth: depth + 1)
            if let escape {
                line(depth + 1, "Escape")
                expression(escape, depth: depth + 2)
            }
        case let .caseWhen(operand, whens, elseResult):
            line(depth, "Case", range)
            if let operand {
                line(depth + 1, "Operand")
                expression(operand, depth: depth + 2)
            }
            for when in whens {
                line(depth + 1, "When")
                expression(when.condition, depth: depth + 2)
                expression(when.result, depth: depth + 2)
            }
            if let elseResult {
                line(depth + 1, "Else")
                expression(elseResult, depth: depth + 2)
            }
        case let .cast(operand, type):
            line(depth, "Cast", range)
            expression(operand, depth: depth + 1)
            let parameters = type.parameters.isEmpty ? "" : "(" + type.parameters.map(String.init).joined(separator: ",") + ")"
            line(depth + 1, "Type " + type.name + parameters, type.range)
        case let .function(name, arguments, isDistinct, isStar):
            var label = "Function " + ASTDumpWriter.name(name)
            if isDistinct { label += " DISTINCT" }
            if isStar { label += " *" }
            line(depth, label, range)
            for argument in arguments { expression(argument, depth: depth + 1) }
        default:
            line(depth, "Unsupported", range)
        }
    }

    static func name(_ identifier: Identifier) -> String {
        identifier.isQuoted ? "\"" + identifier.name.replacing("\"", with: "\"\"") + "\"" : identifier.name
    }

    static func literal(_ literal: Literal) -> String {
        switch literal {
        case let .number(text): return "number " + text
        case let .string(text): return "string " + quotedLiteral(text)
        case let .boolean(value): return value ? "TRUE" : "FALSE"
        case .null: return "NULL"
        case let .date(text): return "date " + quotedLiteral(text)
        }
    }

    /// A string as SQL writes it (`'it''s'`), with line breaks and tabs shown as `\n`, `\r`, `\t` so
    /// that each node stays on one line.
    static func quotedLiteral(_ text: String) -> String {
        var result = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": result += "''"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "'"
    }

    /// Source text in double quotes on one line: line breaks and tabs escaped, cut after 60 characters.
    static func quotedSource(_ text: String) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 60 {
                result += "…"
                break
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            default: result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return "\"" + result + "\""
    }
}
