import InsqStorage

/// The letter a `query` record uses for each result column's type.
///
/// `I` BIGINT, `R` DOUBLE, `N` DECIMAL, `T` TEXT, `D` DATE, `B` BOOLEAN, `?` untyped (a bare NULL).
/// A column of type NULL matches any letter.
public enum ColumnTypeCode: Character, Sendable, CaseIterable {
    case integer = "I"
    case real = "R"
    case decimal = "N"
    case text = "T"
    case date = "D"
    case boolean = "B"
    case any = "?"

    public init(_ type: DataType) {
        switch type {
        case .bigint: self = .integer
        case .double: self = .real
        case .decimal: self = .decimal
        case .text: self = .text
        case .date: self = .date
        case .boolean: self = .boolean
        case .null: self = .any
        }
    }

    /// Parses a type string such as `ITN`; nil when it holds another character or is empty.
    public static func parse(_ text: String) -> [ColumnTypeCode]? {
        guard !text.isEmpty else { return nil }
        var codes: [ColumnTypeCode] = []
        for ch in text {
            guard let code = ColumnTypeCode(rawValue: ch) else { return nil }
            codes.append(code)
        }
        return codes
    }

    /// Whether a result column of `type` satisfies this letter.
    public func accepts(_ type: DataType) -> Bool {
        self == .any || type == .null || ColumnTypeCode(type) == self
    }

    public static func text(_ codes: [ColumnTypeCode]) -> String {
        String(codes.map(\.rawValue))
    }
}
