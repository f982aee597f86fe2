/// `.help`: the list of meta-commands.
extension Session {
    func showHelp<Out: TextOutputStream>(_ arguments: [String], output: inout Out) throws {
        output.write(Self.helpText)
    }

    /// The text `.help` prints.
    static var helpText: String {
        let entries = MetaCommand.all.map { command -> (String, String) in
            let names = ([command.name] + command.aliases).map { "." + $0 }.joined(separator: ", ")
            let usage = command.arguments.isEmpty ? names : names + " " + command.arguments
            return (usage, command.summary)
        }
        let width = entries.map(\.0.count).max() ?? 0
        var text = ""
        for (usage, summary) in entries {
            text += usage + String(repeating: " ", count: width - usage.count + 2) + summary + "\n"
        }
        text += "SQL statements end with \";\" and may span lines. "
        text += "Ctrl-C discards the line or cancels a running query; Ctrl-D exits.\n"
        return text
    }
}
