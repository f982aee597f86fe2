/// A CSV file that could not be loaded, with the place to look: `file:line: column name: message`.
public struct CSVError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, for callers that react to the kind of failure rather than the text.
    public enum Kind: Equatable, Sendable {
        case unreadableFile
        case emptyFile
        case invalidUTF8
        case headerMismatch
        case wrongFieldCount
        case unterminatedQuote
        case textAfterClosingQuote
        case invalidValue
        /// A quote inside a field that does not start with one.
        case strayQuote
        /// A type override names a column the header does not have.
        case unknownColumn
        /// The caller's cancellation check said stop.
        case cancelled
    }

    public let kind: Kind
    /// The file as the caller named it.
    public let file: String
    /// 1-based physical line, or nil when the failure concerns the whole file.
    public let line: Int?
    /// The schema column the failing field belongs to, when known.
    public let column: String?
    public let message: String

    public init(kind: Kind, file: String, line: Int?, column: String? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += "column \(column): " }
        return text + message
    }
}
