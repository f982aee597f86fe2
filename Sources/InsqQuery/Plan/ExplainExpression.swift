import InsqStorage

/// Writes bound expressions as SQL for EXPLAIN, over named input columns, with as few parentheses as the
/// precedence of insq's grammar allows.
struct ExpressionText {
    /// The text of each input column.
    let columns: [String]
    let context: ExplainContext

    /// Binding strength, as in Grammar/insq.ebnf: an operand weaker than its operator needs parentheses.
    private enum Level: Int, Comparable {
        case or = 1, and, not, comparison, concatenation, additive, multiplicative, unary, primary
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    func text(_ e: BoundExpression) -> String { render(e).text }

    func texts(_ es: [BoundExpression]) -> String { es.map(text).joined(separator: ", ") }

    /// The expression's text at `level` or stronger, in parentheses when it binds more weakly.
    private func operand(_ e: BoundExpression, atLeast level: Level) -> String {
        let (text, own) = render(e)
        return own < level ? "(" + text + ")" : text
    }

    private func render(_ e: BoundExpression) -> (text: String, level: Level) {
        switch e {
        case let .column(i, _, _):
            return (columns.indices.contains(i) ? columns[i] : "column \(i)", .primary)
        case let .constant(value, _):
            let text = Self.literal(value)
            return (text, text.hasPrefix("-") ? .unary : .primary)
        case let .arithmetic(op, a, b, _):
            let level: Level = op == .add || op == .subtract ? .additive : .multiplicative
            // Left-associative: an operand on the right at the same level keeps its parentheses (a - (b - c)).
            let right = operand(b, atLeast: level == .additive ? .multiplicative : .unary)
            return (operand(a, atLeast: level) + " " + ArithmeticKernels.symbol(op) + " " + right, level)
        case let .negate(a):
            let inner = operand(a, atLeast: .unary)
            return ("-" + (inner.hasPrefix("-") ? "(" + inner + ")" : inner), .unary)
        case let .compare(op, a, b):
            let symbol = " " + Self.symbol(op) + " "
            return (operand(a, atLeast: .concatenation) + symbol + operand(b, atLeast: .concatenation), .comparison)
        case let .and(a, b):
            return (operand(a, atLeast: .and) + " AND " + operand(b, atLeast: .and), .and)
        case let .or(a, b):
            if let list = inList(e, negated: false) { return (list, .comparison) }
            return (operand(a, atLeast: .or) + " OR " + operand(b, atLeast: .or), .or)
        case let .not(a):
            if let list = inList(a, negated: true) { return (list, .comparison) }
            return ("NOT " + operand(a, atLeast: .not), .not)
        case let .isNull(a, negated):
            return (operand(a, atLeast: .concatenation) + (negated ? " IS NOT NULL" : " IS NULL"), .comparison)
        case let .like(a, pattern, negated):
            let like = negated ? " NOT LIKE " : " LIKE "
            return (operand(a, atLeast: .concatenation) + like + Self.quoted(pattern.pattern), .comparison)
        case let .caseWhen(whens, fallback, _):
            var text = "CASE"
            for when in whens { text += " WHEN " + self.text(when.condition) + " THEN " + self.text(when.result) }
            if let fallback { text += " ELSE " + self.text(fallback) }
            return (text + " END", .primary)
        case let .cast(a, type):
            return ("CAST(" + text(a) + " AS \(type))", .primary)
        case let .concat(a, b):
            return (operand(a, atLeast: .concatenation) + " || " + operand(b, atLeast: .additive), .concatenation)
        case let .function(f, arguments, _):
            return (f.rawValue + "(" + texts(arguments) + ")", .primary)
        case let .aggregate(i, _):
            return ("aggregate \(i)", .primary)
        case let .located(a, _):
            return render(a)
        case let .windowResult(i, _):
            return ("window \(i)", .primary)
        case let .outerColumn(depth, index, _):
            return (context.outerColumn(depth: depth, index: index), .primary)
        case let .subquery(s):
            let name = "(" + context.reference(s, outer: s.outerArguments.map(text)) + ")"
            switch s.kind {
            case .scalar: return (name, .primary)
            case let .exists(negated): return ((negated ? "NOT EXISTS " : "EXISTS ") + name, .comparison)
            case let .inValues(negated):
                let x = s.operand.map { operand($0, atLeast: .concatenation) } ?? "NULL"
                return (x + (negated ? " NOT IN " : " IN ") + name, .comparison)
            }
        }
    }

    /// `x IN (a, b, c)` for the OR of `x = constant` terms that the binder makes of an IN list; nil for other ORs.
    private func inList(_ e: BoundExpression, negated: Bool) -> String? {
        guard case .or = e else { return nil }
        var terms: [BoundExpression] = []
        var pending = [e]
        while let next = pending.popLast() {
            if case let .or(a, b) = next { pending += [b, a] } else { terms.append(next) }
        }
        var subject: BoundExpression?
        var items: [String] = []
        for term in terms {
            guard case let .compare(.equal, x, item) = term, item.isConstant,
                  subject == nil || subject == x else { return nil }
            subject = x
            items.append(text(item))
        }
        guard let subject else { return nil }
        return operand(subject, atLeast: .concatenation) + (negated ? " NOT IN (" : " IN (") + items.joined(separator: ", ") + ")"
    }

    /// A value as a SQL literal: `'it''s'`, `DATE '2024-05-01'`, `12.50`, `TRUE`, `NULL`.
    static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case let .bigint(v): return String(v)
        case let .double(v): return Value.formatDouble(v)
        case let .decimal(v, scale): return DecimalText.format(v, scale: scale)
        case let .date(d): return "DATE '" + DateDays.format(d) + "'"
        case let .boolean(b): return b ? "TRUE" : "FALSE"
        case let .text(s): return quoted(s)
        }
    }

    static func quoted(_ s: String) -> String {
        "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    private static func symbol(_ op: ComparisonOperator) -> String {
        switch op {
        case .equal: return "="
        case .notEqual: return "<>"
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        }
    }
}
