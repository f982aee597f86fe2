import InsqStorage

/// Loads a CSV file with a header row into a table of a declared schema. A failed load returns nothing.
///
/// The header must name the schema's columns in order. Fields follow RFC 4180; an empty field is NULL.
/// Values are read as their column's type: BIGINT, DOUBLE, DECIMAL(p,s) (rounded to the scale, at most
/// p digits), DATE `YYYY-MM-DD`, BOOLEAN `true`/`false`/`1`/`0`, TEXT verbatim. Every error is a `CSVError`.
public enum CSVTableLoader {
    /// Loads the file at `path`; errors name the file as `path` is spelled.
    public static func load(path: String, tableName: String, schema: [ColumnSchema]) throws -> Table {
        let bytes = try FileBytes.contents(ofFile: path)
        return try load(bytes: bytes, sourceName: path, tableName: tableName, schema: schema)
    }

    /// Loads CSV text held in memory; `sourceName` stands for the file in error messages.
    public static func load(text: String, sourceName: String, tableName: String, schema: [ColumnSchema]) throws -> Table {
        try load(bytes: Array(text.utf8), sourceName: sourceName, tableName: tableName, schema: schema)
    }

    /// Loads CSV bytes held in memory; `sourceName` stands for the file in error messages.
    public static func load(bytes: [UInt8], sourceName: String, tableName: String, schema: [ColumnSchema]) throws -> Table {
        try bytes.withUnsafeBufferPointer { buffer in
            try loadTable(buffer, sourceName: sourceName, tableName: tableName, schema: schema)
        }
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

    private static func loadTable(_ bytes: UnsafeBufferPointer<UInt8>, sourceName: String, tableName: String,
                                  schema: [ColumnSchema]) throws(CSVError) -> Table {
        if let offset = UTF8Validation.firstInvalidOffset(bytes) {
            var line = 1
            for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") { line += 1 }
            throw CSVError(kind: .invalidUTF8, file: sourceName, line: line, message: "invalid UTF-8")
        }
        var reader = CSVReader(bytes)
        var fields: [CSVField] = []
        guard try readRecord(&reader, &fields, sourceName: sourceName, schema: nil) else {
            throw CSVError(kind: .emptyFile, file: sourceName, line: nil, message: "file is empty; expected a header row")
        }
        try checkHeader(fields, reader: reader, sourceName: sourceName, schema: schema)

        var parsers = schema.map { CSVColumnParser(type: $0.type) }
        while try readRecord(&reader, &fields, sourceName: sourceName, schema: schema) {
            guard fields.count == schema.count else {
                throw CSVError(kind: .wrongFieldCount, file: sourceName, line: reader.recordLine,
                               message: "expected \(schema.count) fields, found \(fields.count)")
            }
            for (i, field) in fields.enumerated() where !parsers[i].append(field, from: reader) {
                let shown = displayed(reader.text(of: field))
                throw CSVError(kind: .invalidValue, file: sourceName, line: field.line, column: schema[i].name,
                               message: "\"\(shown)\" is not a \(schema[i].type)")
            }
        }
        return Table(name: tableName, schema: schema, columns: parsers.map { $0.build() })
    }

    /// Reads one record, naming the failing column (from `schema`, when given) in reader errors.
    private static func readRecord(_ reader: inout CSVReader, _ fields: inout [CSVField], sourceName: String,
                                   schema: [ColumnSchema]?) throws(CSVError) -> Bool {
        do {
            return try reader.readRecord(into: &fields)
        } catch {
            let column = schema.flatMap { error.fieldIndex < $0.count ? $0[error.fieldIndex].name : nil }
            switch error.kind {
            case .unterminatedQuote:
                throw CSVError(kind: .unterminatedQuote, file: sourceName, line: error.line, column: column,
                               message: "unterminated quoted field")
            case .textAfterClosingQuote:
                throw CSVError(kind: .textAfterClosingQuote, file: sourceName, line: error.line, column: column,
                               message: "unexpected text after a closing quote")
            }
        }
    }

    private static func checkHeader(_ fields: [CSVField], reader: CSVReader, sourceName: String,
                                    schema: [ColumnSchema]) throws(CSVError) {
        let names = fields.map { reader.text(of: $0) }
        func mismatch(_ message: String) -> CSVError {
            CSVError(kind: .headerMismatch, file: sourceName, line: reader.recordLine, message: message)
        }
        for (i, column) in schema.enumerated() where i < names.count && names[i] != column.name {
            throw mismatch("header column \(i + 1) is \"\(displayed(names[i]))\", expected \"\(column.name)\"")
        }
        if names.count < schema.count {
            throw mismatch("header has \(names.count) columns, expected \(schema.count): missing \"\(schema[names.count].name)\"")
        }
        if names.count > schema.count {
            throw mismatch("header has \(names.count) columns, expected \(schema.count): unexpected \"\(displayed(names[schema.count]))\"")
        }
    }

    /// Field text as shown in an error: at most 40 characters.
    private static func displayed(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(39)) + "…"
    }
}
