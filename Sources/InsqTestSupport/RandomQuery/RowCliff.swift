import InsqQuery

/// A row cliff (issue 12): an operator of a query without a cross product that produced more than `factor` times
/// the rows of the largest table the query reads, as counted by EXPLAIN ANALYZE. A cross product the optimizer
/// made, or a subquery run again for every outer row, shows as such a count. Counts only, never times, so a
/// cliff repeats exactly.
public struct RowCliff: Sendable, CustomStringConvertible {
    /// The plan line of the operator that produced the most rows.
    public var line: String
    /// What it produced, over all its runs.
    public var rows: Int
    public var largestTable: Int
    /// The most rows an operator may produce: `factor` times the largest table, or the query's largest FROM
    /// clause bound when that is more (an equality join of values that repeat).
    public var limit: Int

    public var description: String {
        "\(line.trimmingCharacters(in: .whitespaces)) produced \(rows) rows, over \(limit) "
            + "(largest table \(largestTable) rows)"
    }

    /// The cliff in `profile`, or nil when every operator stays within the limit.
    public static func find(in profile: PlanProfile, factor: Int, declaredRows: Double = 0) -> RowCliff? {
        let largestTable = profile.nodes.filter { $0.operatorName == "SCAN" }.map(\.estimatedRows).max() ?? 1
        let limit = max(factor * largestTable, Int(min(declaredRows, 1e15)))
        let produced = producedRows(profile)
        guard let worst = produced.indices.max(by: { produced[$0] < produced[$1] }), produced[worst] > limit else {
            return nil
        }
        return RowCliff(line: profile.lines(showsTiming: false)[worst], rows: produced[worst], largestTable: largestTable,
                        limit: limit)
    }

    /// The rows each node produced, over all its runs (a correlated subquery's operators run once per distinct
    /// outer value). A scan fused into the operator above it (a filter, projection or limit reading the table
    /// directly) still read its whole table each time that operator ran, so it counts the table's rows times
    /// those runs: a subquery re-run for every outer row shows even when its filter passes few rows.
    static func producedRows(_ profile: PlanProfile) -> [Int] {
        var produced: [Int] = []
        // The nodes above the current one in pre-order, with their runs when they had an operator of their own.
        var ancestors: [(depth: Int, runs: Int?)] = []
        for node in profile.nodes {
            while let last = ancestors.last, last.depth >= node.depth { ancestors.removeLast() }
            if let measurement = node.measurement {
                produced.append(measurement.rows)
            } else if node.fusedInto != nil, node.operatorName == "SCAN",
                      let runs = ancestors.last(where: { $0.runs != nil })?.runs {
                produced.append(node.estimatedRows * runs)
            } else {
                produced.append(0)
            }
            ancestors.append((node.depth, node.measurement?.runs))
        }
        return produced
    }
}
