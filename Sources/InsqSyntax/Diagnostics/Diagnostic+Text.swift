extension Diagnostic: CustomStringConvertible {
    /// The message with the expected set folded in: `unexpected keyword FROM; expected an expression`.
    public var fullMessage: String {
        guard let expecting = DiagnosticMessages.expecting(expected) else { return message }
        return "\(message); \(expecting)"
    }

    /// `Parser error: <full message>`, without position or source (see `DiagnosticRenderer` for those).
    public var description: String {
        "\(phase.rawValue) error: \(fullMessage)"
    }
}
