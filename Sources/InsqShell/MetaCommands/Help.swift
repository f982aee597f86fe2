/// `.help`: the list of meta-commands.
extension Session {
    func showHelp<Out: TextOutputStream>(_ arguments: [String], output: inout Out) throws {
        output.write(Self.helpText)
    }

    /// Usages longer than this get a line of their own, so one long usage does not push every summary right.
    static let helpUsageWidth = 24
    /// Summaries are wrapped to fit an 80-column terminal.
    static let helpLineWidth = 79

    /// The text `.help` prints.
    static var helpText: String {
        let entries = MetaCommand.all.map { command -> (String, String) in
            let names = ([command.name] + command.aliases).map { "." + $0 }.joined(separator: ", ")
            let usage = command.arguments.isEmpty ? names : names + " " + command.arguments
            return (usage, command.summary)
        }
        let width = entries.map(\.0.count).filter { $0 <= helpUsageWidth }.max() ?? 0
        let indent = String(repeating: " ", count: width + 2)
        var text = ""
        for (usage, summary) in entries {
            let lines = wrapped(summary, width: helpLineWidth - indent.count)
            if usage.count > width {
                text += usage + "\n"
                text += lines.map { indent + $0 + "\n" }.joined()
            } else {
                text += usage + String(repeating: " ", count: width - usage.count + 2) + lines[0] + "\n"
                text += lines.dropFirst().map { indent + $0 + "\n" }.joined()
            }
        }
        text += "SQL statements end with \";\" and may span lines.\n"
        text += "Ctrl-C discards the line or cancels a running query or import; Ctrl-D exits.\n"
        return text
    }

    /// Words joined into lines of at most `width` characters (a longer word gets a line to itself).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines
    }
}
