import InsqStorage

/// Joins the per-chunk person columns into whole columns, one column at a time, releasing each chunk's
/// buffer as soon as it is copied. (Payments need no joining: they are written in place.)
enum ChunkJoining {
    /// One column's buffers across all chunks, in chunk order.
    struct Parts<T: BitwiseCopyable> {
        let buffers: [RowBuffer<T>]
        let counts: [Int]
        var total: Int { counts.reduce(0, +) }

        init(_ chunks: [SampleChunk], _ column: KeyPath<SampleChunk, RowBuffer<T>>, counts: KeyPath<SampleChunk, Int>) {
            buffers = chunks.map { $0[keyPath: column] }
            self.counts = chunks.map { $0[keyPath: counts] }
        }

        /// Calls `body` with each part's values and its first row in the joined column.
        func forEach(_ body: (UnsafeBufferPointer<T>, Int) -> Void) {
            var row = 0
            for (buffer, count) in zip(buffers, counts) {
                body(UnsafeBufferPointer(start: buffer.base, count: count), row)
                row += count
            }
        }

        func release() {
            for buffer in buffers { buffer.release() }
        }
    }

    /// The parts one after another; releases them.
    static func concatenate<T: BitwiseCopyable>(_ parts: Parts<T>) -> [T] {
        defer { parts.release() }
        return [T](unsafeUninitializedCapacity: parts.total) { target, count in
            parts.forEach { source, row in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                (to + row).initialize(from: from, count: source.count)
            }
            count = parts.total
        }
    }

    /// The parts one after another, each value converted; releases them.
    static func widen<T: BitwiseCopyable, R>(_ parts: Parts<T>, _ convert: (T) -> R) -> [R] {
        defer { parts.release() }
        return [R](unsafeUninitializedCapacity: parts.total) { target, count in
            parts.forEach { source, row in
                for i in 0..<source.count { target.initializeElement(at: row + i, to: convert(source[i])) }
            }
            count = parts.total
        }
    }

    /// The parts one after another with `sentinel` read as NULL (stored as zero); releases them.
    static func concatenateNullable<T: FixedWidthInteger & BitwiseCopyable>(
        _ parts: Parts<T>, sentinel: T
    ) -> (values: [T], validity: ValidityBitmap) {
        defer { parts.release() }
        let total = parts.total
        var words = [UInt64](repeating: 0, count: (total + 63) >> 6)
        let values = words.withUnsafeMutableBufferPointer { words in
            [T](unsafeUninitializedCapacity: total) { target, count in
                parts.forEach { source, first in
                    for i in 0..<source.count {
                        let value = source[i]
                        let row = first + i
                        let isValid = value != sentinel
                        words[row >> 6] |= UInt64(unsafeBitCast(isValid, to: UInt8.self)) << UInt64(row & 63)
                        target.initializeElement(at: row, to: isValid ? value : 0)
                    }
                }
                count = total
            }
        }
        var validity = ValidityBitmap(count: total, allValid: false)
        validity.words = words
        return (values, validity)
    }

    /// 1, 2, ..., count as BIGINT.
    static func sequence(count: Int) -> [Int64] {
        [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { buffer[i] = Int64(i + 1) }
            initialized = count
        }
    }
}
