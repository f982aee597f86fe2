import InsqStorage

/// Reads `--types` lists of `.import`, such as `amount=DECIMAL(14,2),born=DATE`, with the type names SQL
/// uses in `CAST` (`INTEGER`, `NUMERIC(p,s)`, `VARCHAR(n)`, ...), so that users need not learn a second spelling.
enum ColumnTypeList {
    /// Column name to type; a column named twice is an error, since one of the two would be silently lost.
    static func parse(_ text: String) throws -> [String: DataType] {
        var types: [String: DataType] = [:]
        for item in splitAtTopLevelCommas(text) {
            let entry = item.trimmingBlanks()
            guard let equals = entry.firstIndex(of: "=") else {
                throw MetaCommandError(message: "--types: expected COLUMN=TYPE, not \"\(entry)\"")
            }
            let name = String(entry[..<equals]).trimmingBlanks()
            guard !name.isEmpty else { throw MetaCommandError(message: "--types: missing column name in \"\(entry)\"") }
            guard types.keys.allSatisfy({ $0.lowercased() != name.lowercased() }) else {
                throw MetaCommandError(message: "--types: column \"\(name)\" is given twice")
            }
            types[name] = try dataType(String(entry[entry.index(after: equals)...]))
        }
        guard !types.isEmpty else { throw MetaCommandError(message: "--types: expected COLUMN=TYPE,...") }
        return types
    }

    /// One type name with optional parameters, e.g. `DECIMAL(14, 2)` or `bigint`.
    static func dataType(_ text: String) throws -> DataType {
        let spelled = text.trimmingBlanks()
        var name = spelled
        var parameters: [Int] = []
        if let open = spelled.firstIndex(of: "(") {
            guard spelled.last == ")" else { throw unknownType(spelled) }
            name = String(spelled[..<open]).trimmingBlanks()
            let inside = spelled[spelled.index(after: open)..<spelled.index(before: spelled.endIndex)]
            for part in inside.split(separator: ",", omittingEmptySubsequences: false) {
                guard let number = Int(String(part).trimmingBlanks()) else { throw unknownType(spelled) }
                parameters.append(number)
            }
        }
        func plain(_ type: DataType) throws -> DataType {
            guard parameters.isEmpty else {
                throw MetaCommandError(message: "--types: type \(name.uppercased()) takes no parameters")
            }
            return type
        }
        switch name.uppercased() {
        case "BIGINT", "INTEGER", "INT", "INT8", "INT4", "SMALLINT", "LONG": return try plain(.bigint)
        case "DOUBLE", "REAL", "FLOAT", "FLOAT8": return try plain(.double)
        case "DATE": return try plain(.date)
        case "BOOLEAN", "BOOL": return try plain(.boolean)
        case "TEXT", "VARCHAR", "STRING", "CHAR": return .text
        case "DECIMAL", "NUMERIC":
            // The defaults of CAST(x AS DECIMAL): precision 18, scale 3 when neither is given.
            let precision = parameters.first ?? DataType.maxDecimalPrecision
            let scale = parameters.count > 1 ? parameters[1] : (parameters.isEmpty ? 3 : 0)
            guard parameters.count <= 2, precision >= 1, precision <= DataType.maxDecimalPrecision,
                  scale >= 0, scale <= precision else {
                throw MetaCommandError(message: "--types: DECIMAL takes a precision from 1 to "
                    + "\(DataType.maxDecimalPrecision) and a scale from 0 to the precision")
            }
            return .decimal(precision: precision, scale: scale)
        default:
            throw unknownType(spelled)
        }
    }

    private static func unknownType(_ text: String) -> MetaCommandError {
        MetaCommandError(message: "--types: unknown type \"\(text)\"; use BIGINT, DOUBLE, DECIMAL(p,s), DATE, BOOLEAN or TEXT")
    }

    /// Commas inside `DECIMAL(14,2)` belong to the type, not the list.
    private static func splitAtTopLevelCommas(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "," where depth == 0:
                items.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        if !current.trimmingBlanks().isEmpty || !items.isEmpty { items.append(current) }
        return items
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
