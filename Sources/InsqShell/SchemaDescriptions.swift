import InsqStorage

/// What tables and columns mean, for `.schema`.
///
/// ADAPTER — wire to `InsqStorage.DataDictionary` once it lands (Sources/InsqStorage/DataDictionary.swift):
/// replace both bodies with calls to `DataDictionary.meaning(table:)` / `DataDictionary.meaning(table:column:)`.
enum SchemaDescriptions {
    static func meaning(table: String) -> String? {
        nil
    }

    static func meaning(table: String, column: String) -> String? {
        nil
    }
}
