/// A word with a meaning in the grammar; matched case-insensitively. Grammar/keywords.txt lists the same table.
///
/// Reserved keywords can never be names. Non-reserved keywords are names wherever a name may stand
/// (`date` is a column, `DATE '2024-05-01'` a typed literal), so the parser accepts them as identifiers.
public enum Keyword: String, CaseIterable, Hashable, Sendable {
    case aggregate = "AGGREGATE"
    case all = "ALL"
    case analyze = "ANALYZE"
    case and = "AND"
    case `as` = "AS"
    case asc = "ASC"
    case between = "BETWEEN"
    case by = "BY"
    case `case` = "CASE"
    case cast = "CAST"
    case copy = "COPY"
    case create = "CREATE"
    case cross = "CROSS"
    case currentDate = "CURRENT_DATE"
    case date = "DATE"
    case desc = "DESC"
    case distinct = "DISTINCT"
    case drop = "DROP"
    case `else` = "ELSE"
    case end = "END"
    case escape = "ESCAPE"
    case except = "EXCEPT"
    case exists = "EXISTS"
    case explain = "EXPLAIN"
    case extend = "EXTEND"
    case extract = "EXTRACT"
    case `false` = "FALSE"
    case first = "FIRST"
    case from = "FROM"
    case full = "FULL"
    case group = "GROUP"
    case having = "HAVING"
    case `if` = "IF"
    case `in` = "IN"
    case inner = "INNER"
    case insert = "INSERT"
    case intersect = "INTERSECT"
    case into = "INTO"
    case `is` = "IS"
    case join = "JOIN"
    case last = "LAST"
    case left = "LEFT"
    case like = "LIKE"
    case limit = "LIMIT"
    case natural = "NATURAL"
    case not = "NOT"
    case null = "NULL"
    case nulls = "NULLS"
    case off = "OFF"
    case offset = "OFFSET"
    case on = "ON"
    case or = "OR"
    case order = "ORDER"
    case outer = "OUTER"
    case over = "OVER"
    case partition = "PARTITION"
    case range = "RANGE"
    case rename = "RENAME"
    case replace = "REPLACE"
    case right = "RIGHT"
    case rows = "ROWS"
    case select = "SELECT"
    case set = "SET"
    case table = "TABLE"
    case then = "THEN"
    case timing = "TIMING"
    case to = "TO"
    case `true` = "TRUE"
    case union = "UNION"
    case using = "USING"
    case values = "VALUES"
    case view = "VIEW"
    case when = "WHEN"
    case `where` = "WHERE"
    case with = "WITH"

    /// Whether the word can never be a table, column, alias or function name.
    public var isReserved: Bool {
        switch self {
        case .aggregate, .analyze, .copy, .create, .date, .drop, .explain, .extend, .extract, .first, .if, .insert, .into, .last,
             .nulls, .off, .partition, .range, .rename, .replace, .rows, .set, .table, .timing, .to, .values, .view:
            return false
        default: return true
        }
    }

    /// The keyword spelled by `text` in any letter case, or nil.
    public init?(matching text: some StringProtocol) {
        // Keywords are short ASCII words; anything longer or non-ASCII is a name.
        guard text.utf8.count <= Keyword.longestSpelling else { return nil }
        var upper = ""
        for unit in text.utf8 {
            guard unit < 0x80 else { return nil }
            upper.unicodeScalars.append(Unicode.Scalar(unit >= 0x61 && unit <= 0x7A ? unit - 0x20 : unit))
        }
        guard let keyword = Keyword.bySpelling[upper] else { return nil }
        self = keyword
    }

    static let longestSpelling = Keyword.allCases.map(\.rawValue.utf8.count).max() ?? 0

    private static let bySpelling: [String: Keyword] = Dictionary(
        uniqueKeysWithValues: Keyword.allCases.map { ($0.rawValue, $0) })
}
