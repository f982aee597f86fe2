/// An output column as EXPLAIN names it: the table it was read from, if any, and its name.
struct ExplainColumn: Hashable {
    var table: String?
    var name: String
}

/// One node of a plan as EXPLAIN shows it: its operator and details, the names of its output columns, its
/// inputs, the subqueries its own expressions reference, and a fingerprint of the whole subtree.
struct DescribedPlan {
    let plan: LogicalPlan
    let operatorName: String
    let detail: String
    let columns: [ExplainColumn]
    let children: [DescribedPlan]
    /// Placeholder indices (in the context) of the subqueries this node's expressions reference first.
    let subqueries: Range<Int>
    /// The operators and details of the subtree: equal for equal subtrees, wherever they stand.
    let fingerprint: String
}

/// Describes plans bottom-up: a node's expressions name the columns its inputs yield.
struct PlanDescriber {
    let context: ExplainContext

    /// `aliases` are the names the query gives its output columns; they name the outputs of the topmost
    /// projection or aggregation (through filters, sorts and limits above it).
    func describe(_ plan: LogicalPlan, aliases: [String]? = nil) -> DescribedPlan {
        switch plan {
        case let .scan(table, columns):
            let label = context.label(of: table.name)
            let names = columns.map { ExplainColumn(table: label, name: table.schema[$0].name) }
            return node(plan, "SCAN", label + " (" + names.map(\.name).joined(separator: ", ") + ")", names, [])
        case .singleRow:
            return node(plan, "SINGLE ROW", "", [], [])
        case let .filter(child, predicate):
            let input = describe(child, aliases: aliases)
            return node(plan, "FILTER", { $0.text(predicate) }, input.columns, [input])
        case let .project(child, expressions):
            let input = describe(child)
            let start = context.subqueries.count
            let (items, names) = outputs(expressions, over: input, aliases: aliases)
            let detail = items.isEmpty ? "no columns" : items.joined(separator: ", ")
            return node(plan, "PROJECT", detail, names, [input], subqueriesFrom: start)
        case let .aggregate(child, keys, aggregates):
            let input = describe(child)
            let start = context.subqueries.count
            let text = expressions(over: input.columns)
            let (keyItems, keyNames) = outputs(keys, over: input, aliases: aliases.map { Array($0.prefix(keys.count)) })
            var names = keyNames
            var items: [String] = []
            for (i, call) in aggregates.enumerated() {
                let alias = Self.alias(aliases, keys.count + i)
                let callText = text.text(call)
                items.append(alias.map { $0 == callText ? callText : callText + " AS " + $0 } ?? callText)
                names.append(ExplainColumn(table: nil, name: alias ?? callText))
            }
            let detail = items.joined(separator: ", ") + (keys.isEmpty ? "" : (items.isEmpty ? "" : " ") + "GROUP BY " + keyItems.joined(separator: ", "))
            return node(plan, "AGGREGATE", detail, names, [input], subqueriesFrom: start)
        case let .join(left, right, join):
            let inputs = [describe(left), describe(right)]
            let start = context.subqueries.count
            let names = Self.texts(inputs[0].columns + inputs[1].columns)
            let leftText = ExpressionText(columns: Array(names[..<inputs[0].columns.count]), context: context)
            let rightText = ExpressionText(columns: Array(names[inputs[0].columns.count...]), context: context)
            var conditions = zip(join.leftKeys, join.rightKeys).map { leftText.text($0) + " = " + rightText.text($1) }
            if let residual = join.residual { conditions.append(ExpressionText(columns: names, context: context).text(residual)) }
            let columns = inputs[0].columns + (join.kind.keepsRightColumns ? inputs[1].columns : [])
            return node(plan, "HASH JOIN " + Self.name(join.kind), Self.on(conditions), columns, inputs, subqueriesFrom: start)
        case let .multiJoin(plans, conditions):
            let inputs = plans.map { describe($0) }
            let columns = inputs.flatMap(\.columns)
            return node(plan, "MULTI JOIN", { text in Self.on(conditions.map(text.text)) }, columns, inputs)
        case let .distinct(child):
            let input = describe(child, aliases: aliases)
            return node(plan, "DISTINCT", "", input.columns, [input])
        case let .sort(child, keys):
            let input = describe(child, aliases: aliases)
            return node(plan, "SORT", { text in keys.map(text.text).joined(separator: ", ") }, input.columns, [input])
        case let .limit(child, limit, offset):
            let input = describe(child, aliases: aliases)
            let detail = (limit.map(String.init) ?? "ALL") + (offset > 0 ? " OFFSET \(offset)" : "")
            return node(plan, "LIMIT", detail, input.columns, [input])
        case let .setOperation(left, right, kind, isAll):
            let inputs = [describe(left, aliases: aliases), describe(right)]
            let name = "\(kind)".uppercased() + (isAll ? " ALL" : "")
            return node(plan, name, "", inputs[0].columns, inputs)
        case let .window(child, calls):
            let input = describe(child)
            let start = context.subqueries.count
            let texts = calls.map(expressions(over: input.columns).text)
            let columns = input.columns + texts.map { ExplainColumn(table: nil, name: $0) }
            return node(plan, "WINDOW", texts.joined(separator: ", "), columns, [input], subqueriesFrom: start)
        }
    }

    /// The items of a projection or grouping (`expr AS alias` where the alias differs) and the names they give.
    private func outputs(_ es: [BoundExpression], over input: DescribedPlan,
                         aliases: [String]?) -> (items: [String], names: [ExplainColumn]) {
        let text = expressions(over: input.columns)
        var items: [String] = []
        var names: [ExplainColumn] = []
        for (i, e) in es.enumerated() {
            let item = text.text(e)
            var name = ExplainColumn(table: nil, name: item)
            if case let .column(c, _, _) = e.unlocated, input.columns.indices.contains(c) { name = input.columns[c] }
            if let alias = Self.alias(aliases, i), alias != name.name {
                name = ExplainColumn(table: nil, name: alias)
                items.append(item + " AS " + alias)
            } else {
                items.append(item)
            }
            names.append(name)
        }
        return (items, names)
    }

    /// The query's name for output `i` when it is a name: an unnamed expression is named by its source text
    /// (`count(*)`), which would only repeat the expression.
    private static func alias(_ aliases: [String]?, _ i: Int) -> String? {
        guard let aliases, aliases.indices.contains(i) else { return nil }
        let alias = aliases[i]
        return alias.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
            ? alias : nil
    }

    private func expressions(over columns: [ExplainColumn]) -> ExpressionText {
        ExpressionText(columns: Self.texts(columns), context: context)
    }

    /// A node whose detail is written over the input's columns (the first child's, or every child's for a join).
    private func node(_ plan: LogicalPlan, _ name: String, _ detail: (ExpressionText) -> String, _ columns: [ExplainColumn],
                      _ children: [DescribedPlan]) -> DescribedPlan {
        let start = context.subqueries.count
        let text = detail(expressions(over: children.flatMap(\.columns)))
        return node(plan, name, text, columns, children, subqueriesFrom: start)
    }

    private func node(_ plan: LogicalPlan, _ name: String, _ detail: String, _ columns: [ExplainColumn],
                      _ children: [DescribedPlan], subqueriesFrom start: Int? = nil) -> DescribedPlan {
        let fingerprint = name + " " + detail + "{" + children.map(\.fingerprint).joined(separator: ",") + "}"
        return DescribedPlan(plan: plan, operatorName: name, detail: detail, columns: columns, children: children,
                             subqueries: (start ?? context.subqueries.count)..<context.subqueries.count,
                             fingerprint: fingerprint)
    }

    /// Column texts for expressions over `columns`: the bare name where it is unique, else qualified by its table.
    static func texts(_ columns: [ExplainColumn]) -> [String] {
        var counts: [String: Int] = [:]
        for c in columns { counts[c.name, default: 0] += 1 }
        return columns.map { c in
            guard counts[c.name, default: 0] > 1, let table = c.table else { return c.name }
            return table + "." + c.name
        }
    }

    private static func on(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : "ON " + conditions.joined(separator: " AND ")
    }

    private static func name(_ kind: JoinKindPlan) -> String {
        switch kind {
        case .inner: return "INNER"
        case .left: return "LEFT"
        case .cross: return "CROSS"
        case .semi: return "SEMI"
        case .anti: return "ANTI"
        }
    }
}
