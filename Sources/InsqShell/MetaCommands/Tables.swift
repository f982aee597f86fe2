/// `.tables`: the names of the catalog's tables.
extension Session {
    func listTables<Out: TextOutputStream>(_ arguments: [String], output: inout Out) throws {
        if let command = MetaCommand.named("tables") {
            try Self.expectArguments(arguments, count: 0, for: command)
        }
        for name in catalog.tableNames {
            output.write(name + "\n")
        }
    }
}
