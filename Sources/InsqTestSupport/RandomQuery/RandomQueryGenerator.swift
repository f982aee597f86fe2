import Foundation

/// Generates random SQL over the fixture tables in the subset of the language where insq and SQLite must
/// give the same rows: typed so that every query binds in insq, bounded so that no arithmetic overflows,
/// and ordered either not at all (compared as multisets) or over every output column.
///
/// The same seed and features give the same queries. `features` says which forms may appear.
public final class RandomQueryGenerator {
    public let features: RandomQueryFeatures
    let profile: FixtureProfile
    var random: SeededGenerator
    /// Counter for subquery, derived-table and CTE names, so that no two scopes share an alias.
    var nameCounter = 0
    /// CTEs declared by the query being generated (`WITH` prefix), in order.
    var commonTableExpressions: [DeclaredCTE] = []
    /// Whether the query being generated pairs rows with no equality somewhere (see `GeneratedQuery.hasCrossProduct`).
    var hasCrossProduct = false
    /// The largest row bound of the FROM clauses generated for the query so far.
    var declaredRows: Double = 0
    /// Forms of the query being generated that the optimizer is known to run per outer value.
    var cliffShapes: CliffShapes = []

    /// Largest FROM clause (in rows, as an upper bound) a query may have, to keep a debug build quick.
    static let maxFromRows: Double = 2_000

    let allTextLiterals: [String]
    let allDateLiterals: [String]
    let allDecimalLiterals: [String]
    let allIntegerLiterals: [String]

    public init(profile: FixtureProfile, seed: UInt64, features: RandomQueryFeatures) {
        self.profile = profile
        self.features = features
        random = SeededGenerator(seed: seed)
        let columns = profile.tables.flatMap(\.columns)
        func pool(_ kind: (ValueKind) -> Bool) -> [String] {
            Array(Set(columns.filter { kind($0.kind) }.flatMap(\.literals))).sorted()
        }
        allTextLiterals = pool { $0 == .text }
        allDateLiterals = pool { $0 == .date }
        allDecimalLiterals = pool { if case .decimal = $0 { return true } else { return false } }
        allIntegerLiterals = pool { $0 == .integer }
    }

    /// The next query.
    public func next() -> GeneratedQuery {
        nameCounter = 0
        commonTableExpressions = []
        hasCrossProduct = false
        declaredRows = 0
        cliffShapes = []
        var query = topLevelQuery()
        query.hasCrossProduct = hasCrossProduct
        query.declaredRows = declaredRows
        query.cliffShapes = cliffShapes
        return query
    }

    func has(_ feature: RandomQueryFeatures) -> Bool { features.contains(feature) }

    func freshName(_ prefix: String) -> String {
        nameCounter += 1
        return "\(prefix)\(nameCounter)"
    }

    // MARK: Literals

    func integerLiteral(near e: GeneratedExpression? = nil) -> GeneratedExpression {
        if let e, e.kind == .integer, !e.literals.isEmpty, random.chance(0.7) {
            let text = random.pick(e.literals)
            return GeneratedExpression(text, .integer, magnitude: abs(Double(text) ?? 0) + 1)
        }
        let value: Int = random.weighted([
            (6, random.int(0...12)), (3, random.int(-5...(-1))), (2, random.int(13...400)),
            (2, Int(random.pick(allIntegerLiterals)) ?? 1),
        ])
        return GeneratedExpression(value < 0 ? "(\(value))" : String(value), .integer, magnitude: Double(abs(value)) + 1)
    }

    func decimalLiteral(near e: GeneratedExpression? = nil) -> GeneratedExpression {
        let text: String
        if let e, case .decimal = e.kind, !e.literals.isEmpty, random.chance(0.6) {
            text = random.pick(e.literals)
        } else if random.chance(0.3), !allDecimalLiterals.isEmpty {
            text = random.pick(allDecimalLiterals)
        } else {
            let scale = random.int(1...2)
            let whole = random.weighted([(5, random.int(0...9)), (3, random.int(10...999)), (1, random.int(1000...99_999))])
            var fraction = String(random.int(0...(scale == 1 ? 9 : 99)))
            while fraction.count < scale { fraction = "0" + fraction }
            let negative = random.chance(0.15)
            let body = "\(whole).\(fraction)"
            return GeneratedExpression(negative ? "(-\(body))" : body, .decimal(scale: scale),
                                       magnitude: Double(whole + 1))
        }
        let scale = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        return GeneratedExpression(text, .decimal(scale: scale), magnitude: (abs(Double(text) ?? 0) + 1).rounded(.up))
    }

    /// A literal that `e` can be compared with for equality.
    func numberLiteral(near e: GeneratedExpression?) -> GeneratedExpression {
        if random.chance(0.03) {
            // A DOUBLE literal: exponent notation.
            let mantissa = random.pick(["1.5", "2", "0.25", "12.5", "3", "1"])
            let exponent = random.int(0...3)
            return GeneratedExpression("\(mantissa)e\(exponent)", .double,
                                       magnitude: (Double(mantissa) ?? 1) * FixtureProfile.pow10(exponent) + 1)
        }
        if let e, case .decimal = e.kind { return random.chance(0.8) ? decimalLiteral(near: e) : integerLiteral() }
        if let e, e.kind == .double { return random.chance(0.5) ? decimalLiteral() : integerLiteral() }
        return random.chance(0.85) ? integerLiteral(near: e) : decimalLiteral()
    }

    /// A decimal literal no value of `e` can equal: five fraction digits, the last not zero, while generated
    /// decimals have at most four. Comparing an inexact value with it cannot hit a tie that rounding decides.
    func safeLiteral(near e: GeneratedExpression) -> GeneratedExpression {
        var base = 0.0
        if !e.literals.isEmpty, random.chance(0.6) {
            base = Double(random.pick(e.literals)) ?? 0
        } else {
            let limit = max(1.0, min(e.magnitude, 1_000_000))
            base = Double.random(in: -limit / 4...limit, using: &random)
        }
        let whole = Int64(base.rounded(.towardZero))
        let fraction = random.int(0...9999) * 10 + random.int(1...9)
        var fractionText = String(fraction)
        while fractionText.count < 5 { fractionText = "0" + fractionText }
        let negative = base < 0
        var body = "\(abs(whole)).\(fractionText)"
        // Beside a large value a scale-5 decimal could overflow insq's scaled Int64, so write a DOUBLE instead.
        let isDouble = e.magnitude > 1e11
        if isDouble { body += "e0" }
        return GeneratedExpression(negative ? "(-\(body))" : body, isDouble ? .double : .decimal(scale: 5),
                                   magnitude: abs(base) + 1)
    }

    func textLiteral(near e: GeneratedExpression? = nil) -> GeneratedExpression {
        let text: String
        if let e, !e.literals.isEmpty, random.chance(0.7) {
            text = random.pick(e.literals)
        } else if random.chance(0.6) {
            text = random.pick(allTextLiterals)
        } else {
            text = SQLText.quoted(random.pick(["", "a", "A", "Xi", "CN", "VN", "active", "Ha", "zz", "%", "_", "Nguyễn", "王", "x y"]))
        }
        return GeneratedExpression(text, .text)
    }

    func dateLiteral(near e: GeneratedExpression? = nil) -> GeneratedExpression {
        if let e, !e.literals.isEmpty, random.chance(0.6) { return GeneratedExpression(random.pick(e.literals), .date) }
        if random.chance(0.5) { return GeneratedExpression(random.pick(allDateLiterals), .date) }
        let y = random.int(1950...2026), m = random.int(1...12), d = random.int(1...28)
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return GeneratedExpression("'\(y)-\(pad(m))-\(pad(d))'", .date)
    }

    /// A literal of `e`'s family for `=`, IN and BETWEEN.
    func literal(like e: GeneratedExpression) -> GeneratedExpression {
        switch ValueFamily(e.kind) {
        case .number: return numberLiteral(near: e)
        case .text: return textLiteral(near: e)
        case .date: return dateLiteral(near: e)
        case .boolean: return GeneratedExpression(random.chance(0.5) ? "TRUE" : "FALSE", .boolean)
        }
    }

    func nullLiteral(_ kind: ValueKind) -> GeneratedExpression {
        var e = GeneratedExpression("NULL", kind, isNullable: true)
        e.isUntypedNull = true
        return e
    }

    /// Whether `a` and `b` can meet in a comparison, CASE or COALESCE: both converted to their common kind
    /// must fit insq's scaled Int64.
    func fitsTogether(_ parts: [GeneratedExpression]) -> Bool {
        var kind = parts[0].kind
        for p in parts.dropFirst() {
            guard let k = ValueKind.common(kind, p.kind) else { return false }
            kind = k
        }
        guard case let .decimal(scale) = kind else { return true }
        let largest = parts.map(\.magnitude).max() ?? 0
        return largest * FixtureProfile.pow10(scale) <= Magnitude.maxValue
    }

    /// Keeps arithmetic inside Int64 in insq (scaled decimals included) and in SQLite.
    func fits(_ e: GeneratedExpression) -> Bool {
        if e.kind.scale > 4 { return false }
        let limit = e.hasAggregate || e.hasWindow ? Magnitude.maxValue : Magnitude.maxSummable
        return e.scaledMagnitude <= limit
    }
}
