/// The text of aggregate calls, window calls and sort keys, which are not expressions themselves.
extension ExpressionText {
    /// `COUNT(*)`, `SUM(amount)`, `COUNT(DISTINCT person_id)`.
    func text(_ call: AggregateCall) -> String {
        if call.function == .countStar { return "COUNT(*)" }
        let argument = call.argument.map(text) ?? ""
        return call.function.rawValue.uppercased() + "(" + (call.isDistinct ? "DISTINCT " : "") + argument + ")"
    }

    /// `row_number() OVER (PARTITION BY province ORDER BY year DESC)`.
    func text(_ call: WindowCall) -> String {
        let function = call.function == .countStar ? "count(*)" : call.function.rawValue + "(" + texts(call.arguments) + ")"
        var window: [String] = []
        if !call.partitionBy.isEmpty { window.append("PARTITION BY " + texts(call.partitionBy)) }
        if !call.orderBy.isEmpty {
            window.append("ORDER BY " + call.orderBy.map {
                text($0.expression) + Self.direction(isDescending: $0.isDescending, nullsFirst: $0.nullsFirst)
            }.joined(separator: ", "))
        }
        return function + " OVER (" + window.joined(separator: " ") + ")"
    }

    /// `total DESC`, `paid_on NULLS LAST`.
    func text(_ key: SortKey) -> String {
        let column = columns.indices.contains(key.column) ? columns[key.column] : "column \(key.column)"
        return column + Self.direction(isDescending: key.isDescending, nullsFirst: key.nullsFirst)
    }

    /// ` DESC` and the NULLS placement when it is not the default (NULLs first ascending, last descending).
    private static func direction(isDescending: Bool, nullsFirst: Bool) -> String {
        var text = isDescending ? " DESC" : ""
        if nullsFirst == isDescending { text += nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
        return text
    }
}
