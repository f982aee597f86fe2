/// A quick reader of one kind of field whose bounds are known; the column loop is specialized per reader.
protocol CSVFastReader {
    /// Reads `p[s..<e]` into `slot` at `row`; false when the value is not one of this kind.
    static func read(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ slot: UnsafeMutablePointer<CSVFastSlot>,
                     _ row: Int) -> Bool
}

/// Declared BIGINT: plain digits with an optional minus sign; other spellings go to the lenient reader.
struct CSVBigintReader: CSVFastReader {
    @inline(__always)
    static func read(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ slot: UnsafeMutablePointer<CSVFastSlot>,
                     _ row: Int) -> Bool {
        let negative = p[s] == UInt8(ascii: "-")
        let first = negative ? s &+ 1 : s
        let (digits, v) = CSVSWAR.digits(p + first)
        if digits > 0 && first &+ digits == e {
            CSVFastParser.store(slot, row, negative ? -Int64(v) : Int64(v))
            return true
        }
        return CSVFastParser.general(p, s, e, slot, row)
    }
}

/// Declared DECIMAL: digits, a point and at most `scale` fraction digits; other spellings (rounding, signs,
/// spaces) go to the lenient reader.
struct CSVDecimalReader: CSVFastReader {
    @inline(__always)
    static func read(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ slot: UnsafeMutablePointer<CSVFastSlot>,
                     _ row: Int) -> Bool {
        let negative = p[s] == UInt8(ascii: "-")
        let first = negative ? s &+ 1 : s
        let (integerDigits, integer) = CSVSWAR.digits(p + first)
        var i = first &+ integerDigits
        var fractionDigits = 0
        var fraction: UInt64 = 0
        if i < e && p[i] == UInt8(ascii: ".") {
            (fractionDigits, fraction) = CSVSWAR.digits(p + (i &+ 1))
            i &+= 1 &+ fractionDigits
        }
        let scale = slot.pointee.scale
        if i == e && integerDigits > 0 && fractionDigits <= scale && integerDigits &+ scale <= 18 {
            while fractionDigits < scale {
                fraction &*= 10
                fractionDigits &+= 1
            }
            let v = Int64(integer &* slot.pointee.factor &+ fraction)
            if v < slot.pointee.limit {
                CSVFastParser.store(slot, row, negative ? -v : v)
                return true
            }
        }
        return CSVFastParser.general(p, s, e, slot, row)
    }
}

/// DATE, declared or inferred: exactly `YYYY-MM-DD`; anything else (a NULL, spaces) goes to the general reader.
struct CSVDateReader: CSVFastReader {
    @inline(__always)
    static func read(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ slot: UnsafeMutablePointer<CSVFastSlot>,
                     _ row: Int) -> Bool {
        if let v = CSVFieldParsing.date(p, s, e) {
            CSVFastParser.store(slot, row, v)
            return true
        }
        return CSVFastParser.general(p, s, e, slot, row)
    }
}

/// TEXT: interned straight from the chunk (UTF-8 was checked for the whole batch).
struct CSVTextReader: CSVFastReader {
    @inline(__always)
    static func read(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ slot: UnsafeMutablePointer<CSVFastSlot>,
                     _ row: Int) -> Bool {
        if e > s {
            CSVFastParser.store(slot, row, slot.pointee.interner.intern(p + s, e &- s))
        } else {
            CSVFastParser.storeNull(slot, row, .text)
        }
        return true
    }
}

/// Every other kind, through the general reader.
struct CSVGeneralReader: CSVFastReader {
    @inline(__always)
    static func read(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ slot: UnsafeMutablePointer<CSVFastSlot>,
                     _ row: Int) -> Bool {
        CSVFastParser.general(p, s, e, slot, row)
    }
}

/// The column loops, one specialization per reader.
extension CSVFastParser {
    /// Reads column `c` of `records` records whose field terminators are in `bounds` (`bounds[0]` ends the
    /// field before the first), into rows from `row`.
    static func column(_ p: UnsafePointer<UInt8>, _ bounds: UnsafePointer<Int32>, _ c: Int, _ width: Int,
                       _ records: Int, _ slot: UnsafeMutablePointer<CSVFastSlot>, _ row: Int) -> Bool {
        let last = c == width - 1
        switch slot.pointee.kind {
        case .skip: return true
        case .bigint: return loop(CSVBigintReader.self, p, bounds, c, width, records, slot, row, last)
        case .decimal: return loop(CSVDecimalReader.self, p, bounds, c, width, records, slot, row, last)
        case .date, .strictDate: return loop(CSVDateReader.self, p, bounds, c, width, records, slot, row, last)
        case .text: return loop(CSVTextReader.self, p, bounds, c, width, records, slot, row, last)
        default: return loop(CSVGeneralReader.self, p, bounds, c, width, records, slot, row, last)
        }
    }

    @inline(__always)
    private static func loop<R: CSVFastReader>(_ reader: R.Type, _ p: UnsafePointer<UInt8>, _ bounds: UnsafePointer<Int32>,
                                               _ c: Int, _ width: Int, _ records: Int,
                                               _ slot: UnsafeMutablePointer<CSVFastSlot>, _ row: Int,
                                               _ last: Bool) -> Bool {
        var k = c
        if last {
            // The record's last field ends at its line feed, before a carriage return if there is one.
            for r in 0..<records {
                let s = Int(bounds[k]) &+ 1
                var e = Int(bounds[k &+ 1])
                if e > s && p[e &- 1] == cr { e &-= 1 }
                if !R.read(p, s, e, slot, row &+ r) { return false }
                k &+= width
            }
        } else {
            for r in 0..<records {
                if !R.read(p, Int(bounds[k]) &+ 1, Int(bounds[k &+ 1]), slot, row &+ r) { return false }
                k &+= width
            }
        }
        return true
    }
}
