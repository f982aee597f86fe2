import InsqStorage
import InsqSyntax

/// How operand types combine: numeric promotion, string literals read as dates or numbers, and the casts that follow.
enum TypeRules {
    static func error(_ message: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(phase: .binder, message: message, range: range)
    }

    /// The type of a numeric literal: BIGINT, exact DECIMAL for a fraction, DOUBLE with an exponent.
    static func numberLiteral(_ text: String) -> BoundExpression? {
        if text.contains(where: { $0 == "e" || $0 == "E" }) {
            guard let d = Double(text), d.isFinite else { return nil }
            return .constant(.double(d), .double)
        }
        if let dot = text.firstIndex(of: ".") {
            let scale = text.distance(from: dot, to: text.endIndex) - 1
            let digits = text.filter(\.isNumber).drop { $0 == "0" }.count
            let precision = max(digits, scale, 1)
            if precision <= DataType.maxDecimalPrecision, let v = DecimalText.parse(text, scale: scale) {
                return .constant(.decimal(v, scale: scale), .decimal(precision: precision, scale: scale))
            }
            guard let d = Double(text), d.isFinite else { return nil }
            return .constant(.double(d), .double)
        }
        guard let v = Int64(text) else { return nil }
        return .constant(.bigint(v), .bigint)
    }

    /// The common type of two numeric types.
    static func commonNumeric(_ a: DataType, _ b: DataType) -> DataType? {
        switch (a, b) {
        case (.null, _): return b.isNumeric || b == .null ? (b == .null ? .bigint : b) : nil
        case (_, .null): return a.isNumeric ? a : nil
        case (.bigint, .bigint): return .bigint
        case (.double, _), (_, .double):
            return a.isNumeric && b.isNumeric ? .double : nil
        case let (.decimal(_, s1), .decimal(_, s2)): return .decimal(precision: 18, scale: max(s1, s2))
        case let (.decimal(_, s), .bigint), let (.bigint, .decimal(_, s)): return .decimal(precision: 18, scale: s)
        default: return nil
        }
    }

    /// Converts an expression to `type`; constants convert now, so a bad literal is an error at its position.
    static func coerce(_ e: BoundExpression, to type: DataType, range: SourceRange) throws -> BoundExpression {
        if e.type == type { return e }
        if case let .constant(v, from) = e {
            if v.isNull { return .constant(.null, type) }
            do {
                let vector = try CastKernels.cast(Vector.constant(v, type: from, count: 1), from: from, to: type,
                                                  parseCache: DictionaryCache())
                return .constant(vector.value(at: 0, type: type), type)
            } catch let failure as ExecutionError {
                throw error(failure.message, range)
            }
        }
        if e.type == .null { return .constant(.null, type) }
        return .cast(e, type)
    }

    static func boolean(_ e: BoundExpression, _ what: String, range: SourceRange) throws -> BoundExpression {
        if e.type == .boolean { return e }
        if e.type == .null { return .constant(.null, .boolean) }
        throw error("\(what) needs a BOOLEAN, got \(e.type)", range)
    }

    /// A string literal beside a typed value is read as that type (`paid_on >= '2024-01-01'`).
    private static func literalTarget(_ literal: BoundExpression, other: DataType) -> DataType? {
        guard case let .constant(.text(s), .text) = literal else { return nil }
        switch other {
        case .date: return .date
        case .boolean: return .boolean
        case .bigint, .decimal, .double:
            guard case let .constant(_, t)? = numberLiteral(String(s.trimmingSpaces)) else { return .double }
            return commonNumeric(t, other)
        default: return nil
        }
    }

    static func comparison(_ op: ComparisonOperator, _ a: BoundExpression, _ b: BoundExpression,
                           leftRange: SourceRange, rightRange: SourceRange) throws -> BoundExpression {
        var x = a, y = b
        if let t = literalTarget(y, other: x.type) {
            y = try coerce(y, to: t, range: rightRange)
        } else if let t = literalTarget(x, other: y.type) {
            x = try coerce(x, to: t, range: leftRange)
        }
        let type: DataType
        if x.type == y.type {
            type = x.type == .null ? .bigint : x.type
        } else if x.type == .null {
            type = y.type
        } else if y.type == .null {
            type = x.type
        } else if let t = commonNumeric(x.type, y.type) {
            type = t
        } else {
            throw error("cannot compare \(x.type) with \(y.type)", leftRange.union(rightRange))
        }
        return .compare(op, try coerce(x, to: type, range: leftRange), try coerce(y, to: type, range: rightRange))
    }

    static func arithmetic(_ op: ArithmeticOperator, _ a: BoundExpression, _ b: BoundExpression, range: SourceRange,
                           leftRange: SourceRange, rightRange: SourceRange) throws -> BoundExpression {
        let symbol = ArithmeticKernels.symbol(op)
        // Dates move by whole days; the difference of two dates is a day count.
        switch (a.type, b.type, op) {
        case (.date, .bigint, .add), (.date, .bigint, .subtract):
            return .arithmetic(op, a, b, .date)
        case (.bigint, .date, .add):
            return .arithmetic(op, b, a, .date)
        case (.date, .date, .subtract):
            return .arithmetic(op, a, b, .bigint)
        case (.date, .null, _), (.null, .date, _):
            return .constant(.null, .date)
        default:
            break
        }
        guard var type = commonNumeric(a.type, b.type) else {
            throw error("cannot apply \(symbol) to \(a.type) and \(b.type)", range)
        }
        if a.type == .null || b.type == .null { return .constant(.null, op == .divide ? .double : type) }
        switch op {
        case .divide:
            type = .double
        case .multiply:
            if case .decimal = type {
                let scale = a.type.scale + b.type.scale
                guard scale <= DataType.maxDecimalPrecision else {
                    return .arithmetic(op, try coerce(a, to: .double, range: leftRange), try coerce(b, to: .double, range: rightRange), .double)
                }
                // Scaled integers multiply directly; the product's scale is the sum of the scales.
                let left = a.type == .bigint ? try coerce(a, to: .decimal(precision: 18, scale: 0), range: leftRange) : a
                let right = b.type == .bigint ? try coerce(b, to: .decimal(precision: 18, scale: 0), range: rightRange) : b
                return .arithmetic(op, left, right, .decimal(precision: 18, scale: scale))
            }
        default:
            break
        }
        let operandType = op == .divide ? DataType.double : type
        return .arithmetic(op, try coerce(a, to: operandType, range: leftRange),
                           try coerce(b, to: operandType, range: rightRange), type)
    }

    /// One type for several values (CASE arms, COALESCE arguments); NULLs take the others' type.
    static func unify(_ items: [(BoundExpression, SourceRange)], what: String) throws -> DataType {
        var type: DataType = .null
        for (e, range) in items {
            let t = e.type
            if t == .null || t == type { continue }
            if type == .null { type = t; continue }
            if let n = commonNumeric(type, t) { type = n; continue }
            if case .constant(.text, _) = e, type == .date || type == .boolean { continue }
            throw error("\(what) have different types: \(type) and \(t)", range)
        }
        return type
    }

    /// Joins terms with AND or OR as a balanced tree, so long IN lists stay shallow.
    static func balanced(_ terms: [BoundExpression], _ join: (BoundExpression, BoundExpression) -> BoundExpression) -> BoundExpression {
        if terms.isEmpty { return .constant(.boolean(false), .boolean) }
        if terms.count == 1 { return terms[0] }
        let mid = terms.count / 2
        return join(balanced(Array(terms[..<mid]), join), balanced(Array(terms[mid...]), join))
    }

    /// The type a CAST or column definition names.
    static func resolve(_ t: TypeName) throws -> DataType {
        let name = t.name.uppercased()
        switch name {
        case "BIGINT", "INTEGER", "INT", "INT8", "INT4", "SMALLINT", "LONG":
            try noParameters(t)
            return .bigint
        case "DOUBLE", "REAL", "FLOAT", "FLOAT8":
            try noParameters(t)
            return .double
        case "DECIMAL", "NUMERIC":
            let p = t.parameters.first ?? 18
            let s = t.parameters.count > 1 ? t.parameters[1] : (t.parameters.isEmpty ? 3 : 0)
            guard t.parameters.count <= 2, p >= 1, p <= DataType.maxDecimalPrecision, s >= 0, s <= p else {
                throw error("DECIMAL takes a precision from 1 to \(DataType.maxDecimalPrecision) and a scale from 0 to the precision", t.range)
            }
            return .decimal(precision: p, scale: s)
        case "DATE":
            try noParameters(t)
            return .date
        case "BOOLEAN", "BOOL":
            try noParameters(t)
            return .boolean
        case "TEXT", "VARCHAR", "STRING", "CHAR":
            return .text
        default:
            let known = ["BIGINT", "INTEGER", "DOUBLE", "REAL", "DECIMAL", "NUMERIC", "DATE", "BOOLEAN", "TEXT", "VARCHAR"]
            throw error("unknown type \(t.name)\(NameSuggestion.hint(for: t.name, among: known))", t.range)
        }
    }

    private static func noParameters(_ t: TypeName) throws {
        if !t.parameters.isEmpty { throw error("type \(t.name.uppercased()) takes no parameters", t.range) }
    }
}
