import Foundation
import Testing
@testable import InsqSyntax

/// Paths of the repository, found from this file's path so that no resources need declaring.
enum RepositoryPaths {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let grammar = root.appendingPathComponent("Grammar")
    static let parserSources = root.appendingPathComponent("Sources/InsqSyntax/Parser")
    static let syntaxCases = root.appendingPathComponent("Tests/Syntax")

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}

/// Parsing helpers shared by the tests.
enum Parse {
    /// The statements of `text`, or the diagnostic thrown (any other error fails the test).
    static func result(_ text: String) -> Result<[Statement], Diagnostic> {
        do {
            return .success(try SQLParser.parseStatements(SourceText(text)))
        } catch let diagnostic as Diagnostic {
            return .failure(diagnostic)
        } catch {
            Issue.record("parser threw a non-Diagnostic error: \(error)")
            return .success([])
        }
    }

    /// The one query of `text`; records an issue (and returns nil) if it does not parse.
    static func query(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Query? {
        switch result(text) {
        case let .success(statements):
            guard statements.count == 1, case let .query(query) = statements[0] else {
                Issue.record("expected one query, got \(statements.count)", sourceLocation: sourceLocation)
                return nil
            }
            return query
        case let .failure(diagnostic):
            Issue.record("unexpected error: \(render(diagnostic, text))", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The select core of the one query of `text`.
    static func select(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SelectCore? {
        guard let query = query(text, sourceLocation: sourceLocation) else { return nil }
        guard case let .select(core) = query.body else {
            Issue.record("expected a plain SELECT, got \(shape(query))", sourceLocation: sourceLocation)
            return nil
        }
        return core
    }

    /// The expression of `SELECT <text>`.
    static func expression(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> InsqSyntax.Expression? {
        guard let core = select("SELECT " + text, sourceLocation: sourceLocation) else { return nil }
        guard core.items.count == 1, case let .expression(expression, _) = core.items[0] else {
            Issue.record("expected one expression item", sourceLocation: sourceLocation)
            return nil
        }
        return expression
    }

    /// The rendered diagnostic of `text`, or nil (recording an issue) when it parses.
    static func error(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String? {
        switch result(text) {
        case .success:
            Issue.record("expected an error for: \(text)", sourceLocation: sourceLocation)
            return nil
        case let .failure(diagnostic):
            return render(diagnostic, text)
        }
    }

    static func render(_ diagnostic: Diagnostic, _ text: String) -> String {
        DiagnosticRenderer.render(diagnostic, source: SourceText(text))
    }
}

/// SplitMix64: a small seeded generator, so that random tests fail the same way every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
