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
struct ASTDumpWriter {
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
        case let .createTable(create): createTable(create)
        case let .createView(create):
            line(0, "CreateView " + ASTDumpWriter.createMode(create.mode) + ASTDumpWriter.name(create.name), create.range)
            query(create.query, depth: 1)
        case let .insert(insert): self.insert(insert)
        case let .drop(drop):
            let label = "Drop" + (drop.kind == .table ? "Table " : "View ") + (drop.ifExists ? "IF EXISTS " : "")
            line(0, label + ASTDumpWriter.name(drop.name), drop.range)
        case let .copy(copy): self.copy(copy)
        case let .explain(explain): self.explain(explain)
        }
    }

    mutating func query(_ query: Query, depth: Int) {
        line(depth, "Query", query.range)
        if !query.with.isEmpty {
            line(depth + 1, "With")
            for cte in query.with {
                var label = "CommonTableExpression " + ASTDumpWriter.name(cte.name)
                if !cte.columnNames.isEmpty {
                    label += " (" + cte.columnNames.map(ASTDumpWriter.name).joined(separator: ", ") + ")"
                }
                line(depth + 2, label, cte.name.range)
                self.query(cte.query, depth: depth + 3)
            }
        }
        body(query.body, depth: depth + 1)
        orderBy(query.orderBy, label: "OrderBy", range: nil, depth: depth + 1)
        if let limit = query.limit {
            line(depth + 1, "Limit")
            expression(limit, depth: depth + 2)
        }
        if let offset = query.offset {
            line(depth + 1, "Offset")
            expression(offset, depth: depth + 2)
        }
    }

    mutating func body(_ body: QueryBody, depth: Int) {
        switch body {
        case let .select(core):
            select(core, depth: depth)
        case let .setOperation(left, op, isAll, right, range):
            line(depth, "SetOperation " + ASTDumpWriter.setOperator(op, isAll: isAll), range)
            query(left, depth: depth + 1)
            query(right, depth: depth + 1)
        case let .from(reference, range):
            line(depth, "FromQuery", range)
            table(reference, depth: depth + 1)
        case let .parenthesized(inner):
            line(depth, "Parenthesized")
            query(inner, depth: depth + 1)
        case let .pipe(input, operators):
            line(depth, "Pipe")
            query(input, depth: depth + 1)
            for op in operators { pipeOperator(op, depth: depth + 1) }
        }
    }

    mutating func pipeOperator(_ op: PipeOperator, depth: Int) {
        switch op {
        case let .whereFilter(condition, range):
            line(depth, "PipeWhere", range)
            expression(condition, depth: depth + 1)
        case let .select(items, range):
            line(depth, "PipeSelect", range)
            selectItems(items, depth: depth + 1)
        case let .extend(items, range):
            line(depth, "PipeExtend", range)
            selectItems(items, depth: depth + 1)
        case let .set(assignments, range):
            line(depth, "PipeSet", range)
            for assignment in assignments {
                line(depth + 1, "Assign " + ASTDumpWriter.name(assignment.name), assignment.name.range)
                expression(assignment.value, depth: depth + 2)
            }
        case let .drop(names, range):
            line(depth, "PipeDrop", range)
            for name in names { line(depth + 1, "Column " + ASTDumpWriter.name(name), name.range) }
        case let .rename(renames, range):
            line(depth, "PipeRename", range)
            for rename in renames {
                line(depth + 1, "Rename " + ASTDumpWriter.name(rename.old) + " AS " + ASTDumpWriter.name(rename.new),
                     rename.old.range.union(rename.new.range))
            }
        case let .alias(alias, range):
            line(depth, "PipeAs " + ASTDumpWriter.name(alias), range)
        case let .aggregate(aggregates, groupBy, range):
            line(depth, "PipeAggregate", range)
            line(depth + 1, "Aggregates")
            selectItems(aggregates, depth: depth + 2)
            if !groupBy.isEmpty {
                line(depth + 1, "GroupBy")
                selectItems(groupBy, depth: depth + 2)
            }
        case let .orderBy(items, range):
            orderBy(items, label: "PipeOrderBy", range: range, depth: depth)
        case let .limit(limit, offset, range):
            line(depth, "PipeLimit", range)
            expression(limit, depth: depth + 1)
            if let offset {
                line(depth + 1, "Offset")
                expression(offset, depth: depth + 2)
            }
        case let .join(kind, reference, condition, range):
            line(depth, "PipeJoin " + ASTDumpWriter.joinKind(kind), range)
            table(reference, depth: depth + 1)
            joinCondition(condition, depth: depth + 1)
        case let .setOperation(op, isAll, right, range):
            line(depth, "PipeSetOperation " + ASTDumpWriter.setOperator(op, isAll: isAll), range)
            query(right, depth: depth + 1)
        case let .distinct(range):
            line(depth, "PipeDistinct", range)
        }
    }

    mutating func orderBy(_ items: [OrderItem], label: String, range: SourceRange?, depth: Int) {
        guard !items.isEmpty else { return }
        line(depth, label, range)
        for item in items {
            var itemLabel = "OrderItem " + (item.isDescending ? "DESC" : "ASC")
            switch item.nulls {
            case .first: itemLabel += " NULLS FIRST"
            case .last: itemLabel += " NULLS LAST"
            case nil: break
            }
            line(depth + 1, itemLabel)
            expression(item.expression, depth: depth + 2)
        }
    }

    mutating func selectItems(_ items: [SelectItem], depth: Int) {
        for item in items {
            switch item {
            case let .star(range):
                line(depth, "Star", range)
            case let .qualifiedStar(table, range):
                line(depth, "QualifiedStar " + ASTDumpWriter.name(table), range)
            case let .expression(value, alias):
                line(depth, "Item")
                expression(value, depth: depth + 1)
                if let alias { line(depth + 1, "Alias " + ASTDumpWriter.name(alias), alias.range) }
            }
        }
    }

    mutating func select(_ core: SelectCore, depth: Int) {
        line(depth, core.isDistinct ? "Select DISTINCT" : "Select", core.range)
        line(depth + 1, "Items")
        selectItems(core.items, depth: depth + 2)
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
        case let .file(path, alias, range):
            line(depth, "File " + ASTDumpWriter.quotedLiteral(path), range)
            if let alias { line(depth + 1, "Alias " + ASTDumpWriter.name(alias), alias.range) }
        case let .join(left, kind, right, condition, range):
            line(depth, "Join " + ASTDumpWriter.joinKind(kind), range)
            table(left, depth: depth + 1)
            table(right, depth: depth + 1)
            joinCondition(condition, depth: depth + 1)
        case let .subquery(inner, alias, range):
            line(depth, "Subquery", range)
            query(inner, depth: depth + 1)
            if let alias { line(depth + 1, "Alias " + ASTDumpWriter.name(alias), alias.range) }
        }
    }

    mutating func joinCondition(_ condition: JoinCondition, depth: Int) {
        switch condition {
        case let .on(predicate):
            line(depth, "On")
            expression(predicate, depth: depth + 1)
        case let .using(columns):
            line(depth, "Using " + columns.map(ASTDumpWriter.name).joined(separator: ", "))
        case .none:
            break
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
        case let .window(call, window):
            line(depth, "Window", range)
            expression(call, depth: depth + 1)
            line(depth + 1, "Over", window.range)
            if !window.partitionBy.isEmpty {
                line(depth + 2, "PartitionBy")
                for key in window.partitionBy { expression(key, depth: depth + 3) }
            }
            orderBy(window.orderBy, label: "OrderBy", range: nil, depth: depth + 2)
        case let .scalarSubquery(inner):
            line(depth, "ScalarSubquery", range)
            query(inner, depth: depth + 1)
        case let .exists(inner, negated):
            line(depth, negated ? "NotExists" : "Exists", range)
            query(inner, depth: depth + 1)
        case let .inSubquery(operand, inner, negated):
            line(depth, negated ? "NotInSubquery" : "InSubquery", range)
            expression(operand, depth: depth + 1)
            query(inner, depth: depth + 1)
        case let .extract(field, operand):
            line(depth, "Extract " + ASTDumpWriter.name(field), range)
            expression(operand, depth: depth + 1)
        }
    }

    static func createMode(_ mode: CreateMode) -> String {
        switch mode {
        case .failIfExists: ""
        case .skipIfExists: "IF NOT EXISTS "
        case .replace: "OR REPLACE "
        }
    }

    static func joinKind(_ kind: JoinKind) -> String {
        switch kind {
        case .inner: "INNER"
        case .left: "LEFT"
        case .cross: "CROSS"
        }
    }

    static func setOperator(_ op: SetOperator, isAll: Bool) -> String {
        let word = switch op {
        case .union: "UNION"
        case .except: "EXCEPT"
        case .intersect: "INTERSECT"
        }
        return isAll ? word + " ALL" : word
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
