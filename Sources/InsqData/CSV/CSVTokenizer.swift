/// A record that could not be read, found while tokenizing or parsing a chunk.
struct CSVRowIssue: Sendable {
    enum Kind: Sendable {
        case fieldCount(found: Int)
        case unterminatedQuote
        case textAfterClosingQuote
        case strayQuote
        case invalidUTF8
        case invalidValue
    }
    var kind: Kind
    /// Line of the record's start, counted from the chunk's first line (0-based).
    var line: Int
    /// Index of the failing field within its record.
    var field: Int
    /// The record's index among the chunk's good records, and the byte range of the failing value
    /// (for `.invalidValue`).
    var record = 0
    var start = 0
    var end = 0
}

/// The fields of a chunk's good records, record-major: field `c` of record `r` is at `r * columnCount + c`.
struct CSVChunkFields {
    let columnCount: Int
    var starts: [UInt32] = []
    var ends: [UInt32] = []
    /// Bit 0: the field was quoted; bit 1: it holds doubled quotes.
    var flags: [UInt8] = []
    /// Line of each good record's start, relative to the chunk's first line.
    var lines: [Int32] = []
    var issues: [CSVRowIssue] = []
    /// Where tokenizing stopped (the end of the chunk, or after one record in header mode).
    var end = 0
    /// Line breaks consumed up to `end`.
    var lineBreaks = 0

    var recordCount: Int { lines.count }

    static let quoted: UInt8 = 1
    static let doubledQuotes: UInt8 = 2
}

/// Splits a chunk that starts at a record start into records and fields (RFC 4180, any one-byte delimiter).
///
/// Record ends are line breaks outside quotes, the same rule that the chunker uses to cut chunks, so a
/// malformed record never shifts the records after it. Blank lines are skipped when a record has several fields.
enum CSVTokenizer {
    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// Tokenizes `bytes[from...]`; with `columnCount` nil, reads only the first record (the header), any width.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, delimiter: UInt8, columnCount: Int?,
                         invalidUTF8: [Int] = []) -> CSVChunkFields {
        let headerMode = columnCount == nil
        let width = columnCount ?? 0
        var out = CSVChunkFields(columnCount: width)
        guard let p = bytes.baseAddress else { return out }
        let n = bytes.count
        // Every record stores at most one field per byte it spans plus one, so 2n + 2 + width bounds the
        // fields; the arrays are reserved (not touched) at that size and written through pointers.
        let fieldCapacity = 2 * n + 2 + width
        var fieldCount = 0
        var recordCount = 0
        var issues: [CSVRowIssue] = []
        var pos = from
        var line = 0
        let starts = [UInt32](unsafeUninitializedCapacity: fieldCapacity) { startsBuffer, startsCount in
        out.ends = [UInt32](unsafeUninitializedCapacity: fieldCapacity) { endsBuffer, endsCount in
        out.flags = [UInt8](unsafeUninitializedCapacity: fieldCapacity) { flagsBuffer, flagsCount in
        out.lines = [Int32](unsafeUninitializedCapacity: n + 2) { linesBuffer, linesCount in
        var badIndex = 0
        let skipBlank = headerMode || width > 1
        records: while pos < n {
            if skipBlank {
                if p[pos] == lf { line += 1; pos += 1; continue }
                if p[pos] == cr && (pos + 1 == n || p[pos + 1] == lf) { line += 1; pos += min(2, n - pos); continue }
            }
            let recordStart = pos
            let recordLine = line
            let mark = fieldCount
            var field = 0
            var issue: CSVRowIssue? = nil
            fields: while true {
                var fieldFlags: UInt8 = 0
                let fieldStart: Int
                let fieldEnd: Int
                if pos < n && p[pos] == quote {
                    pos += 1
                    fieldStart = pos
                    fieldFlags = CSVChunkFields.quoted
                    while pos < n {
                        let c = p[pos]
                        if c == quote {
                            if pos + 1 < n && p[pos + 1] == quote {
                                fieldFlags |= CSVChunkFields.doubledQuotes
                                pos += 2
                                continue
                            }
                            break
                        }
                        if c == lf { line += 1 }
                        pos += 1
                    }
                    if pos >= n {
                        issue = CSVRowIssue(kind: .unterminatedQuote, line: recordLine, field: field)
                        line = recordLine
                        pos = resync(p, recordStart, n, &line)
                        break fields
                    }
                    fieldEnd = pos
                    pos += 1
                    if pos < n {
                        let c = p[pos]
                        if !(c == delimiter || c == lf || (c == cr && (pos + 1 == n || p[pos + 1] == lf))) {
                            issue = CSVRowIssue(kind: .textAfterClosingQuote, line: recordLine, field: field)
                            line = recordLine
                            pos = resync(p, recordStart, n, &line)
                            break fields
                        }
                    }
                } else {
                    fieldStart = pos
                    while pos < n {
                        let c = p[pos]
                        if c == delimiter || c == lf { break }
                        if c == quote {
                            issue = CSVRowIssue(kind: .strayQuote, line: recordLine, field: field)
                            break
                        }
                        pos += 1
                    }
                    if issue != nil {
                        line = recordLine
                        pos = resync(p, recordStart, n, &line)
                        break fields
                    }
                    var e = pos
                    if e > fieldStart && p[e - 1] == cr && (pos == n || p[pos] == lf) { e -= 1 }
                    fieldEnd = e
                }
                if headerMode || field < width {
                    startsBuffer[fieldCount] = UInt32(truncatingIfNeeded: fieldStart)
                    endsBuffer[fieldCount] = UInt32(truncatingIfNeeded: fieldEnd)
                    flagsBuffer[fieldCount] = fieldFlags
                    fieldCount += 1
                }
                if badIndex < invalidUTF8.count && invalidUTF8[badIndex] < pos && issue == nil {
                    issue = CSVRowIssue(kind: .invalidUTF8, line: recordLine, field: field)
                }
                field += 1
                if pos >= n { break fields }
                let c = p[pos]
                if c == delimiter {
                    pos += 1
                    continue fields
                }
                if c == cr { pos += 1 }
                if pos < n { pos += 1 }  // the line feed
                line += 1
                break fields
            }
            while badIndex < invalidUTF8.count && invalidUTF8[badIndex] < pos { badIndex += 1 }
            if issue == nil && !headerMode && field != width {
                issue = CSVRowIssue(kind: .fieldCount(found: field), line: recordLine, field: min(field, width))
            }
            if let issue {
                issues.append(issue)
                if !headerMode { fieldCount = mark }
            } else {
                linesBuffer[recordCount] = Int32(truncatingIfNeeded: recordLine)
                recordCount += 1
            }
            if headerMode { break records }
        }
        linesCount = recordCount
        }
        flagsCount = fieldCount
        }
        endsCount = fieldCount
        }
        startsCount = fieldCount
        }
        out.starts = starts
        out.issues = issues
        out.end = pos
        out.lineBreaks = line
        return out
    }

    /// The position after the record that starts at `start`: past the first line feed outside quotes
    /// (or the end). `line` is advanced by the line breaks passed.
    private static func resync(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int, _ line: inout Int) -> Int {
        var inQuotes = false
        var pos = start
        while pos < n {
            let c = p[pos]
            pos += 1
            if c == quote { inQuotes.toggle() } else if c == lf {
                line += 1
                if !inQuotes { return pos }
            }
        }
        return n
    }

    /// Offset just past the last line feed outside quotes in `bytes[from...]`, given the quote parity at
    /// `from` (updated to the parity at the end); nil when there is none.
    ///
    /// Quotes are counted with `memchr` (fast when they are few), then the last line feed is found walking back.
    static func lastRecordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, inQuotes: inout Bool) -> Int? {
        guard let p = bytes.baseAddress, from < bytes.count else { return nil }
        let n = bytes.count
        var quotes = 0
        var cursor = p + from
        let end = p + n
        while cursor < end, let hit = memchr(cursor, Int32(quote), end - cursor) {
            quotes += 1
            cursor = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        let startParity = inQuotes
        inQuotes = startParity != (quotes & 1 == 1)
        // Walking back from the end, `quotes` becomes the count of quotes before the position.
        var pos = n - 1
        while pos >= from {
            let c = p[pos]
            if c == quote {
                quotes -= 1
            } else if c == lf && (startParity != (quotes & 1 == 1)) == false {
                return pos + 1
            }
            pos -= 1
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
