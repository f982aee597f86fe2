/// Reads a chunk's records straight into typed columns, for chunks that hold no quotes and nothing wrong.
///
/// It gives up (returns false) at the first thing it does not handle: a quote, a blank line, a wrong field count,
/// invalid UTF-8, a value that does not fit its type. The chunk is then read by `CSVTokenizer` and
/// `CSVColumnParsing`, which find and report the problem exactly as before; so the fast path never decides what
/// an error is.
///
/// Work goes in batches of a few thousand fields. First the field terminators are found eight bytes at a time
/// and checked (every record has its fields, then a line feed); then each column is read by a loop specialized
/// for its type. Reading one field after another, each waiting for the previous one's end, took twice as long:
/// here the fields of a column are independent, so the processor overlaps them. The byte at the chunk's end is
/// a line feed and the slack after it is zero (`CSVChunkBuffer`).
enum CSVFastParser {
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")

    /// Reads `chunk[from...]` into `out` (prepared with `begin`); false when the chunk needs the full reader.
    static func parse(_ chunk: CSVChunkBuffer, from: Int, delimiter: UInt8, into out: CSVFastChunk) -> Bool {
        guard delimiter != 0, delimiter < 0x80, delimiter != lf, delimiter != cr, delimiter != quote, out.width > 0,
              chunk.count < Int(Int32.max) - 64 else { return false }
        let p = UnsafePointer(chunk.base)
        let n = chunk.count
        let width = out.width
        // The sentinel line feed at `n` ends the last record only when the chunk does not end with one.
        let limit = n > from && p[n - 1] != lf ? n + 1 : n
        let bounds = out.bounds
        let batch = out.batchFields
        let delimiters = UInt64(delimiter) &* CSVSWAR.ones
        bounds[0] = Int32(truncatingIfNeeded: from - 1)
        var count = 1
        var i = from
        var sawHigh: UInt64 = 0
        var row = 0
        while true {
            while count <= batch && i < limit {
                let w = CSVSWAR.word(p + i)
                if CSVSWAR.equalBytes(w, 0x22 &* CSVSWAR.ones) != 0 { return false }
                var m = CSVSWAR.equalBytes(w, delimiters) | CSVSWAR.equalBytes(w, 0x0A &* CSVSWAR.ones)
                sawHigh |= w
                let base = Int32(truncatingIfNeeded: i)
                while m != 0 {
                    bounds[count] = base &+ Int32(truncatingIfNeeded: m.trailingZeroBitCount &>> 3)
                    count &+= 1
                    m &= m &- 1
                }
                i &+= 8
            }
            let done = i >= limit
            if done { while count > 1 && Int(bounds[count - 1]) >= limit { count -= 1 } }
            let records = (count - 1) / width
            if records > 0 {
                let used = records * width
                guard terminatorsHold(p, bounds, used, width, delimiter) else { return false }
                if sawHigh & CSVSWAR.highs != 0 {
                    let start = Int(bounds[0]) + 1
                    let bytes = UnsafeBufferPointer(start: p + start, count: Int(bounds[used]) - start)
                    guard UTF8Validation.firstInvalidOffset(bytes) == nil else { return false }
                }
                while row + records > out.capacity { out.grow() }
                for c in 0..<width {
                    guard column(p, bounds, c, width, records, out.slots + c, row) else { return false }
                }
                row += records
                out.rows = row
                // An unfinished record moves to the front for the next batch.
                let leftover = count - 1 - used
                bounds[0] = bounds[used]
                for k in 0..<leftover { bounds[1 + k] = bounds[used + 1 + k] }
                count = 1 + leftover
            }
            if done {
                if count != 1 { return false }
                break
            }
        }
        out.lineBreaks = limit > n && row > 0 ? row - 1 : row
        return true
    }

    /// Every field of the first `used` ends at the delimiter, and every record's last one at a line feed.
    @inline(__always)
    private static func terminatorsHold(_ p: UnsafePointer<UInt8>, _ bounds: UnsafePointer<Int32>, _ used: Int,
                                        _ width: Int, _ delimiter: UInt8) -> Bool {
        var bad = false
        var k = 1
        while k <= used {
            var c = 1
            while c < width {
                bad = bad || p[Int(bounds[k])] != delimiter
                k &+= 1
                c &+= 1
            }
            bad = bad || p[Int(bounds[k])] != lf
            k &+= 1
        }
        return !bad
    }
}
