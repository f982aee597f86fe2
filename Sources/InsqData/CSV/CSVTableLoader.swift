import InsqStorage

/// Loads a CSV file with a header row into a table of a declared schema. A failed load returns nothing.
///
/// A thin front on `CSVImporter` with `expectedColumns` set, so that there is one CSV reader: the header must
/// name the schema's columns in order, and values are read as their column's type (BIGINT, DOUBLE,
/// DECIMAL(p,s) rounded to the scale with at most p digits, DATE `YYYY-MM-DD`, BOOLEAN `true`/`false`/`1`/`0`,
/// TEXT verbatim; an empty field is NULL). Every error is a `CSVError`.
public enum CSVTableLoader {
    /// Loads the file at `path`; errors name the file as `path` is spelled.
    public static func load(path: String, tableName: String, schema: [ColumnSchema]) throws -> Table {
        try CSVImporter.importFile(path: path, tableName: tableName, options: options(schema)).table
    }

    /// Loads CSV text held in memory; `sourceName` stands for the file in error messages.
    public static func load(text: String, sourceName: String, tableName: String, schema: [ColumnSchema]) throws -> Table {
        try load(bytes: Array(text.utf8), sourceName: sourceName, tableName: tableName, schema: schema)
    }

    /// Loads CSV bytes held in memory; `sourceName` stands for the file in error messages.
    public static func load(bytes: [UInt8], sourceName: String, tableName: String, schema: [ColumnSchema]) throws -> Table {
        try CSVImporter.importBytes(bytes, sourceName: sourceName, tableName: tableName, options: options(schema)).table
    }

    /// Loads `regions.csv`, `persons.csv` and `payments.csv` from `directory` with the built-in schemas.
    public static func loadBuiltinFixtures(directory: String) throws -> Catalog {
        var catalog = Catalog()
        let prefix = directory.isEmpty || directory.hasSuffix("/") ? directory : directory + "/"
        for (name, schema) in BuiltinSchemas.all {
            catalog.add(try load(path: prefix + name + ".csv", tableName: name, schema: schema))
        }
        return catalog
    }

    /// A declared schema, and the comma as delimiter: a one-column file must not be sniffed as something else.
    private static func options(_ schema: [ColumnSchema]) -> CSVImportOptions {
        CSVImportOptions(delimiter: UInt8(ascii: ","), expectedColumns: schema)
    }
}
