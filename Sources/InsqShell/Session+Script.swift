/// Running many inputs in a row: scripts, `-c` text and `.read` files.
extension Session {
    /// Splits lines into inputs and runs them in order, stopping at the first that does not succeed.
    /// Errors are reported as `name:line:`. Returns `.success` when every input succeeded. `afterEach` runs
    /// after every input (the script runner flushes there when another program waits on each result).
    @discardableResult
    public func runScript<Lines: Sequence, Out: TextOutputStream, Err: TextOutputStream>(
        lines: Lines, name: String, output: inout Out, errors: inout Err,
        afterEach: ((inout Out, inout Err) -> Void)? = nil
    ) -> ExecutionOutcome where Lines.Element == String {
        var splitter = StatementSplitter()
        var lineNumber = 0
        for line in lines {
            lineNumber += 1
            for input in splitter.feed(line: line, lineNumber: lineNumber) {
                let outcome = execute(input, in: name, output: &output, errors: &errors)
                afterEach?(&output, &errors)
                if outcome != .success { return outcome }
            }
        }
        if let last = splitter.finish() {
            return execute(last, in: name, output: &output, errors: &errors)
        }
        return .success
    }

    /// Runs a whole script held in a string.
    @discardableResult
    public func runScript<Out: TextOutputStream, Err: TextOutputStream>(
        _ text: String, name: String, output: inout Out, errors: inout Err
    ) -> ExecutionOutcome {
        runScript(lines: StatementSplitter.lines(of: text), name: name, output: &output, errors: &errors)
    }
}
