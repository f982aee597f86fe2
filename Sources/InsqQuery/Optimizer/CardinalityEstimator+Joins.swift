#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InsqStorage

/// Join estimates. An equi-join yields |L|·|R| / max(NDV_L, NDV_R) rows, where for several key pairs each side's
/// NDV is the product of its keys' NDVs capped by its rows (a composite key such as (partkey, suppkey) is one
/// match per row, not two independent ones), and capped by the other side's when each of its keys has no more
/// values than its partner. Containment: the side with fewer key values finds all of them on
/// the other, so a left row finds a partner with chance min(1, NDV_R / NDV_L). A residual condition with
/// selectivity s leaves a row with k partners unmatched with chance (1 - s)^k. Semi joins keep the matched left
/// rows, anti joins the rest, LEFT joins add the unmatched left rows to the inner join's.
extension CardinalityEstimator {
    /// The estimate of `left` joined with `right` as `join` describes.
    func joined(_ left: PlanEstimate, _ right: PlanEstimate, _ join: JoinPlan) -> PlanEstimate {
        let leftKeys = join.leftKeys.map { column(of: $0, in: left) }
        let rightKeys = join.rightKeys.map { column(of: $0, in: right) }
        let match = EquiJoinEstimate(leftKeys, rows: left.rows, rightKeys, rows: right.rows)
        let pairs = max(1, left.rows * right.rows * match.selectivity)
        let residual = join.residual.map { selectivity($0, in: PlanEstimate(rows: pairs, columns: left.columns + right.columns)) } ?? 1
        let leftMatched = match.leftMatched * (1 - pow(1 - residual, match.leftFanout))
        let rightMatched = match.rightMatched * (1 - pow(1 - residual, match.rightFanout))
        let matchedRows = pairs * residual
        switch join.kind {
        case .inner, .cross:
            var output = PlanEstimate(rows: max(1, matchedRows), columns: left.columns.map { $0.thinned(by: leftMatched) }
                                      + right.columns.map { $0.thinned(by: rightMatched) })
            for (l, r) in zip(join.leftKeys, join.rightKeys) {
                output.equateKeys(ColumnRestriction.column(l), ColumnRestriction.column(r).map { $0 + left.columns.count })
            }
            return output
        case .left:
            let unmatched = left.rows * (1 - leftMatched)
            let rows = max(1, matchedRows + unmatched)
            let padded = min(1, unmatched / rows)
            return PlanEstimate(rows: rows, columns: left.columns + right.columns.map { column in
                var thinned = column.thinned(by: rightMatched)
                thinned.paddedFraction = padded + (1 - padded) * column.paddedFraction
                return thinned
            })
        case .semi:
            var output = PlanEstimate(rows: max(1, left.rows * leftMatched), columns: left.columns.map { $0.thinned(by: leftMatched) })
            for (i, key) in join.leftKeys.enumerated() {
                guard let c = ColumnRestriction.column(key), output.columns.indices.contains(c) else { continue }
                // The left key keeps the values the right side has (containment).
                var summary = output.columns[c].summary
                summary.distinct = min(output.distinct(c), rightKeys[i].distinct(rows: right.rows))
                output.columns[c] = ColumnEstimate(summary, rows: output.rows)
            }
            return output
        case .anti:
            let kept = 1 - leftMatched
            return PlanEstimate(rows: max(1, left.rows * kept), columns: left.columns.map { $0.thinned(by: kept) })
        }
    }
}

/// The equality conditions between two inputs taken together: the share of pairs that match, and for each side
/// the chance that a row has a partner and how many partners a matched row has.
struct EquiJoinEstimate {
    let selectivity: Double
    let leftMatched: Double, leftFanout: Double
    let rightMatched: Double, rightFanout: Double

    init(_ left: [ColumnEstimate], rows leftRows: Double, _ right: [ColumnEstimate], rows rightRows: Double) {
        var leftDistinct = 1.0, rightDistinct = 1.0, leftPresent = 1.0, rightPresent = 1.0
        var leftWithin = true, rightWithin = true
        for (l, r) in zip(left, right) {
            let (x, y) = (l.distinct(rows: leftRows), r.distinct(rows: rightRows))
            leftDistinct *= x
            rightDistinct *= y
            leftWithin = leftWithin && x <= y
            rightWithin = rightWithin && y <= x
            leftPresent *= 1 - l.nullFraction
            rightPresent *= 1 - r.nullFraction
        }
        if left.isEmpty {
            // No keys (a cross join, or a residual alone): every row pairs with every row of the other side.
            (selectivity, leftMatched, rightMatched) = (1, 1, 1)
            (leftFanout, rightFanout) = (rightRows, leftRows)
            return
        }
        leftDistinct = max(1, min(leftDistinct, leftRows * leftPresent))
        rightDistinct = max(1, min(rightDistinct, rightRows * rightPresent))
        // Containment for composite keys: when each key of one side has no more values than its partner, that
        // side's combinations are taken to be among the other's (lineitem's (partkey, suppkey) pairs are
        // partsupp's 800,000, not 6 million).
        if leftWithin { leftDistinct = min(leftDistinct, rightDistinct) }
        if rightWithin { rightDistinct = min(rightDistinct, leftDistinct) }
        selectivity = leftPresent * rightPresent / max(leftDistinct, rightDistinct)
        leftMatched = leftPresent * min(1, rightDistinct / leftDistinct)
        rightMatched = rightPresent * min(1, leftDistinct / rightDistinct)
        leftFanout = max(1, rightRows * rightPresent / rightDistinct)
        rightFanout = max(1, leftRows * leftPresent / leftDistinct)
    }
}

extension PlanEstimate {
    /// After an inner equi-join two key columns hold the same values: the fewer of the two (containment), never NULL.
    mutating func equateKeys(_ a: Int?, _ b: Int?) {
        guard let a, let b, columns.indices.contains(a), columns.indices.contains(b) else { return }
        var summary = columns[a].summary
        summary.distinct = min(distinct(a), distinct(b))
        summary.nullFraction = 0
        if let r = summary.range, let s = columns[b].summary.range {
            summary.range = r.overlaps(s) ? max(r.lowerBound, s.lowerBound)...min(r.upperBound, s.upperBound) : nil
        }
        let key = ColumnEstimate(summary, rows: rows)
        columns[a] = key
        var other = key
        other.source = .summary(summary.with(dictionary: columns[b].summary.dictionary))
        columns[b] = other
    }
}

extension ValueSummary {
    func with(dictionary: TextDictionary?) -> ValueSummary {
        var copy = self
        copy.dictionary = dictionary
        return copy
    }
}
