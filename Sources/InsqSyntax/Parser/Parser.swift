/// The recursive-descent parser for Grammar/insq.ebnf: a cursor over the tokens, the set of tokens that
/// would have been accepted at the current one, and the guards that keep any input from trapping.
///
/// Each grammar rule has one `parse<Rule>` function in the `Parser+*.swift` files, whose doc comment quotes
/// the rule. Errors are `Diagnostic`s thrown at the first token no rule accepts.
struct Parser {
    /// Nested parentheses, unary operators, CASEs, function calls and subqueries allowed inside each other.
    static let maximumNestingDepth = 256
    /// Height of a syntax tree, expressions and queries alike: long chains (`a OR b OR ...`, `t1 JOIN t2 JOIN ...`,
    /// `q1 UNION q2 UNION ...`) are as deep as they are long, and every later stage walks the tree recursively.
    static let maximumExpressionHeight = 1000

    let source: SourceText
    private let tokens: [Token]
    /// Index of the current token; never past the final `.endOfInput`.
    private(set) var index = 0
    private var nestingDepth = 0
    /// Index of the last alias written without AS: if the next token fails, that alias may be a
    /// misspelled keyword (`FROM t GROPU BY a`).
    var implicitAliasIndex = -1
    /// What would have been accepted at `expectedIndex`, in the order the parser tried it.
    private(set) var expected: [String] = []
    private(set) var expectedIndex = -1
    /// Keywords also accepted at `expectedIndex` but left out of the list (UNION after a query): only
    /// candidates for "did you mean".
    private(set) var unlisted: [String] = []

    init(_ source: SourceText) {
        self.source = source
        tokens = Lexer.tokenize(source)
    }

    // MARK: - Cursor

    var current: Token { tokens[index] }

    /// The token `offset` places ahead, or the end of input.
    func peek(_ offset: Int) -> Token {
        let (target, overflow) = index.addingReportingOverflow(offset)
        return tokens[overflow ? tokens.count - 1 : max(0, min(target, tokens.count - 1))]
    }

    /// Where the last consumed token ends: the end of the node being built.
    var previousEnd: Int {
        index > 0 ? tokens[index - 1].range.end : current.range.start
    }

    /// The token before the current one, if any.
    var previous: Token? {
        index > 0 ? tokens[index - 1] : nil
    }

    var isAtEnd: Bool { current.kind == .endOfInput }

    func at(_ kind: TokenKind) -> Bool { current.kind == kind }

    func at(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    /// Whether the current token can be a name: an identifier, a quoted identifier or a non-reserved keyword.
    var atName: Bool { Parser.isName(current.kind) }

    static func isName(_ kind: TokenKind) -> Bool {
        switch kind {
        case .identifier, .quotedIdentifier: return true
        case let .keyword(keyword): return !keyword.isReserved
        default: return false
        }
    }

    /// Moves past the current token (never past the end of input) and returns it.
    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    // MARK: - Expected set

    /// Records that `description` would have been accepted at the current token.
    mutating func note(_ description: String) {
        startExpectedSet()
        if !expected.contains(description) { expected.append(description) }
    }

    private mutating func startExpectedSet() {
        guard expectedIndex != index else { return }
        expected = []
        unlisted = []
        expectedIndex = index
    }

    /// Consumes a token of `kind` if there is one; otherwise records it as expected.
    mutating func eat(_ kind: TokenKind) -> Token? {
        if at(kind) { return advance() }
        note(Parser.describeExpected(kind))
        return nil
    }

    /// Consumes `keyword` if it is current; otherwise records `description` (`GROUP BY`) as expected.
    mutating func eat(_ keyword: Keyword, noting description: String? = nil) -> Token? {
        if at(keyword) { return advance() }
        note(description ?? keyword.rawValue)
        return nil
    }

    /// Whether `keyword` is current; if not, records it as expected. For rules that consume it themselves.
    mutating func check(_ keyword: Keyword) -> Bool {
        if at(keyword) { return true }
        note(keyword.rawValue)
        return false
    }

    /// Whether a token of `kind` is current; if not, records it as expected.
    mutating func check(_ kind: TokenKind) -> Bool {
        if at(kind) { return true }
        note(Parser.describeExpected(kind))
        return false
    }

    /// Consumes an optional modifier (`DISTINCT`, `ASC`, `AS`) without listing it in errors: listing every
    /// optional word would bury the useful expectations.
    mutating func eatSilently(_ kind: TokenKind) -> Token? {
        at(kind) ? advance() : nil
    }

    mutating func eatSilently(_ keyword: Keyword) -> Token? {
        eatSilently(.keyword(keyword))
    }

    /// Consumes `keyword` if it is current; otherwise keeps it out of "expected ..." but remembers it as a
    /// candidate for "did you mean" (`SELECT 1 UNOIN SELECT 2`).
    mutating func eatUnlisted(_ keyword: Keyword) -> Token? {
        if at(keyword) { return advance() }
        startExpectedSet()
        if !unlisted.contains(keyword.rawValue) { unlisted.append(keyword.rawValue) }
        return nil
    }

    /// Consumes a token of `kind` or throws "unexpected ...; expected ...".
    mutating func expect(_ kind: TokenKind) throws(Diagnostic) -> Token {
        if let token = eat(kind) { return token }
        throw unexpected()
    }

    mutating func expect(_ keyword: Keyword) throws(Diagnostic) -> Token {
        try expect(.keyword(keyword))
    }

    static func describeExpected(_ kind: TokenKind) -> String {
        switch kind {
        case let .keyword(keyword): return keyword.rawValue
        case .identifier, .quotedIdentifier: return DiagnosticMessages.Expected.name
        case .number: return DiagnosticMessages.Expected.integer
        default: return "'\(punctuationText(kind))'"
        }
    }

    // MARK: - Guards

    /// Throws unless the cursor moved since the last call with the same `mark`; every parser loop calls it
    /// once per iteration, so a bug that stops consuming tokens becomes an error instead of a hang.
    func ensureProgress(_ mark: inout Int) throws(Diagnostic) {
        guard index > mark else {
            throw Diagnostic(phase: .parser, message: DiagnosticMessages.parserStalled, range: current.range)
        }
        mark = index
    }

    /// What a level of recursion nests, for the message when there are too many.
    enum Nesting {
        case expression, query
    }

    /// Enters one level of recursion; deep nesting becomes an error long before the stack runs out.
    /// Expressions and queries share one count, since subqueries nest inside expressions and back.
    /// Pair with `leaveNesting()` in a `defer`.
    mutating func enterNesting(_ nesting: Nesting = .expression) throws(Diagnostic) {
        guard nestingDepth < Parser.maximumNestingDepth else {
            let message = switch nesting {
            case .expression: DiagnosticMessages.expressionTooDeep(limit: Parser.maximumNestingDepth)
            case .query: DiagnosticMessages.queryTooDeep(limit: Parser.maximumNestingDepth)
            }
            throw Diagnostic(phase: .parser, message: message, range: current.range)
        }
        nestingDepth += 1
    }

    mutating func leaveNesting() {
        nestingDepth -= 1
    }

    /// An expression node from `start` to the last consumed token, one level above its highest child.
    /// Too tall a tree is an error reported at `anchor` (the operator that made it too tall).
    /// `subtrees` are the heights of children that are not expressions (the query of a subquery).
    func makeNode(_ kind: ExpressionKind, from start: Int, over children: [ParsedExpression], subtrees: [Int] = [],
                  anchor: SourceRange? = nil) throws(Diagnostic) -> ParsedExpression {
        var height = 1
        for child in children { height = max(height, child.height + 1) }
        for subtree in subtrees { height = max(height, subtree + 1) }
        guard height <= Parser.maximumExpressionHeight else {
            throw Diagnostic(phase: .parser, message: DiagnosticMessages.expressionTooLarge(limit: Parser.maximumExpressionHeight),
                             range: anchor ?? tokens[max(0, index - 1)].range)
        }
        return ParsedExpression(Expression(kind, range: SourceRange(start, previousEnd)), height: height)
    }

    /// A link of a chain that grows without recursion (a join, a set operation) one level above its highest
    /// child, or an error at `anchor` when that makes the tree too tall. Other query-level nodes (a query, a
    /// SELECT block, a pipe step) take the height of their highest child: they can only pile up through
    /// recursion, which the nesting limit bounds.
    func makeLink<Node>(_ node: Node, over heights: [Int], anchor: SourceRange) throws(Diagnostic) -> Parsed<Node> {
        let height = (heights.max() ?? 0) + 1
        guard height <= Parser.maximumExpressionHeight else {
            throw Diagnostic(phase: .parser, message: DiagnosticMessages.queryTooLarge(limit: Parser.maximumExpressionHeight),
                             range: anchor)
        }
        return Parsed(node, height: height)
    }

    // MARK: - Text of tokens

    func text(_ token: Token) -> String {
        source.slice(token.range)
    }

    /// A name token as an `Identifier`: quoted names lose their quotes and `""` becomes `"`.
    func identifier(_ token: Token) -> Identifier {
        guard token.kind == .quotedIdentifier else { return Identifier(name: text(token), range: token.range) }
        return Identifier(name: unquote(token, quote: UInt8(ascii: "\"")), range: token.range, isQuoted: true)
    }

    /// The contents of a quoted token without the outer quotes, each doubled quote read as one.
    func unquote(_ token: Token, quote: UInt8) -> String {
        let bytes = source.bytes
        let start = min(token.range.start + 1, bytes.count)
        let end = max(start, min(token.range.end - 1, bytes.count))
        var contents: [UInt8] = []
        contents.reserveCapacity(end - start)
        var position = start
        while position < end {
            let byte = bytes[position]
            contents.append(byte)
            position += (byte == quote && position + 1 < end && bytes[position + 1] == quote) ? 2 : 1
        }
        return String(decoding: contents, as: UTF8.self)
    }
}

/// A syntax node and the height of its tree, so that the parser can refuse trees too deep to walk safely.
struct Parsed<Node> {
    var node: Node
    var height: Int
    init(_ node: Node, height: Int) {
        self.node = node
        self.height = height
    }
}

extension Parsed: Sendable where Node: Sendable {}

/// An expression and the height of its tree.
typealias ParsedExpression = Parsed<Expression>

extension Parsed where Node == Expression {
    var expression: Expression { node }
}
