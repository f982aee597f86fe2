/// Conversions between decimal text and scaled Int64 values.
public enum DecimalText {
    /// Powers of ten that fit in an Int64 (10^0 ... 10^18).
    public static let powersOfTen: [Int64] = {
        var p: [Int64] = [1]
        for _ in 0..<18 { p.append(p[p.count - 1] * 10) }
        return p
    }()

    /// 10^n, or nil when it does not fit in an Int64.
    public static func power(_ n: Int) -> Int64? {
        n >= 0 && n < powersOfTen.count ? powersOfTen[n] : nil
    }

    /// Parses `[-+]digits[.digits]` into a value scaled by 10^scale, rounding extra digits half away from zero.
    /// Returns nil on malformed text or overflow.
    public static func parse<S: StringProtocol>(_ text: S, scale: Int) -> Int64? {
        var bytes = Array(text.utf8)
        while let f = bytes.first, f == 0x20 { bytes.removeFirst() }
        while let l = bytes.last, l == 0x20 { bytes.removeLast() }
        guard !bytes.isEmpty else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        var value: Int64 = 0
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        var roundUp = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
            } else if b >= 0x30 && b <= 0x39 {
                sawDigit = true
                let d = Int64(b - 0x30)
                if sawPoint && fractionDigits >= scale {
                    if fractionDigits == scale && d >= 5 { roundUp = true }
                    fractionDigits += 1
                } else {
                    let (m, o1) = value.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(d)
                    if o1 || o2 { return nil }
                    value = a
                    if sawPoint { fractionDigits += 1 }
                }
            } else {
                return nil
            }
            i += 1
        }
        guard sawDigit else { return nil }
        let used = min(fractionDigits, scale)
        guard let p = power(scale - used) else { return nil }
        let (scaled, o) = value.multipliedReportingOverflow(by: p)
        if o { return nil }
        value = scaled
        if roundUp {
            let (r, o3) = value.addingReportingOverflow(1)
            if o3 { return nil }
            value = r
        }
        return negative ? -value : value
    }

    /// Formats a scaled value with exactly `scale` fraction digits.
    public static func format(_ value: Int64, scale: Int) -> String {
        if scale <= 0 { return String(value) }
        let negative = value < 0
        let magnitude = value.magnitude
        var digits = String(magnitude)
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale - digits.count + 1) + digits
        }
        let cut = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<cut] + "." + digits[cut...]
    }
}
