import InsqStorage
import InsqSyntax

/// COPY: the rows to write and how; the caller writes the file.
extension StatementContext {
    /// The options COPY knows, by the names DuckDB and PostgreSQL give them.
    private enum CopyOptionKind: CaseIterable {
        case header, delimiter, format

        var spellings: [String] {
            switch self {
            case .header: ["HEADER"]
            case .delimiter: ["DELIMITER", "DELIM", "SEP"]
            case .format: ["FORMAT"]
            }
        }
    }

    func copy(_ copy: CopyStatement) throws -> StatementOutcome {
        guard !copy.path.isEmpty else { throw Self.error("COPY needs a file name", copy.pathRange) }
        var header = true
        var delimiter = UInt8(ascii: ",")
        var seen: [CopyOptionKind] = []
        for option in copy.options {
            let spelled = option.name.name.uppercased()
            guard let kind = CopyOptionKind.allCases.first(where: { $0.spellings.contains(spelled) }) else {
                let known = CopyOptionKind.allCases.map { $0.spellings[0] }
                throw Self.error("unknown COPY option \"\(option.name.name)\"\(NameSuggestion.hint(for: spelled, among: known))",
                                 option.name.range)
            }
            guard !seen.contains(kind) else {
                throw Self.error("COPY option \(kind.spellings[0]) is given twice", option.name.range)
            }
            seen.append(kind)
            switch kind {
            case .header: header = try Self.headerValue(option)
            case .delimiter: delimiter = try Self.delimiterValue(option)
            case .format: try Self.checkFormat(option)
            }
        }
        let query: Query
        switch copy.source {
        case let .query(inner):
            query = inner
        case let .table(name):
            query = Query(body: .from(.table(name: name, alias: nil), range: name.range), range: name.range)
        }
        return .copy(try run(query), path: copy.path, header: header, delimiter: delimiter)
    }

    private static func headerValue(_ option: CopyOption) throws -> Bool {
        switch option.value {
        case nil: return true
        case let .literal(.boolean(value), _)?: return value
        case .literal(.number("1"), _)?: return true
        case .literal(.number("0"), _)?: return false
        case let value?: throw error("HEADER takes true or false", value.range)
        }
    }

    private static func delimiterValue(_ option: CopyOption) throws -> UInt8 {
        let problem = "DELIMITER takes one ASCII character in quotes, such as ';'"
        guard case let .literal(.string(text), range)? = option.value else {
            throw error(problem, option.value?.range ?? option.name.range)
        }
        let bytes = Array(text.utf8)
        // A quote or a line break would make the written file unreadable as CSV.
        guard bytes.count == 1, bytes[0] < 0x80, !"\"\n\r".utf8.contains(bytes[0]) else { throw error(problem, range) }
        return bytes[0]
    }

    private static func checkFormat(_ option: CopyOption) throws {
        let format: String?
        switch option.value {
        case let .name(name)?: format = name.name
        case let .literal(.string(text), _)?: format = text
        default: format = nil
        }
        guard format?.uppercased() == "CSV" else {
            throw error("COPY writes only FORMAT CSV", option.value?.range ?? option.name.range)
        }
    }
}
