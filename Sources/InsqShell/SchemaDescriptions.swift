import InsqStorage

/// What tables and columns mean, for `.schema`: the built-in tables' entries in `DataDictionary`.
enum SchemaDescriptions {
    /// The table's description, or nil for a table the dictionary does not know.
    static func meaning(table: String) -> String? {
        DataDictionary.meaning(table: table)
    }

    /// The column's one-line meaning, or nil.
    static func meaning(table: String, column: String) -> String? {
        DataDictionary.meaning(table: table, column: column)
    }
}
