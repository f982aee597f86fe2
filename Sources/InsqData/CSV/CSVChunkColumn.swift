import InsqStorage

/// Typed values of one column of one chunk (or of the whole import, when accumulated).
enum CSVValues: Sendable {
    /// Only NULLs so far.
    case empty
    case int64([Int64])
    case int32([Int32])
    case double([Double])
    case bool([Bool])
    case text([UInt32], CSVByteDictionary)
}

/// One column parsed from one chunk: values, a validity bit per row, and the type they were read as.
struct CSVChunkColumn: Sendable {
    var values: CSVValues
    var validity: [UInt64]
    var count: Int
    var type: CSVInferredType
    /// Rows whose value did not fit a declared type (declared columns only).
    var failures: [Int] = []
}

/// How a column is read: as a declared type (lenient spellings, failures reported) or by inference.
enum CSVColumnTarget: Sendable, Equatable {
    case declared(DataType)
    /// Infer, starting from this type (what earlier chunks needed).
    case inferred(CSVInferredType)
}

/// A value reader for one type, used by the generic column loop (specialized per type, no per-row dispatch).
protocol CSVValueParser {
    associatedtype Value
    static var zero: Value { get }
    mutating func parse(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Value?
}

struct CanonicalIntegerParser: CSVValueParser {
    var digits = 0
    static var zero: Int64 { 0 }
    @inline(__always) mutating func parse(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int64? {
        guard let (v, d) = CSVFieldParsing.canonicalInteger(p, s, e) else { return nil }
        digits = max(digits, d)
        return v
    }
}

struct StrictDecimalParser: CSVValueParser {
    let scale: Int
    var digits = 0
    static var zero: Int64 { 0 }
    @inline(__always) mutating func parse(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int64? {
        guard let (v, d) = CSVFieldParsing.strictDecimal(p, s, e, scale: scale) else { return nil }
        digits = max(digits, d)
        return v
    }
}

struct DoubleParser: CSVValueParser {
    let strict: Bool
    static var zero: Double { 0 }
    @inline(__always) func parse(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Double? {
        CSVFieldParsing.double(p, s, e, strict: strict)
    }
}

struct DateParser: CSVValueParser {
    let strict: Bool
    static var zero: Int32 { 0 }
    @inline(__always) func parse(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int32? {
        if strict { return CSVFieldParsing.date(p, s, e) }
        let (a, b) = CSVFieldParsing.trimmed(p, s, e)
        return CSVFieldParsing.date(p, a, b)
    }
}

struct BooleanParser: CSVValueParser {
    let strict: Bool
    static var zero: Bool { false }
    @inline(__always) func parse(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool? {
        strict ? CSVFieldParsing.strictBoolean(p, s, e) : CSVFieldParsing.lenientBoolean(p, s, e)
    }
}

struct LenientIntegerParser: CSVValueParser {
    static var zero: Int64 { 0 }
    @inline(__always) func parse(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int64? {
        CSVFieldParsing.lenientInteger(p, s, e)
    }
}

struct LenientDecimalParser: CSVValueParser {
    let precision: Int
    let scale: Int
    static var zero: Int64 { 0 }
    @inline(__always) func parse(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int64? {
        CSVFieldParsing.lenientDecimal(p, s, e, precision: precision, scale: scale)
    }
}

/// Parses columns of a tokenized chunk.
struct CSVColumnParsing {
    let bytes: UnsafeBufferPointer<UInt8>
    let fields: CSVChunkFields

    private var base: UnsafePointer<UInt8> { bytes.baseAddress ?? UnsafePointer(bitPattern: 1)! }

    func parse(column c: Int, target: CSVColumnTarget) -> CSVChunkColumn {
        switch target {
        case let .declared(type): return parseDeclared(column: c, type: type)
        case let .inferred(floor): return infer(column: c, floor: floor)
        }
    }

    private func parseDeclared(column c: Int, type: DataType) -> CSVChunkColumn {
        var failures: [Int] = []
        let t = CSVInferredType.text
        switch type {
        case .bigint:
            var parser = LenientIntegerParser()
            let (v, bits, _) = loop(&parser, c, stopAtFailure: false, &failures)
            return CSVChunkColumn(values: .int64(v), validity: bits, count: v.count, type: t, failures: failures)
        case let .decimal(precision, scale):
            var parser = LenientDecimalParser(precision: precision, scale: scale)
            let (v, bits, _) = loop(&parser, c, stopAtFailure: false, &failures)
            return CSVChunkColumn(values: .int64(v), validity: bits, count: v.count, type: t, failures: failures)
        case .double:
            var parser = DoubleParser(strict: false)
            let (v, bits, _) = loop(&parser, c, stopAtFailure: false, &failures)
            return CSVChunkColumn(values: .double(v), validity: bits, count: v.count, type: t, failures: failures)
        case .date:
            var parser = DateParser(strict: false)
            let (v, bits, _) = loop(&parser, c, stopAtFailure: false, &failures)
            return CSVChunkColumn(values: .int32(v), validity: bits, count: v.count, type: t, failures: failures)
        case .boolean:
            var parser = BooleanParser(strict: false)
            let (v, bits, _) = loop(&parser, c, stopAtFailure: false, &failures)
            return CSVChunkColumn(values: .bool(v), validity: bits, count: v.count, type: t, failures: failures)
        case .text, .null:
            return textColumn(c, type: t)
        }
    }

    /// Reads the column as `floor`, widening (and reading again) whenever a value does not fit.
    private func infer(column c: Int, floor: CSVInferredType) -> CSVChunkColumn {
        var type = floor
        var unused: [Int] = []
        while true {
            let failedAt: Int?
            let column: CSVChunkColumn
            switch type.kind {
            case .empty:
                failedAt = firstNonNull(c)
                column = CSVChunkColumn(values: .empty, validity: [UInt64](repeating: 0, count: (fields.recordCount + 63) >> 6),
                                        count: fields.recordCount, type: type)
            case .text:
                return textColumn(c, type: type)
            case .boolean:
                var parser = BooleanParser(strict: true)
                let (v, bits, f) = loop(&parser, c, stopAtFailure: true, &unused)
                failedAt = f
                column = CSVChunkColumn(values: .bool(v), validity: bits, count: v.count, type: type)
            case .date:
                var parser = DateParser(strict: true)
                let (v, bits, f) = loop(&parser, c, stopAtFailure: true, &unused)
                failedAt = f
                column = CSVChunkColumn(values: .int32(v), validity: bits, count: v.count, type: type)
            case .bigint:
                var parser = CanonicalIntegerParser()
                let (v, bits, f) = loop(&parser, c, stopAtFailure: true, &unused)
                failedAt = f
                let seen = CSVInferredType(kind: .bigint, integerDigits: parser.digits)
                column = CSVChunkColumn(values: .int64(v), validity: bits, count: v.count, type: type.joined(seen))
            case let .decimal(scale):
                var parser = StrictDecimalParser(scale: scale)
                let (v, bits, f) = loop(&parser, c, stopAtFailure: true, &unused)
                failedAt = f
                let seen = CSVInferredType(kind: .decimal(scale: scale), integerDigits: parser.digits)
                column = CSVChunkColumn(values: .int64(v), validity: bits, count: v.count, type: type.joined(seen))
            case .double:
                var parser = DoubleParser(strict: true)
                let (v, bits, f) = loop(&parser, c, stopAtFailure: true, &unused)
                failedAt = f
                column = CSVChunkColumn(values: .double(v), validity: bits, count: v.count, type: type)
            }
            guard let row = failedAt else { return column }
            type = type.joined(classify(row: row, column: c))
        }
    }

    private func classify(row: Int, column c: Int) -> CSVInferredType {
        let i = row * fields.columnCount + c
        if fields.flags[i] & CSVChunkFields.doubledQuotes != 0 { return .text }
        return CSVInferredType.classify(base, Int(fields.starts[i]), Int(fields.ends[i]))
    }

    private func firstNonNull(_ c: Int) -> Int? {
        let width = fields.columnCount
        for r in 0..<fields.recordCount where fields.starts[r * width + c] != fields.ends[r * width + c] { return r }
        return nil
    }

    /// Reads every row of column `c`; an empty field is NULL. Stops at the first failure when asked, else
    /// records failing rows (as NULL) in `failures`.
    private func loop<P: CSVValueParser>(_ parser: inout P, _ c: Int, stopAtFailure: Bool,
                                         _ failures: inout [Int]) -> ([P.Value], [UInt64], Int?) {
        let rows = fields.recordCount
        let width = fields.columnCount
        var values = [P.Value](repeating: P.zero, count: rows)
        var bits = [UInt64](repeating: 0, count: (rows + 63) >> 6)
        var failedAt: Int? = nil
        let p = base
        fields.starts.withUnsafeBufferPointer { starts in
            fields.ends.withUnsafeBufferPointer { ends in
                fields.flags.withUnsafeBufferPointer { flags in
                    values.withUnsafeMutableBufferPointer { out in
                        bits.withUnsafeMutableBufferPointer { valid in
                            var i = c
                            for r in 0..<rows {
                                let s = Int(starts[i]), e = Int(ends[i])
                                let doubled = flags[i] & CSVChunkFields.doubledQuotes != 0
                                i &+= width
                                if s == e { continue }
                                if !doubled, let v = parser.parse(p, s, e) {
                                    out[r] = v
                                    valid[r >> 6] |= 1 << UInt64(r & 63)
                                } else if stopAtFailure {
                                    failedAt = r
                                    return
                                } else {
                                    failures.append(r)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (values, bits, failedAt)
    }

    private func textColumn(_ c: Int, type: CSVInferredType) -> CSVChunkColumn {
        let rows = fields.recordCount
        let width = fields.columnCount
        var codes = [UInt32](repeating: 0, count: rows)
        var bits = [UInt64](repeating: 0, count: (rows + 63) >> 6)
        var dictionary = CSVByteDictionary()
        var scratch: [UInt8] = []
        let p = base
        for r in 0..<rows {
            let i = r * width + c
            let s = Int(fields.starts[i]), e = Int(fields.ends[i])
            let flag = fields.flags[i]
            if s == e && flag & CSVChunkFields.quoted == 0 { continue }
            if flag & CSVChunkFields.doubledQuotes != 0 {
                scratch.removeAll(keepingCapacity: true)
                var k = s
                while k < e {
                    scratch.append(p[k])
                    k += p[k] == UInt8(ascii: "\"") ? 2 : 1
                }
                codes[r] = scratch.withUnsafeBufferPointer { dictionary.intern($0.baseAddress!, $0.count) }
            } else {
                codes[r] = dictionary.intern(p + s, e - s)
            }
            bits[r >> 6] |= 1 << UInt64(r & 63)
        }
        return CSVChunkColumn(values: .text(codes, dictionary), validity: bits, count: rows, type: type)
    }
}
