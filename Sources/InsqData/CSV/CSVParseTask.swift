import Dispatch

/// A wave of chunks being parsed on worker threads, one chunk per thread, while the caller goes on.
///
/// Each worker owns its slot (and its `CSVFastChunk`), so no two threads touch the same memory; `wait` must be
/// called once to collect the results.
final class CSVParseTask: @unchecked Sendable {
    private let group = DispatchGroup()
    private let slots: UnsafeMutablePointer<CSVChunkWork>
    private let count: Int

    /// Starts parsing `wave` with `targets` (nil: a column not wanted); `fast` holds one output per chunk,
    /// or is nil when every chunk must be tokenized (as when skipped rows must be recognised by line).
    init(_ wave: [CSVChunkWork], targets: [CSVColumnTarget?], fast: [CSVFastChunk]?, delimiter: UInt8) {
        count = wave.count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(from: wave, count: count)
        for i in 0..<count {
            let output = fast.flatMap { i < $0.count ? $0[i] : nil }
            DispatchQueue.global().async(group: group) { [self] in
                var item = (slots + i).move()
                Self.parse(&item, targets: targets, fast: output, delimiter: delimiter)
                (slots + i).initialize(to: item)
            }
        }
    }

    deinit { slots.deallocate() }

    /// The parsed chunks, in file order, once every worker is done.
    func wait() -> [CSVChunkWork] {
        group.wait()
        return (0..<count).map { (slots + $0).move() }
    }

    static func parse(_ item: inout CSVChunkWork, targets: [CSVColumnTarget?], fast: CSVFastChunk?, delimiter: UInt8) {
        item.targets = targets
        if let fast {
            fast.begin(targets: targets)
            if CSVFastParser.parse(item.buffer, from: item.from, delimiter: delimiter, into: fast) {
                item.fast = fast
                return
            }
        }
        tokenizeAndParse(&item, delimiter: delimiter)
    }

    /// The full reader: UTF-8 validation, tokenizing (errors found here), then each wanted column.
    static func tokenizeAndParse(_ item: inout CSVChunkWork, delimiter: UInt8) {
        item.fast = nil
        let bytes = item.buffer.bytes
        let invalid = invalidUTF8Offsets(bytes, from: item.from)
        item.fields = CSVTokenizer.tokenize(bytes, from: item.from, delimiter: delimiter,
                                            columnCount: item.targets.count, invalidUTF8: invalid)
        let parsing = CSVColumnParsing(bytes: bytes, fields: item.fields)
        item.columns = item.targets.indices.map { c in item.targets[c].map { parsing.parse(column: c, target: $0) } }
    }

    static func invalidUTF8Offsets(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> [Int] {
        var offsets: [Int] = []
        var start = from
        while start < bytes.count,
              let bad = UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: bytes[start...])) {
            offsets.append(start + bad)
            start += bad + 1
        }
        return offsets
    }
}
