import InsqSyntax

/// `.mode`: how results are printed.
extension Session {
    func setMode<Out: TextOutputStream>(_ arguments: [String], output: inout Out) throws {
        guard let word = arguments.first else {
            output.write("current output mode: \(mode.rawValue)\n")
            return
        }
        let names = OutputMode.allCases.map(\.rawValue)
        guard arguments.count == 1, let newMode = OutputMode(rawValue: word.lowercased()) else {
            var message = "unknown mode \"\(arguments.joined(separator: " "))\"; choose one of "
                + names.joined(separator: ", ")
            if arguments.count == 1, let nearest = NameSuggestion.nearest(to: word, in: names) {
                message = "unknown mode \"\(word)\"; did you mean \"\(nearest)\"?"
            }
            throw MetaCommandError(message: message)
        }
        mode = newMode
    }
}
