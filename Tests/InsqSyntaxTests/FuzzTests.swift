import Foundation
import Testing
@testable import InsqSyntax

/// Random inputs, seeded so a failure repeats: every one must give statements or a Diagnostic whose
/// range lies inside the text, and nothing may trap. (`RobustnessTests.check` does the checking.)
struct FuzzTests {
    /// Words and symbols that random token soups are made of: every keyword and operator, plus names,
    /// literals, comments and broken tokens.
    static let vocabulary: [String] = Keyword.allCases.map(\.rawValue) + [
        "+", "-", "*", "/", "%", "||", "=", "==", "<>", "!=", "<", "<=", ">", ">=", "(", ")", ",", ".", ";", "|>",
        "a", "persons", "p", "name", "date", "year", "\"quoted\"", "\"\"", "西宁", "Hà", "42", "3.50", ".5", "1e3",
        "1e", "12abc", "'text'", "'it''s'", "'", "\"", "-- comment\n", "/* c */", "/*", "!", "|", "?", "，", "\t",
        "\n", "DECIMAL(14,2)", "COUNT(*)", "\u{FFFD}", "\u{0}", "\u{200B}",
        // Phrases of the query level, subqueries, windows and pipes, so that soups reach those rules.
        "(SELECT 1)", "(SELECT", "(FROM t", "EXISTS (", "IN (SELECT", "WITH t AS (", "UNION ALL", "EXCEPT", "INTERSECT",
        "OVER ()", "OVER (PARTITION BY", "ORDER BY", "ROWS", "EXTRACT(YEAR FROM d)", "CURRENT_DATE", "|> WHERE",
        "|> SELECT", "|> EXTEND", "|> SET a =", "|> DROP", "|> RENAME a AS", "|> AS t", "|> AGGREGATE",
        "GROUP BY", "|> ORDER BY", "|> LIMIT 1", "|> JOIN t USING (a)", "|> UNION ALL (", "|> DISTINCT", ") t",
    ]

    @Test func randomByteStrings() {
        var random = SeededGenerator(seed: 0x1A5C)
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...40, using: &random)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            RobustnessTests.check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func randomPrintableText() {
        var random = SeededGenerator(seed: 0xC0FFEE)
        let alphabet = Array("SELECT FROM WHERE abc_12 ().,;*+-/%|<>=!'\"\n\t-/*")
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...60, using: &random)
            RobustnessTests.check(String((0..<length).map { _ in alphabet.randomElement(using: &random) ?? " " }))
        }
    }

    @Test func randomTokenSoups() {
        var random = SeededGenerator(seed: 0x5EED)
        for _ in 0..<4_000 {
            let count = Int.random(in: 0...30, using: &random)
            var words = (0..<count).map { _ in FuzzTests.vocabulary.randomElement(using: &random) ?? "" }
            switch Int.random(in: 0..<4, using: &random) {
            case 0: words.insert("SELECT", at: 0)
            case 1: words.insert("FROM t |>", at: 0)
            default: break
            }
            RobustnessTests.check(words.joined(separator: Bool.random(using: &random) ? " " : ""))
        }
    }

    /// Valid queries from the golden corpus with tokens deleted, duplicated, swapped or replaced: close to
    /// real mistakes, so they reach deep into the grammar.
    @Test func mutatedValidQueries() throws {
        let folder = RepositoryPaths.syntaxCases.appendingPathComponent("ok")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(!names.isEmpty)
        var random = SeededGenerator(seed: 0xBADC0DE)
        var errors = 0
        var parsed = 0
        for name in names {
            let source = SourceText(try RepositoryPaths.read(folder.appendingPathComponent(name)))
            let tokens = Lexer.tokenize(source).dropLast().map { source.slice($0.range) }
            for _ in 0..<120 {
                var mutated = tokens
                for _ in 0..<Int.random(in: 1...3, using: &random) where !mutated.isEmpty {
                    let at = Int.random(in: 0..<mutated.count, using: &random)
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: mutated.remove(at: at)
                    case 1: mutated.insert(mutated[at], at: at)
                    case 2: mutated.swapAt(at, Int.random(in: 0..<mutated.count, using: &random))
                    default: mutated[at] = FuzzTests.vocabulary.randomElement(using: &random) ?? ""
                    }
                }
                if RobustnessTests.check(mutated.joined(separator: " ")) == nil { parsed += 1 } else { errors += 1 }
            }
        }
        // Both outcomes occur, so the mutations neither always break nor never break the queries.
        #expect(errors > 100)
        #expect(parsed > 100)
    }
}
