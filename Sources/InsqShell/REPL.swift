/// The interactive front end: reads lines from a `LineReader`, runs each statement as soon as its `;` is typed,
/// and shows a continuation prompt while a statement is unfinished.
public final class REPL {
    /// The prompt for a new statement.
    public static let prompt = "insq> "
    /// The prompt while a statement continues over more lines.
    public static let continuationPrompt = "  ...> "

    public let session: Session
    public let reader: LineReader

    public init(session: Session, reader: LineReader) {
        self.session = session
        self.reader = reader
    }

    /// Runs until Ctrl-D, the end of input or `.quit`; returns the exit code, 0.
    ///
    /// Ctrl-C while typing drops the line and any unfinished statement; an error drops the rest of its entry.
    /// Each entry (all the lines up to the point where no statement is pending) goes into the history once,
    /// as one item. With unsaved tables, quitting asks first; a second quit in a row does not ask again.
    @discardableResult
    public func run<Out: OutputSink, Err: OutputSink>(output: inout Out, errors: inout Err) -> Int32 {
        var splitter = StatementSplitter()
        var enteredLines: [String] = []
        var lineNumber = 0
        var declinedToQuit = false
        defer {
            session.closeOutputFiles(errors: &errors)
            output.flush()
            errors.flush()
        }
        while true {
            output.flush()
            errors.flush()
            let prompt = splitter.isPending ? Self.continuationPrompt : Self.prompt
            // Any Ctrl-C from here on is meant for what is about to be typed.
            session.cancellation.reset()
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                if confirmQuit(declinedBefore: &declinedToQuit, output: &output, errors: &errors) { return 0 }
            case .interrupted:
                splitter.reset()
                enteredLines.removeAll()
                declinedToQuit = false
            case let .line(text):
                var isQuitting = false
                lines: for line in StatementSplitter.lines(of: text) {
                    lineNumber += 1
                    enteredLines.append(line)
                    for input in splitter.feed(line: line, lineNumber: lineNumber) {
                        switch session.execute(input, in: nil, output: &output, errors: &errors) {
                        case .success:
                            continue
                        case .quit:
                            isQuitting = true
                            break lines
                        case .failure, .cancelled:
                            // The rest of what was entered with the failing statement is dropped.
                            splitter.reset()
                            break lines
                        }
                    }
                }
                if !splitter.isPending {
                    let entry = enteredLines.joined(separator: "\n")
                    if entry.contains(where: { !$0.isWhitespace }) { reader.addHistory(entry) }
                    enteredLines.removeAll()
                }
                if isQuitting {
                    if confirmQuit(declinedBefore: &declinedToQuit, output: &output, errors: &errors) { return 0 }
                    splitter.reset()
                    enteredLines.removeAll()
                } else if text.contains(where: { !$0.isWhitespace }) {
                    declinedToQuit = false
                }
            }
        }
    }

    /// Whether to leave: yes when nothing is unsaved, when the user already declined just before (a second
    /// `.quit` or Ctrl-D in a row), or when the answer is y or yes. Ctrl-D at the question also leaves.
    private func confirmQuit<Out: OutputSink, Err: OutputSink>(
        declinedBefore: inout Bool, output: inout Out, errors: inout Err
    ) -> Bool {
        guard let question = session.unsavedQuitQuestion, !declinedBefore else { return true }
        output.flush()
        errors.flush()
        switch reader.readLine(prompt: question) {
        case let .line(answer):
            if ["y", "yes"].contains(answer.trimmingBlanks().lowercased()) { return true }
        case .endOfInput:
            return true
        case .interrupted:
            break
        }
        declinedBefore = true
        return false
    }
}
