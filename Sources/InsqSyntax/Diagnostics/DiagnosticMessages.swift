/// Every text the lexer and parser show the user, in one place. Keep each list sorted by name
/// (a test checks): wording changes happen here and nowhere else.
public enum DiagnosticMessages {
    static let emptyQuotedIdentifier = "empty quoted identifier"
    static let emptyStatement = "empty statement; expected a query"
    /// "expected X", "expected X or Y", "expected one of: X, Y, Z"; nil when nothing is listed.
    static func expecting(_ items: [String]) -> String? {
        switch items.count {
        case 0: return nil
        case 1: return "expected \(items[0])"
        case 2: return "expected \(items[0]) or \(items[1])"
        default: return "expected one of: " + items.joined(separator: ", ")
        }
    }
    static func expressionTooDeep(limit: Int) -> String {
        "expression nested too deeply (more than \(limit) levels)"
    }
    static func expressionTooLarge(limit: Int) -> String {
        "expression too large (more than \(limit) operators deep)"
    }
    static let integerTooLarge = "integer too large"
    static let invalidUTF8 = "invalid UTF-8 byte"
    static func lookalikeCharacter(_ scalar: Unicode.Scalar, ascii: Unicode.Scalar) -> String {
        "unexpected character \(quoted(scalar)); did you mean '\(ascii)'?"
    }
    static let malformedNumber = "malformed number"
    static let moreThanOneStatement = "expected exactly one statement"
    static func notSupportedYet(_ feature: String) -> String {
        "\(feature) is not supported yet"
    }
    static let parserStalled = "internal error: the parser stopped advancing"
    static func queryTooDeep(limit: Int) -> String {
        "query nested too deeply (more than \(limit) levels)"
    }
    static func queryTooLarge(limit: Int) -> String {
        "query too large (more than \(limit) levels deep)"
    }
    static let replaceWithIfNotExists = "OR REPLACE and IF NOT EXISTS cannot be used together"
    static func setOperationAfterOrderBy(_ op: String) -> String {
        "\(op) cannot follow ORDER BY or LIMIT; put the query before \(op) in parentheses"
    }
    static func unexpected(_ what: String) -> String {
        "unexpected \(what)"
    }
    static func unexpected(_ what: String, suggestion: String) -> String {
        "unexpected \(what); did you mean \(suggestion)?"
    }
    static func unexpectedCharacter(_ scalar: Unicode.Scalar) -> String {
        "unexpected character \(quoted(scalar))"
    }
    static let unterminatedBlockComment = "unterminated block comment"
    static let unterminatedQuotedIdentifier = "unterminated quoted identifier"
    static let unterminatedString = "unterminated string literal"

    /// Phrases for what was expected, folded into a message as "expected X", "expected X or Y" or
    /// "expected one of: X, Y, Z". Keywords stand for themselves and punctuation is quoted (`','`).
    enum Expected {
        static let alias = "an alias"
        static let columnName = "a column name"
        static let copyOption = "a COPY option such as HEADER"
        static let expression = "an expression"
        static let extractField = "a date field such as YEAR"
        static let fileName = "a file name in quotes"
        static let integer = "an integer"
        static let name = "a name"
        static let newColumnName = "a new column name"
        static let tableName = "a table name"
        static let typeName = "a type name"
        static let viewName = "a view name"
    }

    /// How an unexpected token is named: `keyword FROM`, `name persns`, `','`, `end of input`.
    enum Found {
        static let endOfInput = "end of input"
        static func keyword(_ text: String) -> String { "keyword \(text)" }
        /// An unquoted name is quoted here, so that `unexpected name "name"` reads as it should.
        static func name(_ text: String, isQuoted: Bool) -> String { isQuoted ? "name \(text)" : "name \"\(text)\"" }
        static func number(_ text: String) -> String { "number \(text)" }
        static func punctuation(_ text: String) -> String { "'\(text)'" }
        /// String contents stay out of messages: they may hold personal data.
        static let string = "string literal"
    }

    /// The features that later stages add; their keywords give "... is not supported yet".
    enum Feature {
        static let fullJoin = "FULL JOIN"
        static let namedWindow = "a named window"
        static let naturalJoin = "NATURAL JOIN"
        static let recursiveWith = "WITH RECURSIVE"
        static let rightJoin = "RIGHT JOIN"
        static let windowFrame = "a window frame (ROWS or RANGE)"
    }
}

/// `'x'` for a visible ASCII character, `'，' (U+FF0C)` for another visible one, `U+200B` for an invisible one.
private func quoted(_ scalar: Unicode.Scalar) -> String {
    let value = scalar.value
    let hex = String(value, radix: 16, uppercase: true)
    let codePoint = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    if value < 0x20 || (value >= 0x7F && value < 0xA0) || DisplayWidth.of(scalar) == 0 { return codePoint }
    return scalar.isASCII ? "'\(scalar)'" : "'\(scalar)' (\(codePoint))"
}
