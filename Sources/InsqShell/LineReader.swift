/// What one attempt to read a line gave.
public enum LineReadResult: Hashable, Sendable {
    /// A line of input, without its final line break (it may hold inner line breaks when a multi-line
    /// statement is recalled from history).
    case line(String)
    /// The user pressed Ctrl-C: whatever was being typed is discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the input is gone.
    case endOfInput
}

/// A source of typed lines for the REPL: libedit on a terminal, a script in tests.
public protocol LineReader: AnyObject {
    /// Shows `prompt` and reads one line.
    func readLine(prompt: String) -> LineReadResult
    /// Records a complete entry (one or more lines) so that it can be recalled.
    func addHistory(_ entry: String)
}

/// A `LineReader` that replays prepared results and records what it was asked, for tests.
public final class ScriptedLineReader: LineReader {
    private var events: [LineReadResult]
    private var nextEvent = 0
    /// Every prompt shown, in order.
    public private(set) var prompts: [String] = []
    /// Every entry added to the history, in order.
    public private(set) var history: [String] = []

    /// Replays `events`, then reports the end of input.
    public init(_ events: [LineReadResult]) {
        self.events = events
    }

    /// Replays each string as a typed line.
    public convenience init(lines: [String]) {
        self.init(lines.map { LineReadResult.line($0) })
    }

    public func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        guard nextEvent < events.count else { return .endOfInput }
        defer { nextEvent += 1 }
        return events[nextEvent]
    }

    public func addHistory(_ entry: String) {
        history.append(entry)
    }
}
