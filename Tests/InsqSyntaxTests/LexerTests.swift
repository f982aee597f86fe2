import Testing
@testable import InsqSyntax

/// The lexer: token kinds, byte ranges, keywords, literals, comments, Unicode and invalid text.
struct LexerTests {
    /// Kinds and texts of the tokens of `text`, without the end-of-input token.
    static func lex(_ text: String) -> [(kind: TokenKind, text: String)] {
        let source = SourceText(text)
        return Lexer.tokenize(source).dropLast().map { ($0.kind, source.slice($0.range)) }
    }

    static func kinds(_ text: String) -> [TokenKind] {
        lex(text).map(\.kind)
    }

    @Test func splitsAQueryIntoTokensWithByteRanges() {
        let source = SourceText("SELECT a.b, 'x' FROM t;")
        let tokens = Lexer.tokenize(source)
        #expect(tokens.map(\.kind) == [.keyword(.select), .identifier, .dot, .identifier, .comma, .string,
                                       .keyword(.from), .identifier, .semicolon, .endOfInput])
        #expect(tokens.map { source.slice($0.range) } == ["SELECT", "a", ".", "b", ",", "'x'", "FROM", "t", ";", ""])
        #expect(tokens[5].range == SourceRange(12, 15))
    }

    @Test func keywordsMatchInAnyCaseAndOnlyWhole() {
        #expect(LexerTests.kinds("select SeLeCt SELECT selects _select select_") ==
                [.keyword(.select), .keyword(.select), .keyword(.select), .identifier, .identifier, .identifier])
        for keyword in Keyword.allCases {
            #expect(LexerTests.kinds(keyword.rawValue.lowercased()) == [.keyword(keyword)])
            #expect(keyword.rawValue.utf8.count <= Keyword.longestSpelling)
        }
    }

    @Test func onlyTheListedKeywordsAreNonReserved() {
        #expect(Set(Keyword.allCases.filter { !$0.isReserved }) == [
            .aggregate, .date, .drop, .extend, .extract, .first, .last, .nulls, .partition, .range, .rename, .rows, .set,
            .copy, .create, .if, .insert, .into, .replace, .table, .to, .values, .view, .explain, .analyze, .timing, .off,
        ])
        // Column and function names of the data model are not keywords at all, or not reserved; nor are the
        // words of data-changing statements, which are common column names (`values`, `table`, `to`).
        for name in ["year", "month", "date", "name", "status", "kind", "period", "amount", "scheme", "count", "set", "rows",
                     "values", "table", "view", "to", "copy", "replace",
                     "analyze", "timing", "off"] {
            let kind = LexerTests.kinds(name)[0]
            #expect(Parser.isName(kind), "\(name) must be usable as a name")
        }
    }

    @Test(arguments: ["42", "3.50", ".5", "1e3", "1.5E-2", "1E+5", "1.", "0.000", "007"])
    func numbers(_ text: String) {
        #expect(LexerTests.kinds(text) == [.number])
    }

    @Test(arguments: ["1e", "1e+", "12abc", "1.5e-x", "3x", "1_000", "2西"])
    func malformedNumbers(_ text: String) {
        let tokens = LexerTests.lex(text)
        #expect(tokens.count == 1)
        #expect(tokens.first?.kind == .invalid(.malformedNumber))
        #expect(tokens.first?.text == text)
    }

    @Test func aDotIsANumberOnlyBeforeADigit() {
        #expect(LexerTests.kinds("t.a") == [.identifier, .dot, .identifier])
        #expect(LexerTests.kinds("t.5") == [.identifier, .number])
        #expect(LexerTests.kinds("1..2") == [.number, .number])
    }

    @Test func operators() {
        let text = "+ - * / % || = == <> != < <= > >= ( ) , . ; |>"
        #expect(LexerTests.kinds(text) == [.plus, .minus, .star, .slash, .percent, .concat, .equal, .equal, .notEqual,
                                           .notEqual, .less, .lessEqual, .greater, .greaterEqual, .leftParen,
                                           .rightParen, .comma, .dot, .semicolon, .pipe])
        #expect(LexerTests.kinds("a<=b<>c>=d") == [.identifier, .lessEqual, .identifier, .notEqual, .identifier,
                                                    .greaterEqual, .identifier])
    }

    @Test func loneBarAndBangAreInvalid() {
        #expect(LexerTests.kinds("a | b") == [.identifier, .invalid(.unexpectedCharacter("|")), .identifier])
        #expect(LexerTests.kinds("!a") == [.invalid(.unexpectedCharacter("!")), .identifier])
    }

    @Test func stringsAndQuotedIdentifiersDoubleTheirQuotes() {
        #expect(LexerTests.lex("'it''s' \"a\"\"b\" '' 'a\nb'").map(\.text) == ["'it''s'", "\"a\"\"b\"", "''", "'a\nb'"])
        #expect(LexerTests.kinds("'it''s' \"a\"\"b\"") == [.string, .quotedIdentifier])
        #expect(LexerTests.kinds("'''' \"\"\"\"") == [.string, .quotedIdentifier])
    }

    @Test func unterminatedQuotesRunToTheEndFromTheirStart() {
        let string = LexerTests.lex("SELECT 'abc FROM t")
        #expect(string.last?.kind == .invalid(.unterminatedString))
        #expect(string.last?.text == "'abc FROM t")
        #expect(LexerTests.kinds("\"abc") == [.invalid(.unterminatedQuotedIdentifier)])
        #expect(LexerTests.kinds("'it''") == [.invalid(.unterminatedString)])
        #expect(LexerTests.kinds("\"\"") == [.invalid(.emptyQuotedIdentifier)])
    }

    @Test func commentsAreSkipped() {
        #expect(LexerTests.kinds("a -- b\nc /* d\n e */ f --") == [.identifier, .identifier, .identifier])
        #expect(LexerTests.kinds("a/**/b") == [.identifier, .identifier])
        #expect(LexerTests.kinds("a - - b") == [.identifier, .minus, .minus, .identifier])
        #expect(LexerTests.kinds("a --b") == [.identifier])
    }

    @Test func unterminatedBlockCommentIsInvalidFromItsStart() {
        let tokens = LexerTests.lex("SELECT 1 /* note")
        #expect(tokens.last?.kind == .invalid(.unterminatedBlockComment))
        #expect(tokens.last?.text == "/* note")
        #expect(LexerTests.kinds("/*/") == [.invalid(.unterminatedBlockComment)])
    }

    @Test func unicodeNamesAndWhitespace() {
        // Precomposed and decomposed Vietnamese, Chinese, and an ideographic space between words.
        let decomposed = "Nguye\u{302}\u{303}n"
        let tokens = LexerTests.lex("西宁 Nguyễn \(decomposed)\u{3000}tỉnh\u{A0}x")
        #expect(tokens.map(\.kind) == [.identifier, .identifier, .identifier, .identifier, .identifier])
        #expect(tokens.map(\.text) == ["西宁", "Nguyễn", decomposed, "tỉnh", "x"])
        #expect(LexerTests.kinds("'王芳' \"姓名\"") == [.string, .quotedIdentifier])
    }

    @Test func lookalikeAndUnexpectedCharacters() {
        #expect(LexerTests.kinds("a，b") == [.identifier, .invalid(.lookalikeCharacter("，", ascii: ",")), .identifier])
        #expect(LexerTests.kinds("（") == [.invalid(.lookalikeCharacter("（", ascii: "("))])
        #expect(LexerTests.kinds("‘x’") == [.invalid(.lookalikeCharacter("‘", ascii: "'")), .identifier,
                                            .invalid(.lookalikeCharacter("’", ascii: "'"))])
        #expect(LexerTests.kinds("? @ # 😀") == [.invalid(.unexpectedCharacter("?")), .invalid(.unexpectedCharacter("@")),
                                                 .invalid(.unexpectedCharacter("#")), .invalid(.unexpectedCharacter("😀"))])
    }

    @Test func replacementCharacterFromInvalidUTF8IsInvalid() {
        let text = String(decoding: [0x61, 0xFF, 0x62, 0xC3], as: UTF8.self)
        #expect(LexerTests.kinds(text) == [.identifier, .invalid(.invalidUTF8), .identifier, .invalid(.invalidUTF8)])
    }

    @Test func endOfInputSitsJustAfterTheLastToken() {
        let source = SourceText("SELECT * FROM   \n -- done\n")
        let end = Lexer.tokenize(source).last
        #expect(end?.kind == .endOfInput)
        #expect(end?.range == SourceRange(13, 13))
        #expect(Lexer.tokenize(SourceText("")).map(\.kind) == [.endOfInput])
        #expect(Lexer.tokenize(SourceText("  -- only a comment")).last?.range == SourceRange(0, 0))
    }

    @Test func nextKeepsReturningEndOfInput() {
        var lexer = Lexer(SourceText("a"))
        #expect(lexer.next().kind == .identifier)
        for _ in 0..<3 { #expect(lexer.next().kind == .endOfInput) }
    }

    @Test func problemsHaveMessages() {
        #expect(LexicalProblem.unterminatedString.message == "unterminated string literal")
        #expect(LexicalProblem.lookalikeCharacter("，", ascii: ",").message
                == "unexpected character '，' (U+FF0C); did you mean ','?")
        #expect(LexicalProblem.unexpectedCharacter("\u{7}").message == "unexpected character U+0007")
        #expect(LexicalProblem.unexpectedCharacter("@").message == "unexpected character '@'")
    }
}
