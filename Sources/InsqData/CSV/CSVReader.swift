/// One field of a CSV record: where its bytes lie and how to read them.
struct CSVField {
    /// Byte range of the field's content, without the surrounding quotes of a quoted field.
    var start: Int
    var end: Int
    var isQuoted: Bool
    /// A quoted field holding `""`, which must be unescaped to `"` before use.
    var hasDoubledQuotes: Bool
    /// Physical line (1-based) where the field starts.
    var line: Int
}

/// Why the reader stopped; the loader turns it into a `CSVError` with file and column names.
struct CSVReadFailure: Error {
    enum Kind { case unterminatedQuote, textAfterClosingQuote }
    let kind: Kind
    let line: Int
    /// Index of the failing field within its record.
    let fieldIndex: Int
}

/// Splits RFC 4180 text into records of fields: commas, double quotes with `""` escapes, line breaks
/// inside quotes, LF or CRLF line ends, an optional UTF-8 byte-order mark. Blank lines are skipped.
///
/// The reader only finds field boundaries; it never copies or decodes field text.
struct CSVReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// The physical line (1-based) at the current position.
    private(set) var line = 1
    /// The line where the record last returned by `readRecord` began.
    private(set) var recordLine = 1

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasByteOrderMark ? 3 : 0
    }

    /// Reads the next record into `fields` (cleared first); false at the end of the input.
    mutating func readRecord(into fields: inout [CSVField]) throws(CSVReadFailure) -> Bool {
        fields.removeAll(keepingCapacity: true)
        skipBlankLines()
        guard position < bytes.count else { return false }
        recordLine = line
        while true {
            let field = try readField(index: fields.count)
            fields.append(field)
            guard position < bytes.count else { return true }
            let byte = bytes[position]
            if byte == Self.comma {
                position += 1
                continue
            }
            // readField stops only at a comma, a line end or the end of input.
            position += byte == Self.carriageReturn ? 2 : 1
            line += 1
            return true
        }
    }

    private mutating func skipBlankLines() {
        while position < bytes.count {
            if bytes[position] == Self.newline {
                position += 1
            } else if bytes[position] == Self.carriageReturn, position + 1 < bytes.count,
                      bytes[position + 1] == Self.newline {
                position += 2
            } else {
                return
            }
            line += 1
        }
    }

    /// Reads one field and leaves `position` on the comma or line end after it (or at the end).
    private mutating func readField(index: Int) throws(CSVReadFailure) -> CSVField {
        let fieldLine = line
        guard position < bytes.count, bytes[position] == Self.quote else {
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == Self.comma || byte == Self.newline { break }
                position += 1
            }
            var end = position
            if position < bytes.count, bytes[position] == Self.newline, end > start,
               bytes[end - 1] == Self.carriageReturn {
                end -= 1
                position -= 1  // leave position on the CR of the CRLF
            }
            return CSVField(start: start, end: end, isQuoted: false, hasDoubledQuotes: false, line: fieldLine)
        }
        position += 1
        let start = position
        var hasDoubledQuotes = false
        while true {
            guard position < bytes.count else {
                throw CSVReadFailure(kind: .unterminatedQuote, line: fieldLine, fieldIndex: index)
            }
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    hasDoubledQuotes = true
                    position += 2
                    continue
                }
                break
            }
            if byte == Self.newline { line += 1 }
            position += 1
        }
        let end = position
        position += 1  // the closing quote
        if position < bytes.count {
            let byte = bytes[position]
            let isCRLF = byte == Self.carriageReturn && position + 1 < bytes.count
                && bytes[position + 1] == Self.newline
            guard byte == Self.comma || byte == Self.newline || isCRLF else {
                throw CSVReadFailure(kind: .textAfterClosingQuote, line: line, fieldIndex: index)
            }
        }
        return CSVField(start: start, end: end, isQuoted: true, hasDoubledQuotes: hasDoubledQuotes, line: fieldLine)
    }

    /// The field's raw bytes (a doubled quote still appears twice).
    func content(of field: CSVField) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }

    /// The field's text, with `""` unescaped; the input must already be known to be valid UTF-8.
    func text(of field: CSVField) -> String {
        let raw = content(of: field)
        guard field.hasDoubledQuotes else { return String(decoding: raw, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            unescaped.append(raw[i])
            i += raw[i] == Self.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }
}
