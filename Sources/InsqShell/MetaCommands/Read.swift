/// `.read FILE`: runs a file's statements as a script, reporting errors as `FILE:line:`.
extension Session {
    func readFile<Out: TextOutputStream, Err: TextOutputStream>(
        _ arguments: [String], output: inout Out, errors: inout Err
    ) throws -> ExecutionOutcome {
        guard arguments.count == 1, let path = arguments.first else {
            throw MetaCommandError(message: "usage: .read FILE")
        }
        guard readDepth < Self.maximumReadDepth else {
            throw MetaCommandError(message: "\".read\" nested more than \(Self.maximumReadDepth) deep")
        }
        let text: String
        do {
            text = try FileText.read(path)
        } catch {
            throw MetaCommandError(message: error.description)
        }
        readDepth += 1
        defer { readDepth -= 1 }
        return runScript(text, name: path, output: &output, errors: &errors)
    }
}
