import InsqSyntax

/// A failure while running a query (overflow, a bad cast of a value), with where the failing expression was written.
struct ExecutionError: Error {
    let message: String
    let range: SourceRange?
    init(_ message: String, range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}
