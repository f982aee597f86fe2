/// COPY: a table or query's rows, for the shell to write to a CSV file.
extension Parser {
    /// The options follow DuckDB (`(HEADER, DELIMITER ';')`) and PostgreSQL (`WITH (HEADER true)`); which
    /// option names and values mean something is the engine's to check.
    ///
    /// ```
    /// copy_statement = "COPY" ( parenthesized_query | name ) "TO" string
    ///                  [ [ "WITH" ] "(" copy_option { "," copy_option } ")" ] ;
    /// ```
    mutating func parseCopyStatement() throws(Diagnostic) -> CopyStatement {
        let start = try expect(.copy).range.start
        let source: CopySource
        if check(.leftParen) {
            source = .query(try parseParenthesizedQuery().node)
        } else {
            source = .table(try parseName(DiagnosticMessages.Expected.tableName))
        }
        _ = try expect(.to)
        guard at(.string) else {
            note(DiagnosticMessages.Expected.fileName)
            throw unexpected()
        }
        let pathToken = advance()
        var options: [CopyOption] = []
        let hasWith = eatSilently(.with) != nil
        if hasWith || check(.leftParen) {
            _ = try expect(.leftParen)
            options.append(try parseCopyOption())
            var mark = index
            while eat(.comma) != nil {
                try ensureProgress(&mark)
                options.append(try parseCopyOption())
            }
            _ = try expect(.rightParen)
        }
        return CopyStatement(source: source, path: unquote(pathToken, quote: UInt8(ascii: "'")), pathRange: pathToken.range,
                             options: options, range: SourceRange(start, previousEnd))
    }

    /// An option without a value (`HEADER`) means "on".
    ///
    /// ```
    /// copy_option = name [ literal | name ] ;
    /// ```
    mutating func parseCopyOption() throws(Diagnostic) -> CopyOption {
        let name = try parseName(DiagnosticMessages.Expected.copyOption)
        var value: CopyOptionValue?
        switch current.kind {
        case .number, .string, .keyword(.true), .keyword(.false), .keyword(.null):
            let literal = try parseLiteral().expression
            if case let .literal(parsed) = literal.kind { value = .literal(parsed, literal.range) }
        default:
            if atName { value = .name(identifier(advance())) }
        }
        return CopyOption(name: name, value: value, range: SourceRange(name.range.start, previousEnd))
    }
}
