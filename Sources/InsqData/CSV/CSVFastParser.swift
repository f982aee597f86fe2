/// Reads a chunk's records straight into typed columns in one pass, without tokenizing first, for chunks that
/// hold no quotes and nothing wrong.
///
/// It gives up (returns false) at the first thing it does not handle: a quote, a blank line, a wrong field count,
/// invalid UTF-8, a value that does not fit its type. The chunk is then read by `CSVTokenizer` and
/// `CSVColumnParsing`, which find and report the problem exactly as before; so the fast path never decides what
/// an error is. Numbers and dates are parsed while their end is found; other fields are delimited eight bytes
/// at a time. The byte at the chunk's end is a line feed and the slack after it is readable (`CSVChunkBuffer`).
enum CSVFastParser {
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")

    /// Reads `chunk[from...]` into `out` (prepared with `begin`); false when the chunk needs the full reader.
    static func parse(_ chunk: CSVChunkBuffer, from: Int, delimiter: UInt8, into out: CSVFastChunk) -> Bool {
        guard delimiter < 0x80, delimiter != lf, delimiter != cr, delimiter != quote, out.width > 0 else { return false }
        let p = UnsafePointer(chunk.base)
        let n = chunk.count
        let width = out.width
        let slots = out.slots
        let pattern = UInt64(delimiter) &* CSVSWAR.ones
        var row = 0
        var pos = from
        while pos < n {
            if row == out.capacity { out.grow() }
            // Blank lines between records are skipped by the full reader; they are rare enough to leave to it.
            if width > 1 && (p[pos] == lf || (p[pos] == cr && p[pos + 1] == lf)) { return false }
            var c = 0
            while c < width {
                pos = field(p, pos, slots + c, row, c == width - 1, delimiter, pattern)
                if pos < 0 { return false }
                c += 1
            }
            row += 1
            out.rows = row
        }
        // Every record ended at a line feed; the last one may have ended at the sentinel after the chunk.
        out.lineBreaks = pos > n ? row - 1 : row
        return true
    }

    /// Where the field that ends at `i` is terminated as it must be (its delimiter, or the line feed of the
    /// record's last field, possibly after a carriage return); -1 when it is not.
    @inline(__always)
    private static func terminator(_ p: UnsafePointer<UInt8>, _ i: Int, _ last: Bool, _ delimiter: UInt8) -> Int {
        let t = p[i]
        if !last { return t == delimiter ? i : -1 }
        if t == lf { return i }
        return t == cr && p[i + 1] == lf ? i + 1 : -1
    }

    /// Reads one field at `pos` into column `slot`, row `row`; the position after its terminator, or -1.
    @inline(__always)
    private static func field(_ p: UnsafePointer<UInt8>, _ pos: Int, _ slot: UnsafeMutablePointer<CSVFastSlot>,
                              _ row: Int, _ last: Bool, _ delimiter: UInt8, _ pattern: UInt64) -> Int {
        switch slot.pointee.kind {
        case .bigint:
            let negative = p[pos] == UInt8(ascii: "-")
            let first = negative ? pos &+ 1 : pos
            let (digits, v) = CSVSWAR.digits(p + first)
            if digits > 0 {
                let e = terminator(p, first &+ digits, last, delimiter)
                if e >= 0 {
                    store(slot, row, negative ? -Int64(v) : Int64(v))
                    return e &+ 1
                }
            }
        case .decimal:
            let negative = p[pos] == UInt8(ascii: "-")
            let first = negative ? pos &+ 1 : pos
            let (integerDigits, integer) = CSVSWAR.digits(p + first)
            var i = first &+ integerDigits
            var fractionDigits = 0
            var fraction: UInt64 = 0
            if p[i] == UInt8(ascii: ".") {
                (fractionDigits, fraction) = CSVSWAR.digits(p + (i &+ 1))
                i &+= 1 &+ fractionDigits
            }
            let scale = slot.pointee.scale
            if integerDigits > 0 && fractionDigits <= scale && integerDigits &+ scale <= 18 {
                let e = terminator(p, i, last, delimiter)
                if e >= 0 {
                    while fractionDigits < scale {
                        fraction &*= 10
                        fractionDigits &+= 1
                    }
                    let v = Int64(integer &* slot.pointee.factor &+ fraction)
                    if v < slot.pointee.limit {
                        store(slot, row, negative ? -v : v)
                        return e &+ 1
                    }
                }
            }
        case .text:
            var high: UInt64 = 0
            let e = CSVSWAR.scan(p, pos, pattern, &high)
            let t = p[e]
            if (last ? t == lf : t == delimiter) && high & CSVSWAR.highs == 0 {
                var end = e
                if last && end > pos && p[end &- 1] == cr { end &-= 1 }
                if end > pos {
                    store(slot, row, slot.pointee.interner.intern(p + pos, end &- pos))
                } else {
                    storeNull(slot, row, .text)
                }
                return e &+ 1
            }
        case .date, .strictDate:
            if let v = CSVFieldParsing.date(p, pos, pos &+ 10) {
                let e = terminator(p, pos &+ 10, last, delimiter)
                if e >= 0 {
                    store(slot, row, v)
                    return e &+ 1
                }
            }
        default:
            break
        }
        return general(p, pos, slot, row, last, delimiter, pattern)
    }
}
