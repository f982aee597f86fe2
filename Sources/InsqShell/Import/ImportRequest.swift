import InsqStorage

/// What one `.import` asks for: the file, the table and how to read it.
struct ImportRequest {
    var path: String
    /// The table's name; nil means named after the file.
    var table: String?
    /// Declared types from `--types`; other columns are inferred (or declared by a built-in table's name).
    var types: [String: DataType] = [:]
    var skipBadRows = false
    /// From `--delimiter`; nil sniffs it from the file.
    var delimiter: UInt8?

    static let usage = "usage: .import FILE [TABLE] [--types COL=TYPE,...] [--skip-bad-rows] [--delimiter X]"

    /// Reads the words after `.import`; options may come before, between or after FILE and TABLE, and
    /// `--option=value` is the same as `--option value`.
    static func parse(_ arguments: [String]) throws -> ImportRequest {
        var positional: [String] = []
        var types: [String: DataType]?
        var skipBadRows = false
        var delimiter: UInt8?
        var index = 0
        func value(of option: String, inline: String?) throws -> String {
            if let inline { return inline }
            index += 1
            guard index < arguments.count else { throw MetaCommandError(message: "\(option) needs a value; \(usage)") }
            return arguments[index]
        }
        while index < arguments.count {
            let word = arguments[index]
            guard word.hasPrefix("--") else {
                positional.append(word)
                index += 1
                continue
            }
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            let option = parts[0]
            let inline = parts.count > 1 ? parts[1] : (word.hasSuffix("=") ? "" : nil)
            switch option.lowercased() {
            case "--types":
                guard types == nil else { throw MetaCommandError(message: "--types is given twice") }
                types = try ColumnTypeList.parse(try value(of: option, inline: inline))
            case "--skip-bad-rows":
                guard inline == nil else { throw MetaCommandError(message: "--skip-bad-rows takes no value") }
                skipBadRows = true
            case "--delimiter":
                delimiter = try delimiterByte(try value(of: option, inline: inline))
            default:
                throw MetaCommandError(message: "unknown option \"\(option)\"; \(usage)")
            }
            index += 1
        }
        guard (1...2).contains(positional.count) else { throw MetaCommandError(message: usage) }
        return ImportRequest(path: positional[0], table: positional.count > 1 ? positional[1] : nil,
                             types: types ?? [:], skipBadRows: skipBadRows, delimiter: delimiter)
    }

    /// One ASCII character, or a name for those that are awkward to type or quote: `tab`, `\t`, `comma`,
    /// `semicolon`, `pipe`, `space`.
    static func delimiterByte(_ text: String) throws -> UInt8 {
        switch text.lowercased() {
        case "tab", "\\t": return 0x09
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        case "pipe": return UInt8(ascii: "|")
        case "space": return UInt8(ascii: " ")
        default: break
        }
        let bytes = Array(text.utf8)
        guard bytes.count == 1, bytes[0] < 0x80, bytes[0] != UInt8(ascii: "\""), bytes[0] != 0x0A, bytes[0] != 0x0D
        else {
            throw MetaCommandError(message: "--delimiter must be one ASCII character other than a quote or a line "
                + "break (or tab), not \"\(text)\"")
        }
        return bytes[0]
    }
}
