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
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Reads `chunk[from...]` into `out` (prepared with `begin`); false when the chunk needs the full reader.
    static func parse(_ chunk: CSVChunkBuffer, from: Int, delimiter: UInt8, into out: CSVFastChunk) -> Bool {
        guard delimiter < 0x80, delimiter != lf, delimiter != cr, delimiter != quote, out.width > 0 else { return false }
        let p = UnsafePointer(chunk.base)
        let n = chunk.count
        let width = out.width
        let slots = out.slots
        let pattern = UInt64(delimiter) &* ones
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

    @inline(__always)
    private static func word(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// A byte's high bit set where `x` has a zero byte; false hits only above a true one, so the lowest is exact.
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }

    /// Position of the first delimiter, line feed or quote from `s`; `high` collects the bytes passed.
    @inline(__always)
    private static func scan(_ p: UnsafePointer<UInt8>, _ s: Int, _ pattern: UInt64, _ high: inout UInt64) -> Int {
        var i = s
        while true {
            let w = word(p + i)
            let m = zeroBytes(w ^ pattern) | zeroBytes(w ^ (0x0A &* ones)) | zeroBytes(w ^ (0x22 &* ones))
            if m != 0 {
                high |= w & ((m & (0 &- m)) &- 1)
                return i &+ (m.trailingZeroBitCount &>> 3)
            }
            high |= w
            i &+= 8
        }
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
            var i = pos
            let negative = p[i] == UInt8(ascii: "-")
            if negative { i &+= 1 }
            let first = i
            var v: Int64 = 0
            while true {
                let d = p[i] &- 0x30
                if d >= 10 { break }
                v = v &* 10 &+ Int64(d)
                i &+= 1
            }
            let digits = i &- first
            if digits > 0 && digits <= 18 {
                let e = terminator(p, i, last, delimiter)
                if e >= 0 {
                    store(slot, row, negative ? -v : v)
                    return e &+ 1
                }
            }
        case .decimal:
            var i = pos
            let negative = p[i] == UInt8(ascii: "-")
            if negative { i &+= 1 }
            let first = i
            var v: Int64 = 0
            while true {
                let d = p[i] &- 0x30
                if d >= 10 { break }
                v = v &* 10 &+ Int64(d)
                i &+= 1
            }
            let integerDigits = i &- first
            var fraction = 0
            if p[i] == UInt8(ascii: ".") {
                i &+= 1
                let fractionStart = i
                while true {
                    let d = p[i] &- 0x30
                    if d >= 10 { break }
                    v = v &* 10 &+ Int64(d)
                    i &+= 1
                }
                fraction = i &- fractionStart
            }
            let scale = slot.pointee.scale
            if integerDigits > 0 && fraction <= scale && integerDigits &+ scale <= 18 {
                let e = terminator(p, i, last, delimiter)
                if e >= 0 {
                    while fraction < scale {
                        v = v &* 10
                        fraction &+= 1
                    }
                    if v < slot.pointee.limit {
                        store(slot, row, negative ? -v : v)
                        return e &+ 1
                    }
                }
            }
        case .date:
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

    /// Any field of any kind: finds its end, checks its terminator and UTF-8, then reads the value.
    private static func general(_ p: UnsafePointer<UInt8>, _ pos: Int, _ slot: UnsafeMutablePointer<CSVFastSlot>,
                                _ row: Int, _ last: Bool, _ delimiter: UInt8, _ pattern: UInt64) -> Int {
        var high: UInt64 = 0
        let e = scan(p, pos, pattern, &high)
        let t = p[e]
        guard last ? t == lf : t == delimiter else { return -1 }
        var end = e
        if last && end > pos && p[end - 1] == cr { end -= 1 }
        if high & highs != 0 {
            guard UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(start: p + pos, count: end - pos)) == nil
            else { return -1 }
        }
        let kind = slot.pointee.kind
        if kind == .skip { return e + 1 }
        if end == pos {
            storeNull(slot, row, kind)
            return e + 1
        }
        switch kind {
        case .skip: break
        case .empty: return -1
        case .text: store(slot, row, slot.pointee.interner.intern(p + pos, end - pos))
        case .bigint:
            guard let v = CSVFieldParsing.lenientInteger(p, pos, end) else { return -1 }
            store(slot, row, v)
        case .decimal:
            guard let v = CSVFieldParsing.lenientDecimal(p, pos, end, precision: slot.pointee.precision,
                                                         scale: slot.pointee.scale) else { return -1 }
            store(slot, row, v)
        case .double, .strictDouble:
            guard let v = CSVFieldParsing.double(p, pos, end, strict: kind == .strictDouble) else { return -1 }
            store(slot, row, v)
        case .date:
            let (a, b) = CSVFieldParsing.trimmed(p, pos, end)
            guard let v = CSVFieldParsing.date(p, a, b) else { return -1 }
            store(slot, row, v)
        case .strictDate:
            guard let v = CSVFieldParsing.date(p, pos, end) else { return -1 }
            store(slot, row, v)
        case .boolean:
            guard let v = CSVFieldParsing.lenientBoolean(p, pos, end) else { return -1 }
            store(slot, row, v)
        case .strictBoolean:
            guard let v = CSVFieldParsing.strictBoolean(p, pos, end) else { return -1 }
            store(slot, row, v)
        case .canonicalInteger:
            guard let (v, d) = CSVFieldParsing.canonicalInteger(p, pos, end) else { return -1 }
            slot.pointee.digits = max(slot.pointee.digits, d)
            store(slot, row, v)
        case .strictDecimal:
            guard let (v, d) = CSVFieldParsing.strictDecimal(p, pos, end, scale: slot.pointee.scale) else { return -1 }
            slot.pointee.digits = max(slot.pointee.digits, d)
            store(slot, row, v)
        }
        return e + 1
    }

    @inline(__always)
    private static func store<T>(_ slot: UnsafeMutablePointer<CSVFastSlot>, _ row: Int, _ value: T) {
        slot.pointee.values.unsafelyUnwrapped.assumingMemoryBound(to: T.self)[row] = value
        slot.pointee.bits[row &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: row & 63)
    }

    /// A NULL: no validity bit, and a zero value (what the other readers leave under NULLs).
    private static func storeNull(_ slot: UnsafeMutablePointer<CSVFastSlot>, _ row: Int, _ kind: CSVFastKind) {
        guard let values = slot.pointee.values else { return }
        switch kind.stride {
        case 8: values.storeBytes(of: 0, toByteOffset: row &* 8, as: UInt64.self)
        case 4: values.storeBytes(of: 0, toByteOffset: row &* 4, as: UInt32.self)
        case 1: values.storeBytes(of: 0, toByteOffset: row, as: UInt8.self)
        default: break
        }
    }
}
