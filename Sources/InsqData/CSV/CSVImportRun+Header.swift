import InsqStorage

/// The header row, and the messages of bad records.
extension CSVImportRun {
    /// Reads the names (and delimiter) from the first record; declared types come from the options.
    mutating func readHeader(_ chunk: CSVChunkBuffer, isWholeFile: Bool) throws(CSVError) {
        let bytes = chunk.bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        delimiter = options.delimiter
            ?? CSVDelimiterSniffer.sniff(bytes, from: bom, isWholeFile: isWholeFile)
        let header = CSVTokenizer.tokenize(bytes, from: bom, delimiter: delimiter, columnCount: nil,
                                           invalidUTF8: CSVParseTask.invalidUTF8Offsets(bytes, from: bom))
        if let issue = header.issues.first {
            let partial = (0..<header.starts.count).map { _ in "" }
            names = partial
            let message: String
            let kind: CSVError.Kind
            switch issue.kind {
            case .unterminatedQuote: (kind, message) = (.unterminatedQuote, "unterminated quoted field")
            case .textAfterClosingQuote: (kind, message) = (.textAfterClosingQuote, "unexpected text after a closing quote")
            case .strayQuote: (kind, message) = (.strayQuote, "unexpected quote in an unquoted field")
            case .invalidUTF8: (kind, message) = (.invalidUTF8, "invalid UTF-8")
            case .fieldCount, .invalidValue: (kind, message) = (.headerMismatch, "unreadable header")
            }
            throw CSVError(kind: kind, file: path, line: 1 + issue.line, column: nil, message: "header: " + message)
        }
        guard !header.starts.isEmpty else { throw emptyFile() }
        var seen = Set<String>()
        names = []
        for i in header.starts.indices {
            let raw = UnsafeBufferPointer(rebasing: bytes[Int(header.starts[i])..<Int(header.ends[i])])
            var name = String(decoding: raw, as: UTF8.self)
            if header.flags[i] & CSVChunkFields.doubledQuotes != 0 { name = name.replacingQuotes() }
            if name.isEmpty { name = "column\(i + 1)" }
            var unique = name
            var k = 2
            while seen.contains(unique.lowercased()) {
                unique = "\(name)_\(k)"
                k += 1
            }
            seen.insert(unique.lowercased())
            names.append(unique)
        }
        headerEnd = header.end
        headerLineBreaks = header.lineBreaks
        declared = Array(repeating: nil, count: names.count)
        if let expected = options.expectedColumns {
            try checkHeader(against: expected)
            for (i, column) in expected.enumerated() { declared[i] = column.type == .null ? .text : column.type }
        }
        for (name, type) in options.types.sorted(by: { $0.key < $1.key }) {
            guard let i = names.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                throw CSVError(kind: .unknownColumn, file: path, line: nil,
                               message: "type given for unknown column \"\(name)\"; columns are \(names.joined(separator: ", "))")
            }
            declared[i] = type == .null ? .text : type
        }
    }

    /// The header must name `expected` exactly and in order (a declared schema, not a hint).
    func checkHeader(against expected: [ColumnSchema]) throws(CSVError) {
        func mismatch(_ message: String) -> CSVError {
            CSVError(kind: .headerMismatch, file: path, line: 1, message: message)
        }
        func shown(_ text: String) -> String { text.count <= 40 ? text : String(text.prefix(39)) + "…" }
        for (i, column) in expected.enumerated() where i < names.count && names[i] != column.name {
            throw mismatch("header column \(i + 1) is \"\(shown(names[i]))\", expected \"\(column.name)\"")
        }
        if names.count < expected.count {
            throw mismatch("header has \(names.count) columns, expected \(expected.count): missing \"\(expected[names.count].name)\"")
        }
        if names.count > expected.count {
            throw mismatch("header has \(names.count) columns, expected \(expected.count): unexpected \"\(shown(names[expected.count]))\"")
        }
    }

    func emptyFile() -> CSVError {
        CSVError(kind: .emptyFile, file: path, line: nil, message: "file is empty; expected a header row")
    }
    /// The one-line error of a bad record.
    func error(_ issue: CSVRowIssue, bytes: UnsafeBufferPointer<UInt8>, fields: CSVChunkFields,
                       lineBase: Int) -> CSVError {
        let line = lineBase + issue.line
        let column = issue.field < names.count ? names[issue.field] : nil
        func make(_ kind: CSVError.Kind, _ message: String, column: String? = column, line: Int = line) -> CSVError {
            CSVError(kind: kind, file: path, line: line, column: column, message: message)
        }
        switch issue.kind {
        case let .fieldCount(found):
            if found < names.count {
                return make(.wrongFieldCount, "missing field; expected \(names.count) fields, found \(found)")
            }
            return make(.wrongFieldCount, "expected \(names.count) fields, found \(found)", column: nil)
        case .unterminatedQuote: return make(.unterminatedQuote, "unterminated quoted field")
        case .textAfterClosingQuote: return make(.textAfterClosingQuote, "unexpected text after a closing quote")
        case .strayQuote: return make(.strayQuote, "unexpected quote in an unquoted field")
        case .invalidUTF8: return make(.invalidUTF8, "invalid UTF-8")
        case .invalidValue:
            let raw = UnsafeBufferPointer(rebasing: bytes[issue.start..<issue.end])
            var text = String(decoding: raw, as: UTF8.self).replacingQuotes()
            if text.count > 40 { text = String(text.prefix(39)) + "…" }
            var fieldLine = line
            let first = Int(fields.starts[issue.record * names.count])
            if first < issue.start {
                fieldLine += bytes[first..<issue.start].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            }
            let type = declared[issue.field]?.description ?? "value"
            return make(.invalidValue, "\"\(text)\" is not a \(type)", line: fieldLine)
        }
    }
}

extension String {
    /// `""` unescaped to `"`.
    func replacingQuotes() -> String {
        guard contains("\"") else { return self }
        var out = ""
        var previousWasQuote = false
        for ch in self {
            if ch == "\"" && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = ch == "\""
            out.append(ch)
        }
        return out
    }
}
