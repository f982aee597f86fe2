import InsqStorage

/// Parsers of field bytes `p[start..<end]` into values, without building Strings.
///
/// "Strict" parsers accept what type inference accepts: canonical spellings only (no spaces, no `+`, no
/// leading zeros), so that a value written back gives the same bytes. The lenient ones serve declared types.
enum CSVFieldParsing {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// `-?(0|[1-9][0-9]*)` that fits an Int64, not `-0`; the value and its digit count.
    @inline(__always)
    static func canonicalInteger(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (Int64, Int)? {
        var i = start
        let negative = i < end && p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let first = i
        guard i < end, isDigit(p[i]) else { return nil }
        if p[i] == UInt8(ascii: "0") && (end - i > 1 || negative) { return nil }
        var value: UInt64 = 0
        while i < end {
            let d = p[i] &- 0x30
            guard d < 10 else { return nil }
            guard i - first < 18 || value <= (UInt64.max - 9) / 10 else { return nil }
            value = value &* 10 &+ UInt64(d)
            i += 1
        }
        let digits = end - first
        if negative {
            guard value <= UInt64(Int64.max) + 1 else { return nil }
            return (value == UInt64(Int64.max) + 1 ? Int64.min : -Int64(value), digits)
        }
        guard value <= UInt64(Int64.max) else { return nil }
        return (Int64(value), digits)
    }

    /// `-?(0|[1-9][0-9]*)\.[0-9]+` with at most 18 digits in all and not negative zero: its scale and integer digits.
    static func canonicalDecimalShape(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int)
        -> (scale: Int, integerDigits: Int)? {
        var i = start
        let negative = i < end && p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let first = i
        var nonZero = false
        while i < end, isDigit(p[i]) {
            if p[i] != UInt8(ascii: "0") { nonZero = true }
            i += 1
        }
        let integerDigits = i - first
        guard integerDigits > 0, integerDigits == 1 || p[first] != UInt8(ascii: "0") else { return nil }
        guard i < end, p[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        let fractionStart = i
        while i < end, isDigit(p[i]) {
            if p[i] != UInt8(ascii: "0") { nonZero = true }
            i += 1
        }
        let scale = i - fractionStart
        guard i == end, scale > 0, integerDigits + scale <= 18, nonZero || !negative else { return nil }
        return (scale, integerDigits)
    }

    /// A canonical integer or a canonical decimal of exactly `scale` fraction digits, scaled by 10^scale, with
    /// at most 18 digits in all; the value and its integer digits.
    @inline(__always)
    static func strictDecimal(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, scale: Int) -> (Int64, Int)? {
        var i = start
        let negative = i < end && p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let first = i
        var value: Int64 = 0
        while i < end {
            let d = p[i] &- 0x30
            guard d < 10 else { break }
            value = value &* 10 &+ Int64(d)
            i += 1
            if i - first > 18 { return nil }
        }
        let integerDigits = i - first
        guard integerDigits > 0, integerDigits == 1 || p[first] != UInt8(ascii: "0") else { return nil }
        guard integerDigits + scale <= 18 else { return nil }
        if i == end {
            guard !(negative && value == 0) else { return nil }
            let scaled = value &* DecimalText.powersOfTen[scale]
            return (negative ? -scaled : scaled, integerDigits)
        }
        guard p[i] == UInt8(ascii: "."), end - i - 1 == scale else { return nil }
        i += 1
        while i < end {
            let d = p[i] &- 0x30
            guard d < 10 else { return nil }
            value = value &* 10 &+ Int64(d)
            i += 1
        }
        guard !(negative && value == 0) else { return nil }
        return (negative ? -value : value, integerDigits)
    }

    /// `[-+]?digits` around optional spaces and tabs, fitting an Int64.
    static func lenientInteger(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        let (s, e) = trimmed(p, start, end)
        var i = s
        var negative = false
        if i < e, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < e else { return nil }
        var value: Int64 = 0
        while i < e {
            let d = p[i] &- 0x30
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = negative ? m.subtractingReportingOverflow(Int64(d)) : m.addingReportingOverflow(Int64(d))
            if o1 || o2 { return nil }
            value = a
            i += 1
        }
        return value
    }

    /// `[-+]?digits[.digits]` (or `.digits`) rounded half away from zero to `scale`, below 10^precision in magnitude.
    static func lenientDecimal(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, precision: Int, scale: Int) -> Int64? {
        let (s, e) = trimmed(p, start, end)
        var i = s
        var negative = false
        if i < e, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        var value: Int64 = 0
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        var roundUp = false
        while i < e {
            let b = p[i]
            if b == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
            } else if isDigit(b) {
                sawDigit = true
                if sawPoint && fractionDigits >= scale {
                    if fractionDigits == scale && b >= UInt8(ascii: "5") { roundUp = true }
                    fractionDigits += 1
                } else {
                    let (m, o1) = value.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(Int64(b - 0x30))
                    if o1 || o2 { return nil }
                    value = a
                    if sawPoint { fractionDigits += 1 }
                }
            } else {
                return nil
            }
            i += 1
        }
        guard sawDigit, let factor = DecimalText.power(scale - min(fractionDigits, scale)) else { return nil }
        let (scaled, o) = value.multipliedReportingOverflow(by: factor)
        guard !o else { return nil }
        value = scaled + (roundUp ? 1 : 0)
        if let limit = DecimalText.power(precision), value >= limit { return nil }
        return negative ? -value : value
    }

    /// `[-+]?(digits[.digits]|.digits)([eE][-+]?digits)?`, correctly rounded. Strict mode refuses spaces and an
    /// integer part with a leading zero followed by a digit (`007`: such columns stay TEXT).
    static func double(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, strict: Bool) -> Double? {
        var (s, e) = (start, end)
        if !strict { (s, e) = trimmed(p, start, end) }
        var i = s
        var negative = false
        if i < e, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var digits = 0
        let integerStart = i
        while i < e, isDigit(p[i]) {
            accumulate(p[i], &mantissa, &significant, &exponent, fraction: false)
            digits += 1
            i += 1
        }
        if strict && i - integerStart > 1 && p[integerStart] == UInt8(ascii: "0") { return nil }
        if i < e, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < e, isDigit(p[i]) {
                accumulate(p[i], &mantissa, &significant, &exponent, fraction: true)
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < e, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < e, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < e else { return nil }
            var written = 0
            while i < e, isDigit(p[i]) {
                if written < 100_000 { written = written * 10 + Int(p[i] - 0x30) }
                i += 1
            }
            exponent += exponentNegative ? -written : written
        }
        guard i == e else { return nil }
        if significant <= 19 && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            var v = Double(mantissa)
            if exponent < 0 { v /= powersOfTen[-exponent] } else { v *= powersOfTen[exponent] }
            return negative ? -v : v
        }
        return Double(String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self))
    }

    private static let powersOfTen: [Double] = (0...22).map { k in
        var v = 1.0
        for _ in 0..<k { v *= 10 }
        return v
    }

    @inline(__always)
    private static func accumulate(_ b: UInt8, _ mantissa: inout UInt64, _ significant: inout Int,
                                   _ exponent: inout Int, fraction: Bool) {
        if significant == 0 && b == UInt8(ascii: "0") {
            if fraction { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa &* 10 &+ UInt64(b - 0x30)
            significant += 1
            if fraction { exponent -= 1 }
        } else {
            significant += 1  // too many digits for the fast path; the slow path reads the text again
            if !fraction { exponent += 1 }
        }
    }

    /// `true` or `false` in any ASCII case.
    @inline(__always)
    static func strictBoolean(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool? {
        let n = end - start
        guard n == 4 || n == 5 else { return nil }
        var word: UInt64 = 0
        for i in start..<end { word = word << 8 | UInt64(p[i] | 0x20) }
        if word == 0x74_72_75_65 { return true }          // "true"
        if word == 0x66_61_6c_73_65 { return false }      // "false"
        return nil
    }

    /// `true`/`false`/`1`/`0` in any case, around optional spaces.
    static func lenientBoolean(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool? {
        let (s, e) = trimmed(p, start, end)
        if e - s == 1 {
            if p[s] == UInt8(ascii: "1") { return true }
            if p[s] == UInt8(ascii: "0") { return false }
        }
        return strictBoolean(p, s, e)
    }

    /// The range without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmed(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var s = start, e = end
        while s < e && (p[s] == 0x20 || p[s] == 0x09) { s += 1 }
        while e > s && (p[e - 1] == 0x20 || p[e - 1] == 0x09) { e -= 1 }
        return (s, e)
    }
}
