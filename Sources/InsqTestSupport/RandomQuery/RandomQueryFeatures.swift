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
    /// `SELECT *` and `SELECT alias.*`.
    public static let selectStar = Self(rawValue: 1 << 13)

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
    /// `substr` with a start of 0 or below.
    public static let substrEdgeCases = Self(rawValue: 1 << 29)
    /// `substr` with a negative length (SQLite: the characters before the start).
    public static let substrNegativeLength = Self(rawValue: 1 << 30)
    /// Join keys that are integer expressions which can be negative: `(- a.x) = (- b.y)`, `(a.x - 5) = (b.y - 5)`.
    public static let negativeJoinKeys = Self(rawValue: 1 << 31)

    // Issue 4.
    /// row_number, rank, dense_rank, lag, lead (with offset and default), and sum/count/avg/min/max
    /// OVER (PARTITION BY ... ORDER BY ...), in plain and in grouped queries.
    public static let windowFunctions = Self(rawValue: 1 << 40)
    /// `x [NOT] IN (SELECT ...)` and `[NOT] EXISTS (SELECT ...)`.
    public static let subqueryPredicates = Self(rawValue: 1 << 41)
    /// `(SELECT aggregate FROM ...)` as a value.
    public static let scalarSubquery = Self(rawValue: 1 << 42)
    /// Subqueries that refer to the enclosing row (with one of the two above), including a lookup by key
    /// `(SELECT r.city FROM regions r WHERE r.region_code = p.region_code)`.
    public static let correlatedSubquery = Self(rawValue: 1 << 43)
    /// `FROM (SELECT ...) AS d`, sometimes with ORDER BY every column and LIMIT inside.
    public static let derivedTable = Self(rawValue: 1 << 44)
    /// `WITH name AS (SELECT ...) SELECT ...`: one or two CTEs, the second may read the first, a CTE may be a
    /// set operation, be joined to itself, or feed a subquery.
    public static let commonTableExpression = Self(rawValue: 1 << 45)
    /// UNION, UNION ALL, EXCEPT, INTERSECT (two or three arms).
    public static let setOperations = Self(rawValue: 1 << 46)

    // Patterns within those forms that once hit a bug, kept separate so that CI can leave one out.
    /// `x [NOT] IN (SELECT ...)` where `x` may be NULL (then an empty subquery must still give FALSE, or TRUE
    /// for NOT IN); without it the generator keeps the left side of IN-subqueries non-null.
    public static let nullableInSubquery = Self(rawValue: 1 << 47)
    /// A window function whose argument is an untyped NULL: `sum(NULL) OVER ()`, `avg(CASE WHEN c THEN NULL END) OVER (...)`.
    public static let nullWindowArguments = Self(rawValue: 1 << 48)
    /// `lag(x, n, default)` / `lead(...)` with a default of another numeric type than `x` (`lag(int, 1, 2.5)`).
    public static let lagLeadDefaultTypes = Self(rawValue: 1 << 49)

    // Issue 12: shapes where a poor plan costs a cross product or a re-execution per row (the cliff check).
    /// Subqueries inside subqueries, up to three deep, correlated to the query just outside and to queries two
    /// or three levels out; in WHERE as EXISTS, NOT EXISTS, IN, NOT IN and scalar comparisons.
    public static let nestedSubqueries = Self(rawValue: 1 << 50)
    /// Correlated scalar subqueries in the SELECT list: aggregates, key lookups, and the first row by an order
    /// that identifies rows (`ORDER BY ... LIMIT 1`).
    public static let selectListSubqueries = Self(rawValue: 1 << 51)
    /// `FROM a, b, c` of two to five sources, the join equalities among the WHERE conditions in random order,
    /// now and then a source with no connecting predicate (a declared cross product).
    public static let commaJoins = Self(rawValue: 1 << 52)
    /// A comma join's equality written into each arm of an OR: `(x = y AND p) OR (x = y AND q)`.
    public static let orFactoredJoins = Self(rawValue: 1 << 53)
    /// COUNT, SUM and AVG of DISTINCT values, several to a query, grouped by keys of few to unique values.
    public static let groupedDistinctAggregates = Self(rawValue: 1 << 54)

    /// Everything of the foundation language.
    public static let core: Self = [
        .distinct, .innerJoin, .leftJoin, .crossJoin, .joinUsing, .nonEquiJoin, .groupBy, .having, .orderBy,
        .limitOffset, .nullsOrdering, .hiddenOrderKey, .selectWithoutFrom, .selectStar,
        .caseExpression, .like, .inList, .between, .textFunctions, .round, .doubleDivision, .modulo, .concat,
        .dateParts, .nullLiterals, .cast, .distinctAggregates, .substrEdgeCases, .substrNegativeLength, .negativeJoinKeys,
    ]

    /// The forms issue 4 adds.
    public static let issue4: Self = [
        .windowFunctions, .subqueryPredicates, .scalarSubquery, .correlatedSubquery, .derivedTable,
        .commonTableExpression, .setOperations, .nullableInSubquery, .nullWindowArguments, .lagLeadDefaultTypes,
    ]

    /// The forms issue 12 adds.
    public static let issue12: Self = [
        .nestedSubqueries, .selectListSubqueries, .commaJoins, .orFactoredJoins, .groupedDistinctAggregates,
    ]

    public static let all: Self = core.union(issue4).union(issue12)

    /// Flag names, as `INSQ_RANDOM_FEATURES` spells them.
    public static let named: [(name: String, feature: Self)] = [
        ("distinct", .distinct), ("inner-join", .innerJoin), ("left-join", .leftJoin), ("cross-join", .crossJoin),
        ("join-using", .joinUsing), ("non-equi-join", .nonEquiJoin), ("group-by", .groupBy), ("having", .having),
        ("order-by", .orderBy), ("limit-offset", .limitOffset), ("nulls-ordering", .nullsOrdering),
        ("hidden-order-key", .hiddenOrderKey), ("select-without-from", .selectWithoutFrom), ("select-star", .selectStar),
        ("case", .caseExpression), ("like", .like), ("in-list", .inList), ("between", .between),
        ("text-functions", .textFunctions), ("round", .round), ("double-division", .doubleDivision),
        ("modulo", .modulo), ("concat", .concat), ("date-parts", .dateParts), ("null-literals", .nullLiterals),
        ("cast", .cast), ("distinct-aggregates", .distinctAggregates), ("substr-edge-cases", .substrEdgeCases),
        ("substr-negative-length", .substrNegativeLength), ("negative-join-keys", .negativeJoinKeys),
        ("window", .windowFunctions), ("subquery-predicates", .subqueryPredicates),
        ("scalar-subquery", .scalarSubquery), ("correlated-subquery", .correlatedSubquery),
        ("nullable-in-subquery", .nullableInSubquery), ("null-window-arguments", .nullWindowArguments),
        ("lag-lead-default-types", .lagLeadDefaultTypes),
        ("derived-table", .derivedTable), ("cte", .commonTableExpression), ("set-operations", .setOperations),
        ("nested-subqueries", .nestedSubqueries), ("select-list-subqueries", .selectListSubqueries),
        ("comma-joins", .commaJoins), ("or-factored-joins", .orFactoredJoins),
        ("grouped-distinct-aggregates", .groupedDistinctAggregates),
    ]

    public var description: String {
        let names = Self.named.filter { contains($0.feature) }.map(\.name)
        return names.isEmpty ? "(none)" : names.joined(separator: ",")
    }

    /// Applies a comma-separated edit such as `+window,-like`, `all`, `core`, `issue4` or `issue12` (a bare name adds).
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
            case "issue12": feature = .issue12
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
        "unknown random-query feature \"\(word)\"; known: all, core, issue4, issue12, none, "
            + RandomQueryFeatures.named.map(\.name).joined(separator: ", ")
    }
}
