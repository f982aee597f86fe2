import InsqStorage

/// A point of the inference lattice: the narrowest type that holds every value seen so far.
///
/// empty (only NULLs) < BOOLEAN, DATE, BIGINT < DECIMAL(18,s) < DOUBLE < TEXT. BIGINT joins DECIMAL(18,s) as
/// DECIMAL(18,s) while integer digits + s ≤ 18; two different scales, or too many digits, give DOUBLE; BOOLEAN
/// or DATE with anything else gives TEXT. The join is commutative and associative, so the result never depends
/// on the order in which chunks are seen.
struct CSVInferredType: Equatable, Sendable {
    enum Kind: Equatable, Sendable { case empty, boolean, date, bigint, decimal(scale: Int), double, text }
    var kind: Kind
    /// Most integer digits of a BIGINT or DECIMAL value (0 for other kinds).
    var integerDigits: Int

    static let empty = CSVInferredType(kind: .empty, integerDigits: 0)
    static let text = CSVInferredType(kind: .text, integerDigits: 0)
    static let double = CSVInferredType(kind: .double, integerDigits: 0)
    static let boolean = CSVInferredType(kind: .boolean, integerDigits: 0)
    static let date = CSVInferredType(kind: .date, integerDigits: 0)

    /// Precision of every inferred DECIMAL.
    static let decimalPrecision = DataType.maxDecimalPrecision

    var dataType: DataType {
        switch kind {
        case .empty, .text: return .text
        case .boolean: return .boolean
        case .date: return .date
        case .bigint: return .bigint
        case let .decimal(s): return .decimal(precision: Self.decimalPrecision, scale: s)
        case .double: return .double
        }
    }

    func joined(_ other: CSVInferredType) -> CSVInferredType {
        switch (kind, other.kind) {
        case (.empty, _): return other
        case (_, .empty): return self
        case (.text, _), (_, .text): return .text
        case (.double, .double), (.double, .bigint), (.double, .decimal), (.bigint, .double), (.decimal, .double):
            return .double
        case (.bigint, .bigint):
            return CSVInferredType(kind: .bigint, integerDigits: max(integerDigits, other.integerDigits))
        case let (.decimal(a), .decimal(b)) where a == b:
            return .decimalOrDouble(scale: a, integerDigits: max(integerDigits, other.integerDigits))
        case let (.decimal(s), .bigint), let (.bigint, .decimal(s)):
            return .decimalOrDouble(scale: s, integerDigits: max(integerDigits, other.integerDigits))
        case (.decimal, .decimal): return .double
        case (.boolean, .boolean): return .boolean
        case (.date, .date): return .date
        default: return .text
        }
    }

    static func decimalOrDouble(scale: Int, integerDigits: Int) -> CSVInferredType {
        integerDigits + scale <= decimalPrecision
            ? CSVInferredType(kind: .decimal(scale: scale), integerDigits: integerDigits) : .double
    }

    /// The class of one non-NULL unquoted-or-quoted field's bytes (a field with doubled quotes is TEXT).
    static func classify(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> CSVInferredType {
        if CSVFieldParsing.strictBoolean(p, start, end) != nil { return .boolean }
        if CSVFieldParsing.date(p, start, end) != nil { return .date }
        if let (_, digits) = CSVFieldParsing.canonicalInteger(p, start, end) {
            return CSVInferredType(kind: .bigint, integerDigits: digits)
        }
        if let shape = CSVFieldParsing.canonicalDecimalShape(p, start, end) {
            return .decimalOrDouble(scale: shape.scale, integerDigits: shape.integerDigits)
        }
        if CSVFieldParsing.double(p, start, end, strict: true) != nil { return .double }
        return .text
    }
}
