/// Reads insq's sqllogictest dialect (DESIGN.md, "Tests: queries as text files").
///
/// A record is a header line, SQL lines, and optionally `----` followed by expected lines; a blank line
/// ends it. Lines starting with `#` between records are comments; leading `# name:` and
/// `# description:` comments describe the file. `skipif sqlite` applies to the record after it.
public enum TestScriptParser {
    public static func parse(_ text: String) throws(TestScriptSyntaxError) -> TestScript {
        // "\r\n" is a single Character in Swift, so it is a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        // A final line break does not start another (empty) line.
        if lines.count > 1, lines.last == "" { lines.removeLast() }

        var script = TestScript(name: nil, description: nil, records: [], lines: lines)
        var skipLine: Int? = nil
        var index = 0
        var seenRecord = false

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { index += 1; continue }
            if trimmed.hasPrefix("#") {
                if !seenRecord { readHeaderComment(trimmed, into: &script) }
                index += 1
                continue
            }
            let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let lineNumber = index + 1
            switch words[0] {
            case "skipif":
                guard words.count == 2 else {
                    throw TestScriptSyntaxError(line: lineNumber, message: "expected `skipif sqlite`")
                }
                guard words[1] == "sqlite" else {
                    throw TestScriptSyntaxError(line: lineNumber, message: "unknown engine \"\(words[1])\" after skipif; only sqlite is known")
                }
                if skipLine != nil {
                    throw TestScriptSyntaxError(line: lineNumber, message: "skipif must be followed by a record")
                }
                skipLine = lineNumber
                index += 1
                continue
            case "load":
                guard words == ["load", "fixtures"] else {
                    throw TestScriptSyntaxError(line: lineNumber, message: "expected `load fixtures`")
                }
                if let skip = skipLine {
                    throw TestScriptSyntaxError(line: skip, message: "skipif applies only to query and statement records")
                }
                script.records.append(.loadFixtures(line: lineNumber))
                index += 1
            case "query":
                let record = try parseQuery(words: words, lines: lines, at: index, skipsSQLite: skipLine != nil)
                script.records.append(.query(record))
                index = record.layout.expectationLines?.upperBound ?? record.layout.sqlEnd
            case "statement":
                let record = try parseStatement(header: trimmed, words: words, lines: lines, at: index,
                                                skipsSQLite: skipLine != nil)
                script.records.append(.statement(record))
                index = record.layout.expectationLines?.upperBound ?? record.layout.sqlEnd
            default:
                throw TestScriptSyntaxError(line: lineNumber,
                    message: "unknown record \"\(words[0])\"; expected query, statement, load, skipif or a # comment")
            }
            seenRecord = true
            skipLine = nil
        }
        if let skip = skipLine {
            throw TestScriptSyntaxError(line: skip, message: "skipif at the end of the file applies to nothing")
        }
        return script
    }

    private static func readHeaderComment(_ line: String, into script: inout TestScript) {
        let body = line.dropFirst().trimmingSpaces()
        if body.hasPrefix("name:") {
            script.name = body.dropFirst("name:".count).trimmingSpaces()
        } else if body.hasPrefix("description:") {
            script.description = body.dropFirst("description:".count).trimmingSpaces()
        }
    }

    private static func parseQuery(words: [String], lines: [String], at index: Int,
                                   skipsSQLite: Bool) throws(TestScriptSyntaxError) -> QueryRecord {
        let lineNumber = index + 1
        guard words.count >= 2 else {
            throw TestScriptSyntaxError(line: lineNumber, message: "expected column types after query, e.g. `query IT`")
        }
        guard let types = ColumnTypeCode.parse(words[1]) else {
            throw TestScriptSyntaxError(line: lineNumber,
                message: "bad column types \"\(words[1])\"; use I (BIGINT), R (DOUBLE), N (DECIMAL), T (TEXT), D (DATE), B (BOOLEAN), ? (any)")
        }
        var sortMode: SortMode? = nil
        var checksColumnNames = false
        for option in words.dropFirst(2) {
            if let mode = SortMode(rawValue: option) {
                guard sortMode == nil else {
                    throw TestScriptSyntaxError(line: lineNumber, message: "more than one sort mode")
                }
                sortMode = mode
            } else if option == "colnames" {
                checksColumnNames = true
            } else {
                throw TestScriptSyntaxError(line: lineNumber,
                    message: "unknown query option \"\(option)\"; expected nosort, rowsort, valuesort or colnames")
            }
        }
        let (sql, sqlEnd) = try readSQL(lines: lines, after: index)
        let (expected, block) = readBlock(lines: lines, at: sqlEnd)
        return QueryRecord(
            layout: RecordLayout(headerLine: index, sqlEnd: sqlEnd, expectationLines: block),
            types: types, sortMode: sortMode ?? .nosort, checksColumnNames: checksColumnNames,
            sql: sql, expected: expected, skipsSQLite: skipsSQLite, headerOptions: Array(words.dropFirst(2)))
    }

    private static func parseStatement(header: String, words: [String], lines: [String], at index: Int,
                                       skipsSQLite: Bool) throws(TestScriptSyntaxError) -> StatementRecord {
        let lineNumber = index + 1
        let outcome: StatementRecord.Outcome
        switch words.count >= 2 ? words[1] : "" {
        case "ok":
            guard words.count == 2 else {
                throw TestScriptSyntaxError(line: lineNumber, message: "nothing may follow `statement ok`")
            }
            outcome = .ok
        case "error":
            // The substring is the rest of the header, spaces included.
            var rest = Substring(header).dropFirst("statement".count).trimmingSpaces()
            rest = String(rest.dropFirst("error".count)).trimmingSpaces()
            outcome = .error(substring: rest.isEmpty ? nil : rest)
        default:
            throw TestScriptSyntaxError(line: lineNumber, message: "expected `statement ok` or `statement error`")
        }
        let (sql, sqlEnd) = try readSQL(lines: lines, after: index)
        let (expected, block) = readBlock(lines: lines, at: sqlEnd)
        if outcome == .ok, block != nil {
            throw TestScriptSyntaxError(line: sqlEnd + 1, message: "`statement ok` takes no ---- block")
        }
        return StatementRecord(layout: RecordLayout(headerLine: index, sqlEnd: sqlEnd, expectationLines: block),
                               outcome: outcome, sql: sql, expectedDiagnostic: expected, skipsSQLite: skipsSQLite)
    }

    /// SQL lines after the header up to `----`, a blank line or the end of the file.
    private static func readSQL(lines: [String], after header: Int) throws(TestScriptSyntaxError) -> (String, Int) {
        var end = header + 1
        while end < lines.count, !lines[end].trimmingSpaces().isEmpty, lines[end] != "----" { end += 1 }
        guard end > header + 1 else {
            throw TestScriptSyntaxError(line: header + 1, message: "record has no SQL")
        }
        return (lines[(header + 1)..<end].joined(separator: "\n"), end)
    }

    /// The `----` block at `start`, if there is one: its lines up to a blank line or the end of the file.
    private static func readBlock(lines: [String], at start: Int) -> ([String]?, Range<Int>?) {
        guard start < lines.count, lines[start] == "----" else { return (nil, nil) }
        var end = start + 1
        while end < lines.count, !lines[end].trimmingSpaces().isEmpty { end += 1 }
        return (Array(lines[(start + 1)..<end]), start..<end)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
