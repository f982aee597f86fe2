/// `.output [FILE]` and `.once FILE`: where results go. Output that goes to a file is flushed after every
/// input, so the file is complete whenever the prompt is back, even if insq is later killed.
extension Session {
    func setOutput(_ arguments: [String]) throws {
        guard arguments.count <= 1 else { throw MetaCommandError(message: "usage: .output [FILE]") }
        let file = try arguments.first.map { try OutputFile(path: $0) }
        let previous = outputFile
        outputFile = file
        if let message = previous?.close() { throw MetaCommandError(message: message) }
    }

    func setOnce(_ arguments: [String]) throws {
        guard arguments.count == 1 else { throw MetaCommandError(message: "usage: .once FILE") }
        let file = try OutputFile(path: arguments[0])
        let previous = onceFile
        onceFile = file
        if let message = previous?.close() { throw MetaCommandError(message: message) }
    }

    /// Closes the files of `.output` and `.once`, reporting a failed write; front ends call it when they end.
    public func closeOutputFiles<Err: TextOutputStream>(errors: inout Err) {
        for file in [onceFile, outputFile].compactMap({ $0 }) {
            if let message = file.close() { errors.write("Error: \(message)\n") }
        }
        onceFile = nil
        outputFile = nil
    }

    /// `.output`, `.once` and `.read` are never redirected: a `.read` file's inputs are routed one by one, so
    /// that a `.output` inside it takes effect at once.
    static func staysUnredirected(_ metaCommandLine: String) -> Bool {
        let word = metaCommandLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).first?.dropFirst() ?? ""
        guard let command = MetaCommand.named(String(word)) else { return false }
        return ["output", "once", "read"].contains(command.name)
    }
}
