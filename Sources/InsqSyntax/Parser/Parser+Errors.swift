/// The diagnostic for a token no rule accepts, and how tokens are named in it.
extension Parser {
    /// The error at the current token: the lexer's problem for an invalid token; "X is not supported yet"
    /// for the first token of a feature a later stage adds (window frames and the like are refused where they
    /// are parsed); otherwise "unexpected X" with what was expected there, or with a suggestion when a name is
    /// a near miss of an expected keyword (`SELEC`) or of an unlisted one (`UNOIN`). A near miss just taken for
    /// an alias (`SELECT a FORM t`) is reported instead of the token after it.
    func unexpected() -> Diagnostic {
        let token = current
        if case let .invalid(problem) = token.kind {
            return Diagnostic(phase: .lexer, message: problem.message, range: token.range)
        }
        if let feature = unsupportedFeature() {
            return Diagnostic(phase: .parser, message: DiagnosticMessages.notSupportedYet(feature), range: token.range)
        }
        let listed = expectedIndex == index ? expected : []
        let candidates = listed + (expectedIndex == index ? unlisted : [])
        if let alias = previous, implicitAliasIndex == index - 1, alias.kind == .identifier,
           let keyword = KeywordSuggestion.nearest(to: text(alias), among: candidates) {
            // `SELECT a FORM t`: FORM was taken for an alias, but it is the mistake to point at.
            return Diagnostic(phase: .parser, message: DiagnosticMessages.unexpected(describeFound(alias), suggestion: keyword),
                              range: alias.range)
        }
        let found = describeFound(token)
        if token.kind == .identifier, let keyword = KeywordSuggestion.nearest(to: text(token), among: candidates) {
            return Diagnostic(phase: .parser, message: DiagnosticMessages.unexpected(found, suggestion: keyword),
                              range: token.range)
        }
        return Diagnostic(phase: .parser, message: DiagnosticMessages.unexpected(found), range: token.range,
                          expected: listed)
    }

    /// "unexpected X; did you mean PHRASE?" at the current token, for a mistake with a known fix
    /// (`FROM t WHERE ...` → `|> WHERE`).
    func unexpected(suggesting phrase: String) -> Diagnostic {
        Diagnostic(phase: .parser, message: DiagnosticMessages.unexpected(describeFound(current), suggestion: phrase),
                   range: current.range)
    }

    /// "FEATURE is not supported yet" at the current token.
    func notSupportedYet(_ feature: String) -> Diagnostic {
        Diagnostic(phase: .parser, message: DiagnosticMessages.notSupportedYet(feature), range: current.range)
    }

    /// The later feature that the current token starts, if any (`RIGHT JOIN`, `NATURAL JOIN`).
    private func unsupportedFeature() -> String? {
        typealias Feature = DiagnosticMessages.Feature
        let next = peek(1).kind
        let startsJoin = next == .keyword(.join) || next == .keyword(.outer)
        switch current.kind {
        case .keyword(.natural): return Feature.naturalJoin
        case .keyword(.right) where startsJoin: return Feature.rightJoin
        case .keyword(.full) where startsJoin: return Feature.fullJoin
        default: return nil
        }
    }

    /// How a token is named in "unexpected ...": `keyword FROM`, `name persns`, `number 42`, `','`.
    func describeFound(_ token: Token) -> String {
        typealias Found = DiagnosticMessages.Found
        switch token.kind {
        case let .keyword(keyword): return Found.keyword(keyword.rawValue)
        case .identifier: return Found.name(Parser.shortened(text(token)), isQuoted: false)
        case .quotedIdentifier: return Found.name(Parser.shortened(text(token)), isQuoted: true)
        case .number: return Found.number(Parser.shortened(text(token)))
        case .string: return Found.string
        case .endOfInput: return Found.endOfInput
        case .invalid: return Found.punctuation(Parser.shortened(text(token)))
        default: return Found.punctuation(text(token))
        }
    }

    /// The spelling of a punctuation or operator token kind, for "expected ')'".
    static func punctuationText(_ kind: TokenKind) -> String {
        switch kind {
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .percent: return "%"
        case .concat: return "||"
        case .equal: return "="
        case .notEqual: return "<>"
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .leftParen: return "("
        case .rightParen: return ")"
        case .comma: return ","
        case .dot: return "."
        case .semicolon: return ";"
        case .pipe: return "|>"
        case .keyword, .identifier, .quotedIdentifier, .string, .number, .invalid, .endOfInput: return "?"
        }
    }

    /// A token's text made fit for a one-line message: cut after 40 characters, so that a runaway token
    /// does not flood it, and with line breaks, tabs and other control characters shown as `\n`, `\t`, `\u{7}`.
    static func shortened(_ text: String) -> String {
        let limit = 40
        var result = ""
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if count == limit {
                result += "…"
                break
            }
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0..<0x20, 0x7F..<0xA0: result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Finds the keyword a mistyped word was meant to be (`SELEC` → `SELECT`, `FORM` → `FROM`).
enum KeywordSuggestion {
    /// The first expected keyword (or keyword phrase such as `GROUP BY`, matched by its first word) within
    /// one edit of a word of up to four letters, or two edits of a longer one.
    static func nearest(to word: String, among expected: [String]) -> String? {
        let typed = Array(word.utf8)
        guard typed.count >= 2, typed.count <= 16, typed.allSatisfy({ $0 < 0x80 }) else { return nil }
        let upper = typed.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        var best: (phrase: String, distance: Int)?
        for phrase in expected {
            let firstWord = Array(phrase.utf8.prefix { $0 != 0x20 })
            guard !firstWord.isEmpty, firstWord.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { continue }
            let allowed = firstWord.count <= 4 ? 1 : 2
            let distance = editDistance(upper, firstWord)
            if distance > 0, distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (phrase, distance)
            }
        }
        return best?.phrase
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int { NameSuggestion.editDistance(a, b) }
}
