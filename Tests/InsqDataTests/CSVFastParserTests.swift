import Testing
@testable import InsqData
import InsqStorage

/// A chunk buffer holding `bytes`, sealed as the chunk source leaves it.
private func chunk(_ bytes: [UInt8]) -> CSVChunkBuffer {
    let buffer = CSVChunkBuffer(capacity: bytes.count)
    bytes.withUnsafeBufferPointer { buffer.base.initialize(from: $0.baseAddress!, count: bytes.count) }
    buffer.count = bytes.count
    buffer.seal()
    return buffer
}

/// Row values of a fast-parsed column, rendered (nil: NULL).
private func rendered(_ out: CSVFastChunk, _ c: Int) -> [String?] {
    let slot = out.slots[c]
    return (0..<out.rows).map { r -> String? in
        guard slot.bits[r >> 6] & (1 << UInt64(r & 63)) != 0, let raw = slot.values else { return nil }
        switch slot.kind {
        case .skip, .empty: return "?"
        case .text:
            let value = slot.interner.value(Int(raw.assumingMemoryBound(to: UInt32.self)[r]))
            return String(decoding: UnsafeBufferPointer(start: value.start, count: value.count), as: UTF8.self)
        case .double, .strictDouble: return "\(raw.assumingMemoryBound(to: Double.self)[r])"
        case .date, .strictDate: return "\(raw.assumingMemoryBound(to: Int32.self)[r])"
        case .boolean, .strictBoolean: return "\(raw.assumingMemoryBound(to: Bool.self)[r])"
        default: return "\(raw.assumingMemoryBound(to: Int64.self)[r])"
        }
    }
}

/// Row values of a column read by the tokenizer and column parser, rendered the same way.
private func rendered(_ column: CSVChunkColumn) -> [String?] {
    (0..<column.count).map { r -> String? in
        guard column.validity[r >> 6] & (1 << UInt64(r & 63)) != 0 else { return nil }
        switch column.values {
        case .empty: return "?"
        case let .int64(a): return "\(a[r])"
        case let .int32(a): return "\(a[r])"
        case let .double(a): return "\(a[r])"
        case let .bool(a): return "\(a[r])"
        case let .text(codes, dictionary): return dictionary.strings()[Int(codes[r])]
        }
    }
}

private let declared: [CSVColumnTarget?] = [
    .declared(.bigint), .declared(.text), .declared(.decimal(precision: 14, scale: 2)), .declared(.date),
    .declared(.double), .declared(.boolean),
]

private let inferred: [CSVColumnTarget?] = [
    .inferred(CSVInferredType(kind: .bigint, integerDigits: 0)), .inferred(.text),
    .inferred(CSVInferredType(kind: .decimal(scale: 2), integerDigits: 0)), .inferred(.date), .inferred(.double),
    .inferred(.boolean),
]

/// Fields that each reader must agree on: well-formed values, lenient spellings, and values of the wrong type.
private let samples: [[String]] = [
    ["1", "-42", "+7", " 12 ", "007", "", "999999999999999999", "9223372036854775807", "9223372036854775808", "-", "1x"],
    ["a", "Nguyễn Văn An", "王芳", "", "x\ry", " spaced ", "tab\there"],
    ["804600.00", "12.5", "-0.005", "5", "5.", ".25", "", "1.234", "999999999999.99", "1000000000000.00", "1.2.3"],
    ["2024-02-29", "2023-02-29", "1999-12-31", "", " 2024-01-01", "2024-1-01", "0000-01-01", "9999-12-31"],
    ["0.25", "1e3", "-2.5E-3", "", "007", "inf", "1.7976931348623157e308"],
    ["true", "FALSE", "1", "0", "", "yes", " true "],
]

@Suite struct CSVFastParserTests {
    /// Random quote-free chunks: where the fast parser accepts one, it must read exactly what the full reader
    /// reads; where the full reader finds nothing wrong, the fast parser must accept it.
    @Test func agreesWithTheTokenizerOnRandomChunks() {
        var random = SeededRandom(seed: 7, stream: 1)
        var accepted = 0
        for round in 0..<600 {
            var text = ""
            let rows = random.int(in: 0...12)
            let crlf = random.chance(0.3)
            for r in 0..<rows {
                var fields = samples.map { $0[random.below($0.count)] }
                if random.chance(0.03) { fields.removeLast() }
                if random.chance(0.03) { fields.append("extra") }
                text += fields.joined(separator: ",")
                if r < rows - 1 || random.chance(0.7) { text += crlf ? "\r\n" : "\n" }
            }
            var bytes = Array(text.utf8)
            if random.chance(0.05), !bytes.isEmpty { bytes[random.below(bytes.count)] = 0xFF }
            for targets in [declared, inferred, [nil, .declared(.text), nil, nil, nil, .declared(.boolean)]] {
                let buffer = chunk(bytes)
                var slow = CSVChunkWork(buffer: buffer, from: 0)
                slow.targets = targets
                CSVParseTask.tokenizeAndParse(&slow, delimiter: UInt8(ascii: ","))
                let out = CSVFastChunk(width: targets.count)
                out.begin(targets: targets)
                let fast = CSVFastParser.parse(buffer, from: 0, delimiter: UInt8(ascii: ","), into: out)
                let clean = slow.fields.issues.isEmpty && slow.columns.allSatisfy { column in
                    column.map { $0.failures.isEmpty } ?? true
                } && zip(slow.columns, targets).allSatisfy { column, target in
                    guard case let .inferred(floor)? = target, let column else { return true }
                    return column.type.kind == floor.kind
                }
                #expect(fast == clean, "round \(round): \(text.debugDescription)")
                guard fast else { continue }
                accepted += 1
                #expect(out.rows == slow.fields.recordCount)
                #expect(out.lineBreaks == slow.fields.lineBreaks)
                for c in targets.indices {
                    guard let column = slow.columns[c] else { continue }
                    #expect(rendered(out, c) == rendered(column), "round \(round) column \(c): \(text.debugDescription)")
                    if case let .inferred(floor)? = targets[c] { #expect(out.type(c, floor: floor) == column.type) }
                }
            }
        }
        #expect(accepted > 100)
    }

    /// What the fast parser leaves to the full reader.
    @Test func declinesQuotesBlankLinesAndBadRecords() {
        let targets: [CSVColumnTarget?] = [.declared(.bigint), .declared(.text)]
        for text in ["1,\"a\"\n", "1,a\n\n2,b\n", "1,a\r\n\r\n", "1\n", "1,a,b\n", "x,a\n", "1,a\"b\n"] {
            let out = CSVFastChunk(width: 2)
            out.begin(targets: targets)
            #expect(!CSVFastParser.parse(chunk(Array(text.utf8)), from: 0, delimiter: UInt8(ascii: ","), into: out),
                    "\(text.debugDescription)")
        }
        let out = CSVFastChunk(width: 1)
        out.begin(targets: [.declared(.bigint)])
        #expect(CSVFastParser.parse(chunk(Array("1\n\n3\r\n\r\n".utf8)), from: 0, delimiter: UInt8(ascii: ","), into: out))
        #expect(rendered(out, 0) == ["1", nil, "3", nil])
    }

    /// Many rows grow the output buffers several times over.
    @Test func growsPastItsFirstCapacity() {
        let rows = 20_000
        let text = (0..<rows).map { "\($0),v\($0 % 300),\($0 % 7 == 0 ? "" : "2024-01-0\($0 % 9 + 1)")" }.joined(separator: "\n")
        let out = CSVFastChunk(width: 3, capacity: 64)
        out.begin(targets: [.declared(.bigint), .declared(.text), .declared(.date)])
        #expect(CSVFastParser.parse(chunk(Array(text.utf8)), from: 0, delimiter: UInt8(ascii: ","), into: out))
        #expect(out.rows == rows)
        #expect(out.lineBreaks == rows - 1)
        #expect(rendered(out, 0).last == "\(rows - 1)")
        #expect(rendered(out, 1)[12_345] == "v45")
        #expect(out.slots[1].interner.count == 300)
        #expect(rendered(out, 2)[7] == nil)
    }

    /// The word-at-a-time date reader agrees with the storage layer's date parser, valid dates or not.
    @Test func datesAgreeWithTheStorageParser() {
        var texts = ["2023-02-29", "2024-02-29", "2024-02-30", "1900-02-29", "2000-02-29", "2024-13-01", "2024-00-10",
                     "0000-01-01", "0001-01-01", "9999-12-31", "2024-04-31", "2024-04-30", "2024/01/01", "2024-01-0a",
                     "2024-1-010", "+024-01-01", "2024-01-32", "2024-12-00", "２０24-01-01"]
        for days in stride(from: -719_162, through: 2_932_896, by: 97) { texts.append(DateDays.format(Int32(days))) }
        for text in texts {
            let bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeBufferPointer { CSVFieldParsing.date($0.baseAddress!, 0, bytes.count) }
            #expect(parsed == DateDays.parse(text), "\(text)")
        }
    }
}
