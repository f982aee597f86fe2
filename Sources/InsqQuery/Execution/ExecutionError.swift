/// A failure while running a query (overflow, a bad cast of a value); the engine attaches the statement's range.
struct ExecutionError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
