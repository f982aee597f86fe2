#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InsqStorage

/// Writes tables as RFC 4180 CSV with a header row: DATE as YYYY-MM-DD, DECIMAL at its scale, DOUBLE in
/// Swift's shortest round-trip form, BOOLEAN as true/false, NULL as an empty field, and a field quoted only when
/// it holds the delimiter, a quote or a line break (or is the empty string, to tell it from NULL).
/// Reading the output with `CSVImporter` and writing it again gives the same bytes.
public enum CSVWriter {
    /// Appends the CSV text of `columns` (named by `schema`) to `output`.
    public static func write(schema: [ColumnSchema], columns: [Column], to output: inout some TextOutputStream,
                             delimiter: UInt8 = UInt8(ascii: ",")) {
        encode(schema: schema, columns: columns, delimiter: delimiter) { bytes in
            output.write(String(decoding: bytes, as: UTF8.self))
        }
    }

    public static func write(_ table: Table, to output: inout some TextOutputStream, delimiter: UInt8 = UInt8(ascii: ",")) {
        write(schema: table.schema, columns: table.columns, to: &output, delimiter: delimiter)
    }

    /// Writes the table to a file (created or truncated); errors name the file.
    public static func write(_ table: Table, toFile path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws(CSVError) {
        try write(schema: table.schema, columns: table.columns, toFile: path, delimiter: delimiter)
    }

    /// Writes columns to a file (created or truncated), with or without the header row; errors name the file.
    public static func write(schema: [ColumnSchema], columns: [Column], toFile path: String,
                             delimiter: UInt8 = UInt8(ascii: ","), header: Bool = true) throws(CSVError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CSVChunkSource.failure(path, "cannot create file", errno) }
        defer { close(descriptor) }
        var failure: Int32 = 0
        encode(schema: schema, columns: columns, delimiter: delimiter, header: header) { bytes in
            guard failure == 0 else { return }
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, bytes.count - done) }
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if failure != 0 { throw CSVChunkSource.failure(path, "cannot write file", failure) }
    }

    /// Produces the CSV bytes in blocks of about 1 MB.
    static func encode(schema: [ColumnSchema], columns: [Column], delimiter: UInt8, header: Bool = true,
                       sink: ([UInt8]) -> Void) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 4096)
        if header {
            for (i, column) in schema.enumerated() {
                if i > 0 { buffer.append(delimiter) }
                appendText(Array(column.name.utf8), delimiter: delimiter, to: &buffer)
            }
            buffer.append(UInt8(ascii: "\n"))
        }
        // Text columns: each dictionary entry encoded once.
        let encodedText: [[[UInt8]]?] = columns.map { column in
            guard case let .text(_, dictionary) = column.data else { return nil }
            return dictionary.strings.map { s in
                var out: [UInt8] = []
                appendText(Array(s.utf8), delimiter: delimiter, to: &out)
                return out
            }
        }
        let rows = columns.first?.count ?? 0
        for r in 0..<rows {
            for (c, column) in columns.enumerated() {
                if c > 0 { buffer.append(delimiter) }
                if column.isNull(r) { continue }
                switch column.data {
                case let .int64(a):
                    if case let .decimal(_, scale) = column.type { appendDecimal(a[r], scale: scale, to: &buffer) }
                    else { appendDecimal(a[r], scale: 0, to: &buffer) }
                case let .int32(a): appendDate(a[r], to: &buffer)
                case let .double(a): buffer.append(contentsOf: a[r].description.utf8)
                case let .bool(a): buffer.append(contentsOf: a[r] ? "true".utf8 : "false".utf8)
                case let .text(codes, _):
                    if let text = encodedText[c] { buffer.append(contentsOf: text[Int(codes[r])]) }
                }
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 20 {
                sink(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { sink(buffer) }
    }

    private static func appendText(_ bytes: [UInt8], delimiter: UInt8, to out: inout [UInt8]) {
        let needsQuotes = bytes.isEmpty || bytes.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for b in bytes {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }

    /// Digits of a scaled Int64 with `scale` fraction digits.
    static func appendDecimal(_ value: Int64, scale: Int, to out: inout [UInt8]) {
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // 32 bytes of scratch
        var count = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            repeat {
                scratch[31 - count] = UInt8(magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0 || count <= scale
            if value < 0 { out.append(UInt8(ascii: "-")) }
            let integerDigits = count - scale
            for k in 0..<count {
                if k == integerDigits { out.append(UInt8(ascii: ".")) }
                out.append(scratch[32 - count + k])
            }
        }
    }

    static func appendDate(_ days: Int32, to out: inout [UInt8]) {
        let (y, m, d) = DateDays.civil(Int(days))
        guard y >= 0 && y <= 9999 else {
            out.append(contentsOf: DateDays.format(days).utf8)
            return
        }
        out.append(UInt8(y / 1000) + 0x30)
        out.append(UInt8(y / 100 % 10) + 0x30)
        out.append(UInt8(y / 10 % 10) + 0x30)
        out.append(UInt8(y % 10) + 0x30)
        out.append(UInt8(ascii: "-"))
        out.append(UInt8(m / 10) + 0x30)
        out.append(UInt8(m % 10) + 0x30)
        out.append(UInt8(ascii: "-"))
        out.append(UInt8(d / 10) + 0x30)
        out.append(UInt8(d % 10) + 0x30)
    }
}
