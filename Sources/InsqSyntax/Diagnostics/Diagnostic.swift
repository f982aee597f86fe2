/// The stage of processing that found a problem; it names the error in messages.
public enum DiagnosticPhase: String, Hashable, Sendable {
    case lexer = "Lexer"
    case parser = "Parser"
    case binder = "Binder"
    case execution = "Execution"
}

/// A problem in a statement: where, what, and which tokens would have been accepted.
public struct Diagnostic: Error, Hashable, Sendable {
    public var phase: DiagnosticPhase
    public var message: String
    public var range: SourceRange
    /// Token descriptions that would have been accepted at `range` (empty when not a syntax error).
    public var expected: [String]
    public init(phase: DiagnosticPhase, message: String, range: SourceRange, expected: [String] = []) {
        self.phase = phase
        self.message = message
        self.range = range
        self.expected = expected
    }
}
