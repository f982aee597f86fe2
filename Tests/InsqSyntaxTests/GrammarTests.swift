import Foundation
import Testing
@testable import InsqSyntax

/// A rule of Grammar/insq.ebnf with its examples.
struct GrammarRule: Sendable, CustomTestStringConvertible {
    var name: String
    /// `name = body ;` with whitespace collapsed.
    var text: String
    var examples: [String]

    /// `select_core` → `parseSelectCore`.
    var functionName: String {
        "parse" + name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    var testDescription: String { name }
}

/// Reads insq.ebnf: rules end at a `;` outside double quotes (the only quotes insq.ebnf uses) and
/// `(* ... *)` comments are skipped, except that a line of the form `(* e.g. EXAMPLE *)` gives an example
/// of the rule above it (it ends at the last `*)` of the line, so examples may contain `(*)`).
enum GrammarFile {
    static func rules() throws -> [GrammarRule] {
        let text = try RepositoryPaths.read(RepositoryPaths.grammar.appendingPathComponent("insq.ebnf"))
        var rules: [GrammarRule] = []
        var pending = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("(* e.g. ") && trimmed.hasSuffix(" *)") {
                let example = trimmed.dropFirst("(* e.g. ".count).dropLast(" *)".count)
                if !rules.isEmpty { rules[rules.count - 1].examples.append(String(example)) }
                continue
            }
            pending += line + "\n"
            pending = stripComments(pending)
            while let end = ruleEnd(pending) {
                let ruleText = collapse(String(pending[..<end]) + ";")
                pending = String(pending[pending.index(after: end)...])
                guard let equals = ruleText.firstIndex(of: "=") else { continue }
                let name = ruleText[..<equals].trimmingCharacters(in: .whitespaces)
                rules.append(GrammarRule(name: name, text: ruleText, examples: []))
            }
        }
        return rules
    }

    /// Removes complete `(* ... *)` comments outside quotes (an open one is kept until it closes).
    static func stripComments(_ text: String) -> String {
        var result = ""
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" {
                quote = character
            } else if text[index...].hasPrefix("(*") {
                guard let close = text[index...].range(of: "*)") else { return result + text[index...] }
                index = close.upperBound
                continue
            }
            result.append(character)
            index = text.index(after: index)
        }
        return result
    }

    /// Index of the first `;` outside quotes.
    static func ruleEnd(_ text: String) -> String.Index? {
        var quote: Character?
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" {
                quote = character
            } else if character == ";" {
                return index
            }
        }
        return nil
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// The sources that hold the rule functions (`Parser+*.swift`; ParserAPI.swift is the public facade),
    /// one string per file.
    static func parserSources() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.parserSources.path)
        return try names.filter { $0.hasPrefix("Parser+") && $0.hasSuffix(".swift") }.sorted().map {
            try RepositoryPaths.read(RepositoryPaths.parserSources.appendingPathComponent($0))
        }
    }

    /// The `///` lines right above `func <name>(`, without the slashes and code fences, collapsed.
    static func docComment(of function: String, in sources: [String]) -> String? {
        for source in sources {
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let at = lines.firstIndex(where: { $0.contains("func \(function)(") }) else { continue }
            var comment: [String] = []
            var index = at - 1
            while index >= 0, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                let body = lines[index].trimmingCharacters(in: .whitespaces).dropFirst(3)
                if !body.trimmingCharacters(in: .whitespaces).hasPrefix("```") { comment.insert(String(body), at: 0) }
                index -= 1
            }
            return collapse(comment.joined(separator: "\n"))
        }
        return nil
    }
}

/// Keeps Grammar/ and the parser from drifting apart (see Grammar/README.md).
struct GrammarTests {
    /// Runs one rule's parse function on the parser. Suffix rules get a placeholder left operand.
    typealias Entry = @Sendable (inout Parser) throws -> Void

    static let operand = ParsedExpression(Expression(.literal(.null), range: SourceRange(0, 0)), height: 1)

    /// One entry per rule; the compiler checks that each function exists, the tests that each rule has an entry.
    static let entries: [String: Entry] = [
        "statement_list": { _ = try $0.parseStatementList() },
        "statement": { _ = try $0.parseStatement() },
        "create_statement": { _ = try $0.parseCreateStatement() },
        "table_definition": { _ = try $0.parseTableDefinition(from: 0, isReplace: false) },
        "view_definition": { _ = try $0.parseViewDefinition(from: 0, isReplace: false) },
        "column_definition": { _ = try $0.parseColumnDefinition() },
        "insert_statement": { _ = try $0.parseInsertStatement() },
        "values_clause": { _ = try $0.parseValuesClause() },
        "value_row": { _ = try $0.parseValueRow() },
        "drop_statement": { _ = try $0.parseDropStatement() },
        "copy_statement": { _ = try $0.parseCopyStatement() },
        "copy_option": { _ = try $0.parseCopyOption() },
        "explain_statement": { _ = try $0.parseExplainStatement() },
        "explain_option": { _ = try $0.parseExplainOption() },
        "query": { _ = try $0.parseQuery() },
        "with_clause": { parser in
            guard try parser.parseWithClause() != nil else { throw parser.unexpected() }
        },
        "common_table_expression": { _ = try $0.parseCommonTableExpression() },
        "set_expression": { _ = try $0.parseSetExpression() },
        "intersect_expression": { _ = try $0.parseIntersectExpression() },
        "query_primary": { _ = try $0.parseQueryPrimary() },
        "parenthesized_query": { _ = try $0.parseParenthesizedQuery() },
        "select_core": { _ = try $0.parseSelectCore() },
        "select_list": { _ = try $0.parseSelectList() },
        "select_item": { _ = try $0.parseSelectItem() },
        "alias": { parser in
            guard try parser.parseAlias() != nil else { throw parser.unexpected() }
        },
        "from_clause": { parser in
            guard try parser.parseFromClause() != nil else { throw parser.unexpected() }
        },
        "joined_table": { _ = try $0.parseJoinedTable() },
        "join_clause": { parser in
            guard try parser.parseJoinClause() != nil else { throw parser.unexpected() }
        },
        "join_condition": { _ = try $0.parseJoinCondition() },
        "column_list": { _ = try $0.parseColumnList() },
        "table_primary": { _ = try $0.parseTablePrimary() },
        "where_clause": { parser in
            guard try parser.parseWhereClause() != nil else { throw parser.unexpected() }
        },
        "group_by_clause": { parser in
            guard try parser.parseGroupByClause() != nil else { throw parser.unexpected() }
        },
        "having_clause": { parser in
            guard try parser.parseHavingClause() != nil else { throw parser.unexpected() }
        },
        "order_by_clause": { parser in
            guard try parser.parseOrderByClause() != nil else { throw parser.unexpected() }
        },
        "order_item": { _ = try $0.parseOrderItem() },
        "limit_clause": { parser in
            guard try parser.parseLimitClause() != nil else { throw parser.unexpected() }
        },
        "pipe_operator": { _ = try $0.parsePipeOperator() },
        "pipe_select": { _ = try $0.parsePipeSelect(from: 0) },
        "pipe_extend": { _ = try $0.parsePipeExtend(from: 0) },
        "pipe_set": { _ = try $0.parsePipeSet(from: 0) },
        "pipe_drop": { _ = try $0.parsePipeDrop(from: 0) },
        "pipe_rename": { _ = try $0.parsePipeRename(from: 0) },
        "pipe_as": { _ = try $0.parsePipeAs(from: 0) },
        "pipe_aggregate": { _ = try $0.parsePipeAggregate(from: 0) },
        "pipe_group_by": { parser in
            guard try parser.parsePipeGroupBy() != nil else { throw parser.unexpected() }
        },
        "pipe_item_list": { _ = try $0.parsePipeItemList() },
        "pipe_set_operation": { _ = try $0.parsePipeSetOperation(from: 0) },
        "expression": { _ = try $0.parseExpression() },
        "or_expression": { _ = try $0.parseOrExpression() },
        "and_expression": { _ = try $0.parseAndExpression() },
        "not_expression": { _ = try $0.parseNotExpression() },
        "comparison": { _ = try $0.parseComparison() },
        "comparison_operator": { parser in
            guard parser.parseComparisonOperator() != nil else { throw parser.unexpected() }
        },
        "null_test": { _ = try $0.parseNullTest(operand) },
        "in_list": { _ = try $0.parseInList(operand, isNegated: false) },
        "between_range": { _ = try $0.parseBetweenRange(operand, isNegated: false) },
        "like_pattern": { _ = try $0.parseLikePattern(operand, isNegated: false) },
        "concatenation": { _ = try $0.parseConcatenation() },
        "additive": { _ = try $0.parseAdditive() },
        "multiplicative": { _ = try $0.parseMultiplicative() },
        "unary": { _ = try $0.parseUnary() },
        "primary": { _ = try $0.parsePrimary() },
        "literal": { _ = try $0.parseLiteral() },
        "date_literal": { _ = try $0.parseDateLiteral() },
        "parenthesized": { _ = try $0.parseParenthesized() },
        "case_expression": { _ = try $0.parseCaseExpression() },
        "when_clause": { _ = try $0.parseWhenClause() },
        "cast_expression": { _ = try $0.parseCastExpression() },
        "type_name": { _ = try $0.parseTypeName() },
        "function_call": { _ = try $0.parseFunctionCall() },
        "window_specification": { _ = try $0.parseWindowSpecification() },
        "exists_expression": { _ = try $0.parseExistsExpression() },
        "extract_expression": { _ = try $0.parseExtractExpression() },
        "column_reference": { _ = try $0.parseColumnReference() },
        "name": { _ = try $0.parseName() },
    ]

    static func allRules() -> [GrammarRule] {
        (try? GrammarFile.rules()) ?? []
    }

    @Test func grammarHasRulesAndEachNameOnce() throws {
        let names = try GrammarFile.rules().map(\.name)
        #expect(names.count >= 60)
        #expect(Set(names).count == names.count, "a rule is defined twice")
        #expect(Set(names) == Set(GrammarTests.entries.keys), "rules and test entries differ")
    }

    @Test(arguments: allRules())
    func ruleHasItsParseFunctionQuotingIt(_ rule: GrammarRule) throws {
        let sources = try GrammarFile.parserSources()
        let comment = try #require(GrammarFile.docComment(of: rule.functionName, in: sources),
                                   "no func \(rule.functionName)( in Sources/InsqSyntax/Parser")
        #expect(comment.contains(rule.text), "the doc comment of \(rule.functionName) does not quote: \(rule.text)")
        let definitions = sources.map { $0.components(separatedBy: "func \(rule.functionName)(").count - 1 }
        #expect(definitions.reduce(0, +) == 1, "\(rule.functionName) must be defined exactly once")
    }

    @Test func everyParseFunctionHasARule() throws {
        let ruleFunctions = Set(try GrammarFile.rules().map(\.functionName))
        var found: [String] = []
        for source in try GrammarFile.parserSources() {
            for part in source.components(separatedBy: "func parse").dropFirst() {
                let name = "parse" + part.prefix { $0.isLetter || $0.isNumber }
                if name.count > 5, part.first?.isUppercase == true { found.append(name) }
            }
        }
        #expect(found.count >= 60)
        for name in found {
            #expect(ruleFunctions.contains(name), "\(name) has no rule in Grammar/insq.ebnf")
        }
    }

    @Test(arguments: allRules())
    func examplesParseWithTheirRule(_ rule: GrammarRule) throws {
        #expect(!rule.examples.isEmpty, "rule \(rule.name) has no (* e.g. ... *) example")
        let entry = try #require(GrammarTests.entries[rule.name])
        for example in rule.examples {
            var parser = Parser(SourceText(example))
            do {
                try entry(&parser)
                #expect(parser.isAtEnd, "\(rule.name): '\(example)' stops at \(parser.describeFound(parser.current))")
            } catch let diagnostic as Diagnostic {
                Issue.record("\(rule.name): \(DiagnosticRenderer.render(diagnostic, source: SourceText(example)))")
            }
        }
    }

    /// The keyword lists of keywords.txt and lexical.ebnf match the lexer's table.
    @Test func keywordListsMatchTheLexer() throws {
        let text = try RepositoryPaths.read(RepositoryPaths.grammar.appendingPathComponent("keywords.txt"))
        var section = ""
        var listed: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.isEmpty || word.hasPrefix("#") { continue }
            if word.hasPrefix("[") {
                section = word
                continue
            }
            listed[section, default: []].insert(word)
        }
        let reserved = Set(Keyword.allCases.filter(\.isReserved).map(\.rawValue))
        let nonReserved = Set(Keyword.allCases.filter { !$0.isReserved }.map(\.rawValue))
        #expect(listed["[reserved]"] == reserved)
        #expect(listed["[non-reserved]"] == nonReserved)
        #expect(listed.count == 2)

        let lexical = try RepositoryPaths.read(RepositoryPaths.grammar.appendingPathComponent("lexical.ebnf"))
        #expect(quotedWords(in: lexical, rule: "reserved_keyword") == reserved)
        #expect(quotedWords(in: lexical, rule: "non_reserved_keyword") == nonReserved)
    }

    /// The quoted words of `rule = "A" | "B" ... ;` in an EBNF text.
    private func quotedWords(in text: String, rule: String) -> Set<String> {
        guard let start = text.range(of: "\n" + rule + " ") else { return [] }
        let body = text[start.upperBound...].prefix { $0 != ";" }
        return Set(body.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
    }
}
