/// The fast parser's path for any field the quick readers do not take.
extension CSVFastParser {
    /// Any field of any kind: finds its end, checks its terminator and UTF-8, then reads the value.
    @inline(never)
    static func general(_ p: UnsafePointer<UInt8>, _ pos: Int, _ slot: UnsafeMutablePointer<CSVFastSlot>,
                                _ row: Int, _ last: Bool, _ delimiter: UInt8, _ pattern: UInt64) -> Int {
        var high: UInt64 = 0
        let e = CSVSWAR.scan(p, pos, pattern, &high)
        let t = p[e]
        guard last ? t == lf : t == delimiter else { return -1 }
        var end = e
        if last && end > pos && p[end - 1] == cr { end -= 1 }
        if high & CSVSWAR.highs != 0 {
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
    static func store<T>(_ slot: UnsafeMutablePointer<CSVFastSlot>, _ row: Int, _ value: T) {
        slot.pointee.values.unsafelyUnwrapped.assumingMemoryBound(to: T.self)[row] = value
        slot.pointee.bits[row &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: row & 63)
    }

    /// A NULL: no validity bit, and a zero value (what the other readers leave under NULLs).
    static func storeNull(_ slot: UnsafeMutablePointer<CSVFastSlot>, _ row: Int, _ kind: CSVFastKind) {
        guard let values = slot.pointee.values else { return }
        switch kind.stride {
        case 8: values.storeBytes(of: 0, toByteOffset: row &* 8, as: UInt64.self)
        case 4: values.storeBytes(of: 0, toByteOffset: row &* 4, as: UInt32.self)
        case 1: values.storeBytes(of: 0, toByteOffset: row, as: UInt8.self)
        default: break
        }
    }
}
