/// One complete piece of input: a SQL statement through its `;`, or a dot meta-command line.
public struct CompleteInput: Hashable, Sendable {
    /// What the piece is.
    public enum Kind: Hashable, Sendable {
        case sql
        case metaCommand
    }

    /// The text, from its first non-blank character through the `;` (SQL) or the end of the line (meta-command).
    public var text: String
    /// The 1-based line where `text` starts.
    public var line: Int
    public var kind: Kind

    public init(text: String, line: Int, kind: Kind) {
        self.text = text
        self.line = line
        self.kind = kind
    }
}

/// Cuts input into complete statements, one line at a time.
///
/// A SQL statement is complete at a `;` that is outside string literals, quoted identifiers and comments.
/// A line that starts with `.` while no statement is pending is a meta-command, complete at the end of the line.
/// Lines holding only blanks and comments are dropped. The REPL feeds it each typed line and shows the
/// continuation prompt while `isPending`; the script runner feeds it each line of a file.
public struct StatementSplitter: Sendable {
    private enum State: Sendable {
        case normal
        case singleQuoted
        case doubleQuoted
        case backquoted
        case blockComment
    }

    private var state = State.normal
    /// UTF-8 bytes of the statement being collected, from its first non-blank byte.
    private var pending: [UInt8] = []
    private var pendingLine = 0
    /// Whether `pending` holds anything besides blanks and comments.
    private var hasContent = false

    public init() {}

    /// Whether an unfinished statement (or an open comment) waits for more lines.
    public var isPending: Bool { hasContent || state != .normal }

    /// Forgets any unfinished statement (Ctrl-C in the REPL).
    public mutating func reset() {
        self = StatementSplitter()
    }

    /// Adds one line (without its line break) and returns the inputs it completes, in order.
    public mutating func feed(line: String, lineNumber: Int) -> [CompleteInput] {
        var bytes = Array(line.utf8)
        if bytes.last == 0x0D { bytes.removeLast() }
        if !isPending {
            pending.removeAll()
            if let first = bytes.firstIndex(where: { !Self.isBlank($0) }), bytes[first] == UInt8(ascii: ".") {
                let text = String(decoding: bytes[first...], as: UTF8.self)
                return [CompleteInput(text: Self.trimmingTrailingBlanks(text), line: lineNumber, kind: .metaCommand)]
            }
        }
        if !pending.isEmpty { pending.append(0x0A) }

        var completed: [CompleteInput] = []
        var index = 0
        func take(_ count: Int) {
            if pending.isEmpty { pendingLine = lineNumber }
            pending.append(contentsOf: bytes[index..<(index + count)])
            index += count
        }
        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            switch state {
            case .normal:
                if byte == UInt8(ascii: "-") && next == UInt8(ascii: "-") {
                    take(bytes.count - index)
                } else if byte == UInt8(ascii: "/") && next == UInt8(ascii: "*") {
                    state = .blockComment
                    take(2)
                } else if byte == UInt8(ascii: ";") {
                    take(1)
                    if hasContent {
                        completed.append(CompleteInput(text: String(decoding: pending, as: UTF8.self),
                                                       line: pendingLine, kind: .sql))
                    }
                    pending.removeAll()
                    hasContent = false
                } else if Self.isBlank(byte) {
                    if pending.isEmpty { index += 1 } else { take(1) }
                } else {
                    switch byte {
                    case UInt8(ascii: "'"): state = .singleQuoted
                    case UInt8(ascii: "\""): state = .doubleQuoted
                    case UInt8(ascii: "`"): state = .backquoted
                    default: break
                    }
                    hasContent = true
                    take(1)
                }
            case .singleQuoted, .doubleQuoted, .backquoted:
                // A doubled quote closes and reopens the literal, which leaves the state right.
                if byte == closingQuote { state = .normal }
                take(1)
            case .blockComment:
                if byte == UInt8(ascii: "*") && next == UInt8(ascii: "/") {
                    state = .normal
                    take(2)
                } else {
                    take(1)
                }
            }
        }
        if !isPending { pending.removeAll() }
        return completed
    }

    /// Ends the input: returns an unfinished statement (without a `;`) if one holds anything but comments.
    public mutating func finish() -> CompleteInput? {
        defer { reset() }
        guard hasContent else { return nil }
        let text = Self.trimmingTrailingBlanks(String(decoding: pending, as: UTF8.self))
        return CompleteInput(text: text, line: pendingLine, kind: .sql)
    }

    /// Splits a whole script into its inputs; line numbers start at `firstLine`.
    public static func split(_ text: String, firstLine: Int = 1) -> [CompleteInput] {
        var splitter = StatementSplitter()
        var inputs: [CompleteInput] = []
        for (offset, line) in lines(of: text).enumerated() {
            inputs += splitter.feed(line: line, lineNumber: firstLine + offset)
        }
        if let last = splitter.finish() { inputs.append(last) }
        return inputs
    }

    /// Whether a buffer needs no more lines: every statement in it ends with `;` (or it holds only
    /// meta-commands, blanks and comments).
    public static func isComplete(_ buffer: String) -> Bool {
        var splitter = StatementSplitter()
        for (offset, line) in lines(of: buffer).enumerated() {
            _ = splitter.feed(line: line, lineNumber: offset + 1)
        }
        return !splitter.isPending
    }

    /// The lines of a text, split at `\n` (a `\r` before it is dropped by `feed`).
    public static func lines(of text: String) -> [String] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    private var closingQuote: UInt8 {
        switch state {
        case .doubleQuoted: return UInt8(ascii: "\"")
        case .backquoted: return UInt8(ascii: "`")
        default: return UInt8(ascii: "'")
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    private static func trimmingTrailingBlanks(_ text: String) -> String {
        var bytes = Array(text.utf8)
        while let last = bytes.last, isBlank(last) || last == 0x0A { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
