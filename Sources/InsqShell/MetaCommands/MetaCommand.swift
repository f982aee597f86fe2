import InsqSyntax

/// A dot-command the shell knows: its name, arguments and summary, for dispatch, `.help` and completion.
public struct MetaCommand: Hashable, Sendable {
    /// The name without the dot, e.g. `schema`.
    public let name: String
    /// Other names for the same command.
    public let aliases: [String]
    /// How the arguments are written in `.help`, e.g. `[TABLE]`.
    public let arguments: String
    public let summary: String

    /// Every meta-command, in the order `.help` lists them.
    public static let all: [MetaCommand] = [
        MetaCommand(name: "help", aliases: [], arguments: "", summary: "Show this list of commands"),
        MetaCommand(name: "tables", aliases: [], arguments: "",
                    summary: "List the tables (rows, columns, memory) and the views"),
        MetaCommand(name: "memory", aliases: [], arguments: "",
                    summary: "Compare the tables' column bytes with the memory the process holds"),
        MetaCommand(name: "schema", aliases: [], arguments: "[TABLE]",
                    summary: "Show the columns of one table or all: types and meanings"),
        MetaCommand(name: "mode", aliases: [], arguments: "[table|csv|tsv|json|markdown]",
                    summary: "Set how results are printed (no argument: show it)"),
        MetaCommand(name: "output", aliases: [], arguments: "[FILE]",
                    summary: "Write all following results to FILE (no argument: back to standard output)"),
        MetaCommand(name: "once", aliases: [], arguments: "FILE",
                    summary: "Write only the next SQL statement's result to FILE"),
        MetaCommand(name: "timer", aliases: [], arguments: "on|off", summary: "Print each statement's run time"),
        MetaCommand(name: "read", aliases: [], arguments: "FILE", summary: "Run the statements in FILE"),
        MetaCommand(name: "import", aliases: [],
                    arguments: "FILE [TABLE] [--types COL=TYPE,...] [--skip-bad-rows] [--delimiter X]",
                    summary: "Load a CSV file as a table, named after the file; types are inferred, declared "
                        + "with --types, or those of persons, payments and regions when TABLE is one of them; "
                        + "--skip-bad-rows keeps the good rows and lists the bad; Ctrl-C cancels"),
        MetaCommand(name: "save", aliases: [], arguments: "FILE", summary: "Write every table and view to an insq snapshot"),
        MetaCommand(name: "open", aliases: [], arguments: "FILE",
                    summary: "Replace the tables and views with a snapshot's"),
        MetaCommand(name: "quit", aliases: ["exit"], arguments: "",
                    summary: "Leave insq (asks first when tables are unsaved)"),
    ]

    /// Every name and alias with its dot, e.g. `.schema`.
    public static var allNames: [String] {
        all.flatMap { [$0.name] + $0.aliases }.map { "." + $0 }
    }

    /// The command called `name` (without the dot, any case).
    static func named(_ name: String) -> MetaCommand? {
        let key = name.lowercased()
        return all.first { $0.name == key || $0.aliases.contains(key) }
    }
}

/// A meta-command that cannot run; the message is shown after `Error: `.
struct MetaCommandError: Error {
    let message: String
}

extension Session {
    /// Runs a line that starts with `.`.
    func executeMetaCommand<Out: TextOutputStream, Err: TextOutputStream>(
        _ line: String, at location: ScriptLocation?, output: inout Out, errors: inout Err
    ) -> ExecutionOutcome {
        do {
            let words = try Self.metaCommandWords(line)
            let typed = String(words.first?.dropFirst() ?? "")
            let arguments = Array(words.dropFirst())
            guard let command = MetaCommand.named(typed) else {
                var message = "unknown command \".\(typed)\""
                if let nearest = NameSuggestion.nearest(to: "." + typed, in: MetaCommand.allNames) {
                    message += "; did you mean \"\(nearest)\"?"
                }
                throw MetaCommandError(message: message + " Enter \".help\" for the list of commands.")
            }
            switch command.name {
            case "help": try showHelp(arguments, output: &output)
            case "tables": try listTables(arguments, output: &output)
            case "schema": try showSchema(arguments, output: &output)
            case "memory": try showMemory(arguments, output: &output)
            case "mode": try setMode(arguments, output: &output)
            case "output": try setOutput(arguments)
            case "once": try setOnce(arguments)
            case "timer": try setTimer(arguments)
            case "read": return try readFile(arguments, output: &output, errors: &errors)
            case "import": return try importCSV(arguments, output: &output, errors: &errors)
            case "save": try saveSnapshot(arguments, output: &output)
            case "open": try openSnapshot(arguments, output: &output)
            case "quit":
                try Self.expectArguments(arguments, count: 0, for: command)
                return .quit
            default: throw MetaCommandError(message: "\".\(command.name)\" is not implemented")
            }
            return .success
        } catch let error as MetaCommandError {
            report("Error: " + error.message, at: location, to: &errors)
            return .failure
        } catch {
            report("Error: \(error)", at: location, to: &errors)
            return .failure
        }
    }

    /// Splits a meta-command line into words at blanks; `'...'` and `"..."` group words with blanks.
    static func metaCommandWords(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var hasWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                hasWord = true
            } else if character == " " || character == "\t" || character == "\r" {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if let open = quote { throw MetaCommandError(message: "unterminated \(open) quote") }
        if hasWord { words.append(current) }
        return words
    }

    /// Throws a usage error unless exactly `count` arguments were given.
    static func expectArguments(_ arguments: [String], count: Int, for command: MetaCommand) throws {
        guard arguments.count == count else {
            throw usageError(for: command)
        }
    }

    static func usageError(for command: MetaCommand) -> MetaCommandError {
        let usage = command.arguments.isEmpty ? "" : " " + command.arguments
        return MetaCommandError(message: "usage: .\(command.name)\(usage)")
    }
}
