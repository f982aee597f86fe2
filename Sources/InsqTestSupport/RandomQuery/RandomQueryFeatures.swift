import Foundation

/// What the random query generator may use: one flag per language form, so that forms the engine does not
/// support yet (or gets wrong) can be left out without losing the rest.
public struct RandomQueryFeatures: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    // Query shape.
    public static let distinct = Self(rawValue: 1 << 0)
    public static let innerJoin = Self(rawValue: 1 << 1)
    public static let leftJoin = Self(rawValue: 1 << 2)
    public static let crossJoin = Self(rawValue: 1 << 3)
    /// `JOIN ... USING (column)`.
    public static let joinUsing = Self(rawValue: 1 << 4)
    /// ON conditions other than column equalities: `<`, OR, expressions, conditions on one side only.
    public static let nonEquiJoin = Self(rawValue: 1 << 5)
    public static let groupBy = Self(rawValue: 1 << 6)
    public static let having = Self(rawValue: 1 << 7)
    public static let orderBy = Self(rawValue: 1 << 8)
    /// `LIMIT n [OFFSET m]`, only ever after an ORDER BY that fixes the order of all rows.
    public static let limitOffset = Self(rawValue: 1 << 9)
    /// `NULLS FIRST|LAST` in ORDER BY.
    public static let nullsOrdering = Self(rawValue: 1 << 10)
    /// ORDER BY an expression that is not in the select list, ahead of the output columns.
    public static let hiddenOrderKey = Self(rawValue: 1 << 11)
    /// `SELECT expr` with no FROM clause.
    public static let selectWithoutFrom = Self(rawValue: 1 << 12)

    // Expressions.
    public static let caseExpression = Self(rawValue: 1 << 16)
    public static let like = Self(rawValue: 1 << 17)
    public static let inList = Self(rawValue: 1 << 18)
    public static let between = Self(rawValue: 1 << 19)
    /// lower, upper, length, substr.
    public static let textFunctions = Self(rawValue: 1 << 20)
    /// round on exact decimals (0 to 2 digits) and on doubles.
    public static let round = Self(rawValue: 1 << 21)
    /// `CAST(x AS DOUBLE) / y`: division with a DOUBLE dividend, where both engines agree.
    public static let doubleDivision = Self(rawValue: 1 << 22)
    public static let modulo = Self(rawValue: 1 << 23)
    public static let concat = Self(rawValue: 1 << 24)
    /// year, month, day of a DATE.
    public static let dateParts = Self(rawValue: 1 << 25)
    /// `NULL` literals in CASE arms, COALESCE, IN lists and comparisons.
    public static let nullLiterals = Self(rawValue: 1 << 26)
    /// `CAST(x AS TEXT)`, `CAST(int AS DOUBLE)`.
    public static let cast = Self(rawValue: 1 << 27)
    /// SUM/AVG/MIN/MAX(DISTINCT x); COUNT(DISTINCT x) is part of the aggregates.
    public static let distinctAggregates = Self(rawValue: 1 << 28)
    /// `substr` with a start of 0 or below, or a negative length.
    public static let substrEdgeCases = Self(rawValue: 1 << 29)

    // Issue 4, not in the engine yet.
    /// row_number, rank, dense_rank, lag, lead, and sum/count/avg/min/max OVER (PARTITION BY ... ORDER BY ...).
    public static let windowFunctions = Self(rawValue: 1 << 40)
    /// `x [NOT] IN (SELECT ...)` and `[NOT] EXISTS (SELECT ...)`, uncorrelated.
    public static let subqueryPredicates = Self(rawValue: 1 << 41)
    /// `(SELECT aggregate FROM ...)` as a value, uncorrelated.
    public static let scalarSubquery = Self(rawValue: 1 << 42)
    /// Subqueries that refer to the enclosing query's columns (needs one of the two above).
    public static let correlatedSubquery = Self(rawValue: 1 << 43)
    /// `FROM (SELECT ...) AS d`.
    public static let derivedTable = Self(rawValue: 1 << 44)
    /// `WITH name AS (SELECT ...) SELECT ...`, one or two common table expressions.
    public static let commonTableExpression = Self(rawValue: 1 << 45)
    /// UNION, UNION ALL, EXCEPT, INTERSECT.
    public static let setOperations = Self(rawValue: 1 << 46)

    /// Everything of the foundation language.
    public static let core: Self = [
        .distinct, .innerJoin, .leftJoin, .crossJoin, .joinUsing, .nonEquiJoin, .groupBy, .having, .orderBy,
        .limitOffset, .nullsOrdering, .hiddenOrderKey, .selectWithoutFrom,
        .caseExpression, .like, .inList, .between, .textFunctions, .round, .doubleDivision, .modulo, .concat,
        .dateParts, .nullLiterals, .cast, .distinctAggregates, .substrEdgeCases,
    ]

    /// The forms issue 4 adds.
    public static let issue4: Self = [
        .windowFunctions, .subqueryPredicates, .scalarSubquery, .correlatedSubquery, .derivedTable,
        .commonTableExpression, .setOperations,
    ]

    public static let all: Self = core.union(issue4)

    /// Flag names, as `INSQ_RANDOM_FEATURES` spells them.
    public static let named: [(name: String, feature: Self)] = [
        ("distinct", .distinct), ("inner-join", .innerJoin), ("left-join", .leftJoin), ("cross-join", .crossJoin),
        ("join-using", .joinUsing), ("non-equi-join", .nonEquiJoin), ("group-by", .groupBy), ("having", .having),
        ("order-by", .orderBy), ("limit-offset", .limitOffset), ("nulls-ordering", .nullsOrdering),
        ("hidden-order-key", .hiddenOrderKey), ("select-without-from", .selectWithoutFrom),
        ("case", .caseExpression), ("like", .like), ("in-list", .inList), ("between", .between),
        ("text-functions", .textFunctions), ("round", .round), ("double-division", .doubleDivision),
        ("modulo", .modulo), ("concat", .concat), ("date-parts", .dateParts), ("null-literals", .nullLiterals),
        ("cast", .cast), ("distinct-aggregates", .distinctAggregates), ("substr-edge-cases", .substrEdgeCases),
        ("window", .windowFunctions), ("subquery-predicates", .subqueryPredicates),
        ("scalar-subquery", .scalarSubquery), ("correlated-subquery", .correlatedSubquery),
        ("derived-table", .derivedTable), ("cte", .commonTableExpression), ("set-operations", .setOperations),
    ]

    public var description: String {
        let names = Self.named.filter { contains($0.feature) }.map(\.name)
        return names.isEmpty ? "(none)" : names.joined(separator: ",")
    }

    /// Applies a comma-separated edit such as `+window,-like`, `all`, `core` or `issue4` (a bare name adds).
    /// Returns nil and the unknown word when a name is not a feature.
    public func applying(_ edit: String) -> Result<Self, UnknownFeature> {
        var result = self
        for rawWord in edit.split(separator: ",") {
            var word = rawWord.trimmingCharacters(in: .whitespaces)
            var isRemoval = false
            if word.hasPrefix("-") { isRemoval = true; word.removeFirst() } else if word.hasPrefix("+") { word.removeFirst() }
            let feature: Self
            switch word {
            case "all": feature = .all
            case "core": feature = .core
            case "issue4": feature = .issue4
            case "none": result = []; continue
            default:
                guard let named = Self.named.first(where: { $0.name == word }) else { return .failure(UnknownFeature(word: word)) }
                feature = named.feature
            }
            if isRemoval { result.subtract(feature) } else { result.formUnion(feature) }
        }
        return .success(result)
    }
}

/// A word in `INSQ_RANDOM_FEATURES` that names no feature.
public struct UnknownFeature: Error, Sendable, CustomStringConvertible {
    public var word: String
    public var description: String {
        "unknown random-query feature \"\(word)\"; known: all, core, issue4, none, "
            + RandomQueryFeatures.named.map(\.name).joined(separator: ", ")
    }
}
