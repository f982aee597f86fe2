/// The fast parser's path for any field the quick readers do not take.
extension CSVFastParser {
    /// Any value of any kind in `p[pos..<end]` (UTF-8 already checked); false when it does not fit.
    @inline(never)
    static func general(_ p: UnsafePointer<UInt8>, _ pos: Int, _ end: Int, _ slot: UnsafeMutablePointer<CSVFastSlot>,
                        _ row: Int) -> Bool {
        let kind = slot.pointee.kind
        if kind == .skip { return true }
        if end == pos {
            storeNull(slot, row, kind)
            return true
        }
        switch kind {
        case .skip: break
        case .empty: return false
        case .text: store(slot, row, slot.pointee.interner.intern(p + pos, end - pos))
        case .bigint:
            guard let v = CSVFieldParsing.lenientInteger(p, pos, end) else { return false }
            store(slot, row, v)
        case .decimal:
            guard let v = CSVFieldParsing.lenientDecimal(p, pos, end, precision: slot.pointee.precision,
                                                         scale: slot.pointee.scale) else { return false }
            store(slot, row, v)
        case .double, .strictDouble:
            guard let v = CSVFieldParsing.double(p, pos, end, strict: kind == .strictDouble) else { return false }
            store(slot, row, v)
        case .date:
            let (a, b) = CSVFieldParsing.trimmed(p, pos, end)
            guard let v = CSVFieldParsing.date(p, a, b) else { return false }
            store(slot, row, v)
        case .strictDate:
            guard let v = CSVFieldParsing.date(p, pos, end) else { return false }
            store(slot, row, v)
        case .boolean:
            guard let v = CSVFieldParsing.lenientBoolean(p, pos, end) else { return false }
            store(slot, row, v)
        case .strictBoolean:
            guard let v = CSVFieldParsing.strictBoolean(p, pos, end) else { return false }
            store(slot, row, v)
        case .canonicalInteger:
            guard let (v, d) = CSVFieldParsing.canonicalInteger(p, pos, end) else { return false }
            slot.pointee.digits = max(slot.pointee.digits, d)
            store(slot, row, v)
        case .strictDecimal:
            guard let (v, d) = CSVFieldParsing.strictDecimal(p, pos, end, scale: slot.pointee.scale) else { return false }
            slot.pointee.digits = max(slot.pointee.digits, d)
            store(slot, row, v)
        }
        return true
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
