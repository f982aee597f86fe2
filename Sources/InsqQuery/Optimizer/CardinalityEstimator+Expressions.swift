import InsqStorage

/// Distinct counts of computed values: a column passes its estimate through; an expression is bounded by what it
/// reads (a deterministic function of columns has at most the product of their distinct counts), with sharper
/// bounds where the function says more (`month` has 12 values, a comparison 2, `year` one per year of the range).
extension CardinalityEstimator {
    /// Distinct values of `expression` over rows described by `input` (at least 1, at most its rows).
    func distinct(_ expression: BoundExpression, in input: PlanEstimate) -> Double {
        column(of: expression, in: input).distinct(rows: input.rows)
    }

    /// What is known of the values of `expression` over `input`.
    func column(of expression: BoundExpression, in input: PlanEstimate) -> ColumnEstimate {
        let rows = input.rows
        switch expression {
        case let .located(inner, _):
            return column(of: inner, in: input)
        case let .column(i, _, _):
            guard input.columns.indices.contains(i) else { return ColumnEstimate(ValueSummary(distinct: rows), rows: rows) }
            return input.columns[i]
        case let .constant(value, type):
            let position = ValueSummary.logical(value)
            return ColumnEstimate(ValueSummary(distinct: 1, nullFraction: value.isNull ? 1 : 0, range: position.map { $0...$0 },
                                               step: ValueSummary.step(of: type)), rows: rows)
        case let .cast(inner, type):
            let values = column(of: inner, in: input)
            // Numbers keep their logical values (and dates their days) through casts; text does not keep an order.
            if Self.isNumeric(inner.type) == Self.isNumeric(type), inner.type != .text, type != .text { return values }
            return values.changed { $0.range = nil; $0.dictionary = nil; $0.step = 0 }
        case let .negate(inner):
            return column(of: inner, in: input).changed { summary in
                summary.range = summary.range.map { -$0.upperBound...(-$0.lowerBound) }
            }
        case let .arithmetic(op, a, b, _) where a.isConstant || b.isConstant:
            // One value in, one value out: the other side keeps its distinct count; a shift keeps the range's width.
            let values = column(of: a.isConstant ? b : a, in: input)
            let shift = (a.isConstant ? a : b).constantPosition
            return values.changed { summary in
                if let range = summary.range, let shift, op == .add || (op == .subtract && b.isConstant) {
                    let signed = op == .add ? shift : -shift
                    summary.range = (range.lowerBound + signed)...(range.upperBound + signed)
                } else {
                    summary.range = nil
                }
            }
        case let .function(function, arguments, _):
            return calendar(function, arguments, in: input) ?? bounded(expression, in: input)
        case .compare, .and, .or, .not, .isNull, .like:
            var summary = bounded(expression, in: input).summary
            summary.distinct = min(summary.distinct, 2)
            summary.range = 0...1
            summary.step = 1
            if case .isNull = expression { summary.nullFraction = 0 }
            return ColumnEstimate(summary, rows: rows)
        case let .caseWhen(whens, elseResult, _):
            var results = whens.map(\.result)
            if let elseResult { results.append(elseResult) }
            let distinct = results.reduce(0.0) { $0 + column(of: $1, in: input).distinct(rows: rows) }
            return ColumnEstimate(ValueSummary(distinct: min(rows, distinct), nullFraction: elseResult == nil ? 0.5 : 0), rows: rows)
        case let .subquery(subquery):
            switch subquery.kind {
            case .scalar: return bounded(expression, in: input)
            case .exists, .inValues: return ColumnEstimate(ValueSummary(distinct: 2, range: 0...1, step: 1), rows: rows)
            }
        case .outerColumn:
            // One value during each evaluation of the subquery that reads it.
            return ColumnEstimate(ValueSummary(distinct: 1), rows: rows)
        case .concat, .aggregate, .windowResult, .arithmetic:
            return bounded(expression, in: input)
        }
    }

    /// An expression's values bounded by the columns it reads: at most the product of their distinct counts, NULL
    /// where any of them is.
    private func bounded(_ expression: BoundExpression, in input: PlanEstimate) -> ColumnEstimate {
        let rows = input.rows
        var distinct = 1.0, notNull = 1.0
        var reads = expression.columnSet.filter { input.columns.indices.contains($0) }
        if case .aggregate = expression { distinct = rows }
        if case .windowResult = expression { distinct = rows }
        if case let .subquery(subquery) = expression {
            reads = []
            for argument in subquery.outerArguments { distinct *= self.distinct(argument, in: input) }
        }
        for c in reads.sorted() {
            distinct = min(rows, distinct * input.distinct(c))
            notNull *= 1 - input.nullFraction(c)
        }
        if case let .function(.coalesce, arguments, _) = expression {
            // NULL only where every argument is; about as many values as the arguments together.
            let parts = arguments.map { column(of: $0, in: input) }
            distinct = parts.reduce(0.0) { $0 + $1.distinct(rows: rows) }
            notNull = 1 - parts.reduce(1.0) { $0 * $1.nullFraction }
        }
        return ColumnEstimate(ValueSummary(distinct: min(rows, distinct), nullFraction: 1 - notNull), rows: rows)
    }

    /// `year`, `month`, `day` and `date_trunc` of a date: one value per unit of the date range.
    private func calendar(_ function: ScalarFunction, _ arguments: [BoundExpression], in input: PlanEstimate) -> ColumnEstimate? {
        guard let date = arguments.last, date.type == .date else { return nil }
        let values = column(of: date, in: input)
        let days = values.summary.range
        let daysPerYear = 365.2425
        switch function {
        case .year:
            return values.changed { summary in
                summary.step = 1
                guard let days else { return }
                let first = (1970 + days.lowerBound / daysPerYear).rounded(.down)
                let last = (1970 + days.upperBound / daysPerYear).rounded(.down)
                summary.range = first...last
                summary.distinct = min(summary.distinct, last - first + 1)
            }
        case .month, .day:
            let count = function == .month ? 12.0 : 31.0
            return values.changed { summary in
                summary.distinct = min(summary.distinct, count)
                summary.range = 1...count
                summary.step = 1
            }
        case .dateTrunc:
            guard case let .constant(.text(unit), _)? = arguments.first?.unlocated else { return nil }
            let width = unit.lowercased() == "year" ? daysPerYear : unit.lowercased() == "month" ? daysPerYear / 12 : 1
            return values.changed { summary in
                if let days { summary.distinct = min(summary.distinct, (days.upperBound - days.lowerBound) / width + 1) }
            }
        default:
            return nil
        }
    }

    static func isNumeric(_ type: DataType) -> Bool { type.isNumeric || type == .null }
}

extension ColumnEstimate {
    /// The same column with its summary changed (rows, survival and padding kept).
    func changed(_ change: (inout ValueSummary) -> Void) -> ColumnEstimate {
        var summary = self.summary
        change(&summary)
        var copy = self
        copy.source = .summary(summary)
        return copy
    }
}

extension BoundExpression {
    /// A constant's position on the estimator's logical scale (nil for text, NULL and non-constants).
    var constantPosition: Double? {
        if case let .constant(value, _) = unlocated { return ValueSummary.logical(value) }
        return nil
    }
}
