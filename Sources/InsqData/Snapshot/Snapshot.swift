import InsqStorage

/// What a snapshot file holds: a session's tables (with their dictionary text) and its views as SQL text.
public struct Snapshot: Sendable {
    public var tables: [Table]
    /// Views in definition order, each kept as the SQL text of its query.
    public var views: [(name: String, sql: String)]

    public init(tables: [Table], views: [(name: String, sql: String)] = []) {
        self.tables = tables
        self.views = views
    }
}

/// Why a snapshot could not be written or read; `description` is one line that names the file.
public struct SnapshotError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The file does not start like an insq snapshot (a CSV, an empty file, anything else).
        case notASnapshot
        /// A later insq wrote it, in a format version this one does not read.
        case newerFormat
        /// The file ends before the snapshot does.
        case truncated
        /// A checksum does not match: the bytes changed after they were written.
        case checksumMismatch
        /// The bytes are checksummed correctly but do not make sense (or cannot be stored, when writing).
        case malformed
        /// The system refused to open, read, write, flush or rename.
        case io
    }

    public let kind: Kind
    /// The path as the caller gave it.
    public let file: String
    public let message: String

    public init(_ kind: Kind, file: String, _ message: String) {
        self.kind = kind
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
