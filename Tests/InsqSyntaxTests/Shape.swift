import Testing
@testable import InsqSyntax

/// The shape of an expression in a compact prefix form, for precedence tests: `(+ a (* b c))`.
func shape(_ expression: InsqSyntax.Expression) -> String {
    switch expression.kind {
    case let .literal(literal):
        switch literal {
        case let .number(text): return text
        case let .string(text): return "'\(text)'"
        case let .boolean(value): return value ? "TRUE" : "FALSE"
        case .null: return "NULL"
        case let .date(text): return "DATE'\(text)'"
        }
    case let .column(table, name): return (table.map { $0.name + "." } ?? "") + name.name
    case let .unary(op, operand): return "(\(op.rawValue) \(shape(operand)))"
    case let .binary(op, left, right): return "(\(op.rawValue) \(shape(left)) \(shape(right)))"
    case let .isNull(operand, negated): return "(\(negated ? "NOTNULL" : "ISNULL") \(shape(operand)))"
    case let .inList(operand, items, negated):
        return "(\(negated ? "NOTIN" : "IN") \(shape(operand)) [\(items.map(shape).joined(separator: " "))])"
    case let .between(operand, low, high, negated):
        return "(\(negated ? "NOTBETWEEN" : "BETWEEN") \(shape(operand)) \(shape(low)) \(shape(high)))"
    case let .like(operand, pattern, escape, negated):
        return "(\(negated ? "NOTLIKE" : "LIKE") \(shape(operand)) \(shape(pattern))\(escape.map { " " + shape($0) } ?? ""))"
    case let .caseWhen(operand, whens, elseResult):
        let arms = whens.map { "\(shape($0.condition))→\(shape($0.result))" }.joined(separator: " ")
        return "(CASE\(operand.map { " " + shape($0) } ?? "") \(arms)\(elseResult.map { " ELSE " + shape($0) } ?? ""))"
    case let .cast(operand, type):
        return "(CAST \(shape(operand)) \(type.name)\(type.parameters.isEmpty ? "" : "\(type.parameters)"))"
    case let .function(name, arguments, isDistinct, isStar):
        let inside = isStar ? "*" : (isDistinct ? "DISTINCT " : "") + arguments.map(shape).joined(separator: " ")
        return "\(name.name)(\(inside))"
    case let .window(call, window):
        var parts: [String] = []
        if !window.partitionBy.isEmpty { parts.append("PARTITION " + window.partitionBy.map(shape).joined(separator: " ")) }
        if !window.orderBy.isEmpty { parts.append("ORDER " + window.orderBy.map(shape).joined(separator: " ")) }
        return "\(shape(call)) OVER(\(parts.joined(separator: "; ")))"
    case let .scalarSubquery(query):
        return "{\(shape(query))}"
    case let .exists(query, negated):
        return "(\(negated ? "NOTEXISTS" : "EXISTS") {\(shape(query))})"
    case let .inSubquery(operand, query, negated):
        return "(\(negated ? "NOTIN" : "IN") \(shape(operand)) {\(shape(query))})"
    case let .extract(field, operand):
        return "(EXTRACT \(field.name) \(shape(operand)))"
    }
}

func shape(_ item: OrderItem) -> String {
    var text = shape(item.expression)
    if item.isDescending { text += " DESC" }
    switch item.nulls {
    case .first: text += " NULLS FIRST"
    case .last: text += " NULLS LAST"
    case nil: break
    }
    return text
}

func shape(_ item: SelectItem) -> String {
    switch item {
    case .star: return "*"
    case let .qualifiedStar(table, _): return table.name + ".*"
    case let .expression(expression, alias): return shape(expression) + (alias.map { " AS " + $0.name } ?? "")
    }
}

/// A compact text form of a query: `SELECT a FROM t WHERE (> a 1)`, set operations in parentheses
/// (`(SELECT 1 UNION ALL SELECT 2)`), parenthesised queries in brackets, pipe steps after `|>`.
func shape(_ query: Query) -> String {
    var parts: [String] = []
    if !query.with.isEmpty {
        parts.append("WITH " + query.with.map { cte in
            let columns = cte.columnNames.isEmpty ? "" : "(" + cte.columnNames.map(\.name).joined(separator: ", ") + ")"
            return cte.name.name + columns + " AS {" + shape(cte.query) + "}"
        }.joined(separator: ", "))
    }
    parts.append(shape(query.body))
    if !query.orderBy.isEmpty { parts.append("ORDER BY " + query.orderBy.map(shape).joined(separator: ", ")) }
    if let limit = query.limit { parts.append("LIMIT " + shape(limit)) }
    if let offset = query.offset { parts.append("OFFSET " + shape(offset)) }
    return parts.joined(separator: " ")
}

func shape(_ body: QueryBody) -> String {
    switch body {
    case let .select(core):
        var parts = ["SELECT" + (core.isDistinct ? " DISTINCT " : " ") + core.items.map(shape).joined(separator: ", ")]
        if let from = core.from { parts.append("FROM " + shape(from)) }
        if let condition = core.whereClause { parts.append("WHERE " + shape(condition)) }
        if !core.groupBy.isEmpty { parts.append("GROUP BY " + core.groupBy.map(shape).joined(separator: ", ")) }
        if let having = core.having { parts.append("HAVING " + shape(having)) }
        return parts.joined(separator: " ")
    case let .setOperation(left, op, isAll, right, _):
        return "(\(shape(left)) \(setOperatorText(op, isAll: isAll)) \(shape(right)))"
    case let .from(reference, _):
        return "FROM " + shape(reference)
    case let .parenthesized(query):
        return "[" + shape(query) + "]"
    case let .pipe(input, operators):
        return shape(input) + operators.map { " |> " + shape($0) }.joined()
    }
}

func setOperatorText(_ op: SetOperator, isAll: Bool) -> String {
    let word = switch op {
    case .union: "UNION"
    case .except: "EXCEPT"
    case .intersect: "INTERSECT"
    }
    return isAll ? word + " ALL" : word
}

func shape(_ op: PipeOperator) -> String {
    switch op {
    case let .whereFilter(condition, _): return "WHERE " + shape(condition)
    case let .select(items, _): return "SELECT " + items.map(shape).joined(separator: ", ")
    case let .extend(items, _): return "EXTEND " + items.map(shape).joined(separator: ", ")
    case let .set(assignments, _):
        return "SET " + assignments.map { $0.name.name + " = " + shape($0.value) }.joined(separator: ", ")
    case let .drop(names, _): return "DROP " + names.map(\.name).joined(separator: ", ")
    case let .rename(renames, _): return "RENAME " + renames.map { $0.old.name + " AS " + $0.new.name }.joined(separator: ", ")
    case let .alias(alias, _): return "AS " + alias.name
    case let .aggregate(aggregates, groupBy, _):
        var parts = ["AGGREGATE"]
        if !aggregates.isEmpty { parts.append(aggregates.map(shape).joined(separator: ", ")) }
        if !groupBy.isEmpty { parts.append("GROUP BY " + groupBy.map(shape).joined(separator: ", ")) }
        return parts.joined(separator: " ")
    case let .orderBy(items, _): return "ORDER BY " + items.map(shape).joined(separator: ", ")
    case let .limit(limit, offset, _): return "LIMIT " + shape(limit) + (offset.map { " OFFSET " + shape($0) } ?? "")
    case let .join(kind, reference, condition, _):
        return "\(joinKindText(kind)) JOIN \(shape(reference))\(shape(condition))"
    case let .setOperation(op, isAll, query, _): return setOperatorText(op, isAll: isAll) + " {" + shape(query) + "}"
    case .distinct: return "DISTINCT"
    }
}

func joinKindText(_ kind: JoinKind) -> String {
    switch kind {
    case .inner: "INNER"
    case .left: "LEFT"
    case .cross: "CROSS"
    }
}

func shape(_ condition: JoinCondition) -> String {
    switch condition {
    case let .on(predicate): " ON " + shape(predicate)
    case let .using(columns): " USING (" + columns.map(\.name).joined(separator: ", ") + ")"
    case .none: ""
    }
}

func shape(_ reference: TableReference) -> String {
    switch reference {
    case let .table(name, alias): return name.name + (alias.map { " " + $0.name } ?? "")
    case let .file(path, alias, _): return "'\(path)'" + (alias.map { " " + $0.name } ?? "")
    case let .join(left, kind, right, condition, _):
        return "(\(shape(left)) \(joinKindText(kind)) JOIN \(shape(right))\(shape(condition)))"
    case let .subquery(query, alias, _): return "{\(shape(query))} " + (alias?.name ?? "")
    }
}

/// Every expression of a statement, nested ones (in subqueries too) included.
enum ExpressionWalk {
    static func all(in statement: Statement) -> [InsqSyntax.Expression] {
        switch statement {
        case let .query(query): return expand(roots(of: query))
        case let .createTable(create):
            if case let .query(query) = create.contents { return expand(roots(of: query)) }
            return []
        case let .createView(create): return expand(roots(of: create.query))
        case let .insert(insert):
            switch insert.source {
            case let .values(rows): return expand(rows.flatMap(\.values))
            case let .query(query): return expand(roots(of: query))
            }
        case .drop: return []
        case let .copy(copy):
            if case let .query(query) = copy.source { return expand(roots(of: query)) }
            return []
        case let .explain(explain): return expand(roots(of: explain.query))
        }
    }

    /// The expressions and all their descendants, subqueries included.
    static func expand(_ roots: [InsqSyntax.Expression]) -> [InsqSyntax.Expression] {
        var pending = roots
        var all: [InsqSyntax.Expression] = []
        while let next = pending.popLast() {
            all.append(next)
            pending += children(of: next)
        }
        return all
    }

    /// The top-level expressions of a query and of the queries nested in its clauses (not in its expressions).
    static func roots(of query: Query) -> [InsqSyntax.Expression] {
        var result = query.with.flatMap { roots(of: $0.query) }
        result += roots(of: query.body)
        result += query.orderBy.map(\.expression) + [query.limit, query.offset].compactMap { $0 }
        return result
    }

    static func roots(of body: QueryBody) -> [InsqSyntax.Expression] {
        switch body {
        case let .select(core):
            var result = items(core.items)
            if let from = core.from { result += roots(of: from) }
            result += [core.whereClause, core.having].compactMap { $0 } + core.groupBy
            return result
        case let .setOperation(left, _, _, right, _): return roots(of: left) + roots(of: right)
        case let .from(reference, _): return roots(of: reference)
        case let .parenthesized(query): return roots(of: query)
        case let .pipe(input, operators): return roots(of: input) + operators.flatMap(roots(of:))
        }
    }

    static func roots(of op: PipeOperator) -> [InsqSyntax.Expression] {
        switch op {
        case let .whereFilter(condition, _): return [condition]
        case let .select(list, _), let .extend(list, _): return items(list)
        case let .set(assignments, _): return assignments.map(\.value)
        case .drop, .rename, .alias, .distinct: return []
        case let .aggregate(aggregates, groupBy, _): return items(aggregates) + items(groupBy)
        case let .orderBy(orderItems, _): return orderItems.map(\.expression)
        case let .limit(limit, offset, _): return [limit] + (offset.map { [$0] } ?? [])
        case let .join(_, reference, condition, _): return roots(of: reference) + roots(of: condition)
        case let .setOperation(_, _, query, _): return roots(of: query)
        }
    }

    static func roots(of reference: TableReference) -> [InsqSyntax.Expression] {
        switch reference {
        case .table, .file: return []
        case let .join(left, _, right, condition, _): return roots(of: left) + roots(of: right) + roots(of: condition)
        case let .subquery(query, _, _): return roots(of: query)
        }
    }

    static func roots(of condition: JoinCondition) -> [InsqSyntax.Expression] {
        if case let .on(predicate) = condition { return [predicate] }
        return []
    }

    static func items(_ items: [SelectItem]) -> [InsqSyntax.Expression] {
        items.compactMap {
            if case let .expression(expression, _) = $0 { return expression }
            return nil
        }
    }

    static func children(of expression: InsqSyntax.Expression) -> [InsqSyntax.Expression] {
        switch expression.kind {
        case .literal, .column: return []
        case let .unary(_, operand), let .isNull(operand, _), let .cast(operand, _), let .extract(_, operand): return [operand]
        case let .binary(_, left, right): return [left, right]
        case let .inList(operand, items, _): return [operand] + items
        case let .between(operand, low, high, _): return [operand, low, high]
        case let .like(operand, pattern, escape, _): return [operand, pattern] + (escape.map { [$0] } ?? [])
        case let .caseWhen(operand, whens, elseResult):
            return (operand.map { [$0] } ?? []) + whens.flatMap { [$0.condition, $0.result] } + (elseResult.map { [$0] } ?? [])
        case let .function(_, arguments, _, _): return arguments
        case let .window(call, window): return [call] + window.partitionBy + window.orderBy.map(\.expression)
        case let .scalarSubquery(query), let .exists(query, _): return roots(of: query)
        case let .inSubquery(operand, query, _): return [operand] + roots(of: query)
        }
    }
}
