/// Turns source text into tokens. It never fails: text that is no token becomes an `.invalid` token
/// whose `LexicalProblem` says why, and the parser reports it when it reaches it.
public struct Lexer {
    private let bytes: [UInt8]
    private var position = 0
    /// Where the last real token ended; the end-of-input token sits there, so a caret points just past it.
    private var lastTokenEnd = 0

    public init(_ source: SourceText) {
        bytes = source.bytes
    }

    /// Every token of `source`, ending with exactly one `.endOfInput`.
    public static func tokenize(_ source: SourceText) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    /// The next token; `.endOfInput` once the text is used up, and again on every later call.
    public mutating func next() -> Token {
        if let problem = skipTrivia() { return problem }
        guard position < bytes.count else {
            return Token(kind: .endOfInput, range: SourceRange(lastTokenEnd, lastTokenEnd))
        }
        let start = position
        let kind = scanToken()
        // Every branch of scanToken consumes at least one byte; this keeps the promise even if one did not.
        if position <= start { position = start + 1 }
        lastTokenEnd = position
        return Token(kind: kind, range: SourceRange(start, position))
    }

    // MARK: - Trivia

    /// Skips whitespace and comments; returns an invalid token for an unterminated block comment.
    private mutating func skipTrivia() -> Token? {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                position += 1
            } else if byte == UInt8(ascii: "-") && peekByte(at: position + 1) == UInt8(ascii: "-") {
                while position < bytes.count && bytes[position] != 0x0A { position += 1 }
            } else if byte == UInt8(ascii: "/") && peekByte(at: position + 1) == UInt8(ascii: "*") {
                let start = position
                position += 2
                while position < bytes.count
                    && !(bytes[position] == UInt8(ascii: "*") && peekByte(at: position + 1) == UInt8(ascii: "/")) {
                    position += 1
                }
                guard position < bytes.count else {
                    lastTokenEnd = position
                    return Token(kind: .invalid(.unterminatedBlockComment), range: SourceRange(start, position))
                }
                position += 2
            } else if byte >= 0x80, case let (decoded?, width) = scalar(at: position), Lexer.isSpace(decoded) {
                position += width
            } else {
                return nil
            }
        }
        return nil
    }

    // MARK: - Tokens

    private mutating func scanToken() -> TokenKind {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "'"):
            return scanQuoted(UInt8(ascii: "'"), kind: .string, unterminated: .unterminatedString)
        case UInt8(ascii: "\""):
            return scanQuoted(UInt8(ascii: "\""), kind: .quotedIdentifier, unterminated: .unterminatedQuotedIdentifier)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return scanNumber()
        case UInt8(ascii: "."):
            if let next = peekByte(at: position + 1), Lexer.isDigit(next) { return scanNumber() }
            return single(.dot)
        default:
            break
        }
        if let kind = scanOperator(byte) { return kind }
        let (decoded, width) = scalar(at: position)
        guard let scalar = decoded, scalar != "\u{FFFD}" else {
            position += width
            return .invalid(.invalidUTF8)
        }
        if Lexer.isIdentifierStart(scalar) { return scanWord() }
        position += width
        if let ascii = Lexer.asciiLookalike(of: scalar) { return .invalid(.lookalikeCharacter(scalar, ascii: ascii)) }
        return .invalid(.unexpectedCharacter(scalar))
    }

    private mutating func scanOperator(_ byte: UInt8) -> TokenKind? {
        let next = peekByte(at: position + 1)
        switch byte {
        case UInt8(ascii: "+"): return single(.plus)
        case UInt8(ascii: "-"): return single(.minus)
        case UInt8(ascii: "*"): return single(.star)
        case UInt8(ascii: "/"): return single(.slash)
        case UInt8(ascii: "%"): return single(.percent)
        case UInt8(ascii: "("): return single(.leftParen)
        case UInt8(ascii: ")"): return single(.rightParen)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: ";"): return single(.semicolon)
        case UInt8(ascii: "="):
            return next == UInt8(ascii: "=") ? double(.equal) : single(.equal)
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "=") { return double(.lessEqual) }
            return next == UInt8(ascii: ">") ? double(.notEqual) : single(.less)
        case UInt8(ascii: ">"):
            return next == UInt8(ascii: "=") ? double(.greaterEqual) : single(.greater)
        case UInt8(ascii: "!"):
            return next == UInt8(ascii: "=") ? double(.notEqual) : single(.invalid(.unexpectedCharacter("!")))
        case UInt8(ascii: "|"):
            if next == UInt8(ascii: "|") { return double(.concat) }
            return next == UInt8(ascii: ">") ? double(.pipe) : single(.invalid(.unexpectedCharacter("|")))
        default:
            return nil
        }
    }

    private mutating func single(_ kind: TokenKind) -> TokenKind {
        position += 1
        return kind
    }

    private mutating func double(_ kind: TokenKind) -> TokenKind {
        position += 2
        return kind
    }

    /// A string or quoted identifier; a doubled quote inside stands for one.
    private mutating func scanQuoted(_ quote: UInt8, kind: TokenKind, unterminated: LexicalProblem) -> TokenKind {
        let start = position
        position += 1
        while position < bytes.count {
            if bytes[position] == quote {
                if peekByte(at: position + 1) == quote {
                    position += 2
                    continue
                }
                position += 1
                if kind == .quotedIdentifier && position - start == 2 { return .invalid(.emptyQuotedIdentifier) }
                return kind
            }
            position += 1
        }
        return .invalid(unterminated)
    }

    /// `digits [. digits] [e [+|-] digits]` or `. digits [...]`; letters glued on make it malformed (`12abc`, `1e`).
    private mutating func scanNumber() -> TokenKind {
        skipDigits()
        if peekByte(at: position) == UInt8(ascii: ".") {
            position += 1
            skipDigits()
        }
        if let e = peekByte(at: position), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var exponent = position + 1
            if let sign = peekByte(at: exponent), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { exponent += 1 }
            guard let digit = peekByte(at: exponent), Lexer.isDigit(digit) else {
                position = exponent
                skipIdentifierCharacters()
                return .invalid(.malformedNumber)
            }
            position = exponent
            skipDigits()
        }
        if position < bytes.count, let next = scalar(at: position).0, Lexer.isIdentifierContinue(next) {
            skipIdentifierCharacters()
            return .invalid(.malformedNumber)
        }
        return .number
    }

    /// A keyword or an identifier.
    private mutating func scanWord() -> TokenKind {
        let start = position
        skipIdentifierCharacters()
        if let keyword = Keyword(matching: String(decoding: bytes[start..<position], as: UTF8.self)) {
            return .keyword(keyword)
        }
        return .identifier
    }

    private mutating func skipDigits() {
        while let digit = peekByte(at: position), Lexer.isDigit(digit) { position += 1 }
    }

    private mutating func skipIdentifierCharacters() {
        while position < bytes.count {
            let (decoded, width) = scalar(at: position)
            guard let scalar = decoded, Lexer.isIdentifierContinue(scalar) else { return }
            position += width
        }
    }

    // MARK: - Bytes and scalars

    private func peekByte(at index: Int) -> UInt8? {
        index >= 0 && index < bytes.count ? bytes[index] : nil
    }

    /// The scalar starting at `index` and its length in bytes; nil (length 1) for a malformed sequence.
    private func scalar(at index: Int) -> (Unicode.Scalar?, Int) {
        guard index >= 0 && index < bytes.count else { return (nil, 1) }
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var iterator = bytes[index..<min(index + 4, bytes.count)].makeIterator()
        var decoder = UTF8()
        if case let .scalarValue(scalar) = decoder.decode(&iterator) {
            return (scalar, UTF8.width(scalar))
        }
        return (nil, 1)
    }

    // MARK: - Character classes

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}"
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
        }
        return scalar != "\u{FFFD}" && scalar.properties.isAlphabetic
    }

    static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        if isIdentifierStart(scalar) { return true }
        if scalar.isASCII { return scalar >= "0" && scalar <= "9" }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// The ASCII character a fullwidth form, ideographic comma or full stop, or curly quote stands for.
    static func asciiLookalike(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)
        case 0x3001: return ","
        case 0x3002: return "."
        case 0x2018, 0x2019: return "'"
        case 0x201C, 0x201D: return "\""
        default: return nil
        }
    }
}
