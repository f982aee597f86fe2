/// Type names, as written in CAST.
extension Parser {
    /// The parser records the name (in upper case) and its parameters; the binder decides which types
    /// exist (`BIGINT`, `DECIMAL(14,2)`, `VARCHAR(20)`, ...).
    ///
    /// ```
    /// type_name = name [ "(" integer [ "," integer ] ")" ] ;
    /// ```
    mutating func parseTypeName() throws(Diagnostic) -> TypeName {
        let name = try parseName(DiagnosticMessages.Expected.typeName)
        var parameters: [Int] = []
        if eatSilently(.leftParen) != nil {
            parameters.append(try integerParameter())
            if eat(.comma) != nil {
                parameters.append(try integerParameter())
            }
            _ = try expect(.rightParen)
        }
        return TypeName(name: Parser.uppercasedASCII(name.name), parameters: parameters,
                        range: SourceRange(name.range.start, previousEnd))
    }

    /// An unsigned integer literal such as the 14 in `DECIMAL(14,2)` (a lexical token, not a grammar rule).
    private mutating func integerParameter() throws(Diagnostic) -> Int {
        let token = current
        guard token.kind == .number, text(token).utf8.allSatisfy({ Lexer.isDigit($0) }) else {
            note(DiagnosticMessages.Expected.integer)
            throw unexpected()
        }
        guard let value = Int(text(token)) else {
            throw Diagnostic(phase: .parser, message: DiagnosticMessages.integerTooLarge, range: token.range)
        }
        advance()
        return value
    }

    static func uppercasedASCII(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }
}
