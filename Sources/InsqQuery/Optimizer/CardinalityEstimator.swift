import InsqStorage

/// Estimates how many rows a plan yields and how many distinct values its columns hold, for join ordering,
/// build-side choice and EXPLAIN, from table sizes and column statistics (`ColumnStatistics`: NULLs, value
/// ranges, exact or sketched distinct counts, text dictionaries). Deterministic: the same plan over the same
/// tables gets the same numbers.
///
/// Two ways in:
/// - `rows`, `distinct(_:over:)` and `selectivity(_:over:)` take a plan and walk all of it each time: fine
///   for one question (EXPLAIN, a build side);
/// - `estimate(_:)` walks a plan once and returns a `PlanEstimate` (rows plus every output column's distinct
///   count, NULL share and range), which `filtered`, `joined`, `distinct(_:in:)`, `selectivity(_:in:)` and
///   `JoinGraphEstimate` combine without walking plans again: use these in loops such as the join-order DP.
///
/// Column statistics are computed once per stored column, on the first question that needs them (a column
/// that only passes through is never read).
struct CardinalityEstimator {
    /// Rows the plan is expected to yield (at least 1).
    func rows(_ plan: LogicalPlan) -> Double { estimate(plan).rows }

    /// Distinct values of `expression` over the plan's output (at least 1, at most the plan's rows).
    func distinct(_ expression: BoundExpression, over plan: LogicalPlan) -> Double {
        distinct(expression, in: estimate(plan))
    }

    /// The share of the plan's rows expected to satisfy `predicate` (between 0 and 1).
    func selectivity(_ predicate: BoundExpression, over plan: LogicalPlan) -> Double {
        selectivity(predicate, in: estimate(plan))
    }

    /// Rows and output columns of the plan, in one bottom-up pass.
    func estimate(_ plan: LogicalPlan) -> PlanEstimate {
        switch plan {
        case let .scan(table, columns):
            let rows = Double(table.rowCount)
            return PlanEstimate(rows: max(1, rows), columns: columns.map {
                ColumnEstimate(.stored(StoredColumnSummary(table.columns[$0])), rows: rows)
            })
        case .singleRow:
            return PlanEstimate(rows: 1, columns: [])
        case let .filter(child, predicate):
            return filtered(estimate(child), by: predicate)
        case let .project(child, expressions):
            let input = estimate(child)
            return PlanEstimate(rows: input.rows, columns: expressions.map { column(of: $0, in: input) })
        case let .aggregate(child, keys, aggregates):
            return aggregated(estimate(child), keys: keys, aggregates: aggregates)
        case let .join(left, right, join):
            return joined(estimate(left), estimate(right), join)
        case let .multiJoin(inputs, conditions):
            return JoinGraphEstimate(estimator: self, inputs: inputs.map(estimate), conditions: conditions).estimate()
        case let .distinct(child):
            var input = estimate(child)
            input.rows = groups(input.columns, rows: input.rows)
            return input
        case let .sort(child, _):
            return estimate(child)
        case let .limit(child, limit, offset):
            var input = estimate(child)
            input.rows = max(1, min(Double(limit ?? Int.max), input.rows - Double(offset)))
            return input
        case let .setOperation(left, right, kind, isAll):
            return combined(estimate(left), estimate(right), kind, isAll: isAll)
        case let .window(child, calls):
            let input = estimate(child)
            return PlanEstimate(rows: input.rows, columns: input.columns + calls.map { window($0, in: input) })
        }
    }

    /// The estimate after keeping the rows that satisfy `predicate`.
    func filtered(_ input: PlanEstimate, by predicate: BoundExpression) -> PlanEstimate {
        let analysis = ConjunctAnalysis(estimator: self, conjuncts: predicate.conjuncts, input: input)
        let kept = analysis.selectivity
        var output = PlanEstimate(rows: max(1, input.rows * kept), columns: input.columns.map { $0.thinned(by: kept) })
        for restricted in analysis.restrictedColumns {
            // The column's own condition made its summary; the other conditions still thin its rows.
            var estimate = ColumnEstimate(restricted.summary, rows: input.rows * restricted.selectivity)
            estimate.survival = restricted.selectivity > 0 ? min(1, kept / restricted.selectivity) : 0
            output.columns[restricted.column] = estimate
        }
        return output
    }

    /// Groups formed by `keys`: the product of their distinct counts (a NULL key is one more group), at most `rows`.
    func groups(_ keys: [ColumnEstimate], rows: Double) -> Double {
        var product = 1.0
        for key in keys {
            product *= key.distinct(rows: rows) + (key.nullFraction > 0 ? 1 : 0)
            if product >= rows { return max(1, rows) }
        }
        return max(1, min(rows, product))
    }

    private func aggregated(_ input: PlanEstimate, keys: [BoundExpression], aggregates: [AggregateCall]) -> PlanEstimate {
        let keyColumns = keys.map { column(of: $0, in: input) }
        let groupCount = keys.isEmpty ? 1 : groups(keyColumns, rows: input.rows)
        var columns = keyColumns
        for call in aggregates {
            var summary = ValueSummary(distinct: groupCount)
            switch call.function {
            case .countStar, .count:
                // Counts run from 1 to about twice the average group size.
                summary.distinct = min(groupCount, 2 * input.rows / groupCount + 1)
                summary.step = 1
            case .min, .max:
                if let argument = call.argument {
                    let values = column(of: argument, in: input)
                    summary = values.summary
                    summary.distinct = min(groupCount, values.distinct(rows: input.rows))
                    summary.nullFraction = 0
                }
            case .sum, .avg:
                break
            }
            columns.append(ColumnEstimate(summary, rows: groupCount))
        }
        return PlanEstimate(rows: groupCount, columns: columns)
    }

    private func window(_ call: WindowCall, in input: PlanEstimate) -> ColumnEstimate {
        switch call.function {
        case .lag, .lead, .min, .max:
            if let argument = call.arguments.first { return column(of: argument, in: input) }
        case .rowNumber, .rank, .denseRank, .countStar, .count, .sum, .avg:
            break
        }
        return ColumnEstimate(ValueSummary(distinct: input.rows), rows: input.rows)
    }

    /// UNION assumes the two inputs hold different rows; INTERSECT keeps at most the smaller input, EXCEPT the left.
    private func combined(_ left: PlanEstimate, _ right: PlanEstimate, _ kind: SetOperationKind, isAll: Bool) -> PlanEstimate {
        switch kind {
        case .union:
            let rows = left.rows + right.rows
            let columns = zip(left.columns, right.columns).map { l, r in
                var summary = ValueSummary(distinct: l.distinct(rows: left.rows) + r.distinct(rows: right.rows))
                summary.nullFraction = (l.nullFraction * left.rows + r.nullFraction * right.rows) / rows
                if let a = l.summary.range, let b = r.summary.range {
                    summary.range = min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
                }
                summary.step = min(l.summary.step, r.summary.step)
                return ColumnEstimate(summary, rows: rows)
            }
            return PlanEstimate(rows: isAll ? rows : groups(columns, rows: rows), columns: columns)
        case .intersect:
            return PlanEstimate(rows: min(left.rows, right.rows), columns: left.columns)
        case .except:
            return left
        }
    }
}
