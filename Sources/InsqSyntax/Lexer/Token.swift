/// Why the lexer could not make a valid token of some text; the parser reports it as a lexer error.
public enum LexicalProblem: Hashable, Sendable {
    case emptyQuotedIdentifier
    /// A lookalike such as the fullwidth `，` an input method types, or a curly quote; carries the ASCII character meant.
    case lookalikeCharacter(Unicode.Scalar, ascii: Unicode.Scalar)
    case invalidUTF8
    case malformedNumber
    case unexpectedCharacter(Unicode.Scalar)
    case unterminatedBlockComment
    case unterminatedQuotedIdentifier
    case unterminatedString

    /// The text shown to the user.
    public var message: String {
        switch self {
        case .emptyQuotedIdentifier: return DiagnosticMessages.emptyQuotedIdentifier
        case let .lookalikeCharacter(scalar, ascii): return DiagnosticMessages.lookalikeCharacter(scalar, ascii: ascii)
        case .invalidUTF8: return DiagnosticMessages.invalidUTF8
        case .malformedNumber: return DiagnosticMessages.malformedNumber
        case let .unexpectedCharacter(scalar): return DiagnosticMessages.unexpectedCharacter(scalar)
        case .unterminatedBlockComment: return DiagnosticMessages.unterminatedBlockComment
        case .unterminatedQuotedIdentifier: return DiagnosticMessages.unterminatedQuotedIdentifier
        case .unterminatedString: return DiagnosticMessages.unterminatedString
        }
    }
}

/// What a token is; its text is sliced from the source on demand.
public enum TokenKind: Hashable, Sendable {
    case keyword(Keyword)
    /// An unquoted name: `persons`, `王芳`.
    case identifier
    /// A `"quoted name"`, `""` inside standing for one `"`.
    case quotedIdentifier
    /// A `'string'`, `''` inside standing for one `'`.
    case string
    /// `42`, `3.50`, `.5`, `1e3`, `1.5E-2`.
    case number
    case plus, minus, star, slash, percent
    /// `||`
    case concat
    /// `=` or `==`
    case equal
    /// `<>` or `!=`
    case notEqual
    case less, lessEqual, greater, greaterEqual
    case leftParen, rightParen, comma, dot, semicolon
    /// `|>`, the pipe operator of pipe syntax.
    case pipe
    /// Text that is no token; the problem says why.
    case invalid(LexicalProblem)
    /// The empty token after the last one.
    case endOfInput
}

/// A token: its kind and the byte range of its text in the source.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var range: SourceRange
    public init(kind: TokenKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
