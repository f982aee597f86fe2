import Foundation
import InsqStorage

/// The one textual form of a result value that `.test` files hold and both engines are compared in.
///
/// DECIMAL at its scale, DOUBLE to 12 significant digits, DATE as `YYYY-MM-DD`, BOOLEAN as `true`/`false`,
/// NULL as `NULL`, the empty string as `(empty)`; tabs, line breaks and backslashes in text are escaped so
/// that a row stays one tab-separated line.
public enum CanonicalValue {
    /// How the empty string is written, so that a row of one empty string is not a blank line.
    public static let emptyText = "(empty)"
    public static let nullText = "NULL"

    /// Canonical text of an insq value.
    public static func text(_ value: Value) -> String {
        switch value {
        case .null: return nullText
        case let .bigint(v): return String(v)
        case let .double(v): return double(v)
        case let .decimal(v, scale): return DecimalText.format(v, scale: scale)
        case let .date(d): return DateDays.format(d)
        case let .boolean(b): return b ? "true" : "false"
        case let .text(s): return text(s)
        }
    }

    /// Canonical text of a string value.
    public static func text(_ s: String) -> String {
        if s.isEmpty { return emptyText }
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A double rounded to 12 significant digits: plain notation for magnitudes from 1e-5 to below 1e15
    /// (whole numbers keep `.0`), scientific (`1.5e+20`) beyond; `-0.0` is written `0.0`.
    public static func double(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
        guard let digits = SignificantDigits(v) else { return "0.0" }
        return digits.canonicalText
    }

    /// A double shown at a decimal's scale: first rounded to 12 significant digits (which undoes binary
    /// floating-point error in sums of decimals), then to `scale` fraction digits, half away from zero.
    public static func double(_ v: Double, atScale scale: Int) -> String {
        if v.isNaN || v.isInfinite { return double(v) }
        guard let digits = SignificantDigits(v) else {
            return scale > 0 ? "0." + String(repeating: "0", count: scale) : "0"
        }
        return digits.fixedText(scale: scale)
    }
}

/// A nonzero double rounded to 12 significant decimal digits: `0.d1 d2 ... × 10^exponent` style storage.
struct SignificantDigits {
    let isNegative: Bool
    /// Decimal digits 0...9, the first nonzero, trailing zeros removed.
    let digits: [UInt8]
    /// Power of ten of the first digit: the value is d0.d1d2... × 10^exponent.
    let exponent: Int

    static let count = 12

    init?(_ v: Double) {
        guard v != 0, v.isFinite else { return nil }
        // "%.11e" prints exactly 12 significant digits, correctly rounded, e.g. "-3.33333333333e-01".
        let printed = String(format: "%.\(Self.count - 1)e", v)
        var negative = false
        var ds: [UInt8] = []
        var exponentText = ""
        var inExponent = false
        for ch in printed.utf8 {
            if inExponent { exponentText.append(Character(Unicode.Scalar(ch))); continue }
            switch ch {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): ds.append(ch - UInt8(ascii: "0"))
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            default: break
            }
        }
        guard let e = Int(exponentText), !ds.isEmpty else { return nil }
        while ds.count > 1, ds.last == 0 { ds.removeLast() }
        isNegative = negative
        digits = ds
        exponent = e
    }

    var canonicalText: String {
        let sign = isNegative ? "-" : ""
        if exponent < -5 || exponent >= 15 {
            let mantissa = digits.count == 1
                ? "\(digits[0]).0"
                : "\(digits[0])." + digits.dropFirst().map(String.init).joined()
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
        }
        let (whole, fraction) = split()
        return sign + whole + "." + (fraction.isEmpty ? "0" : fraction)
    }

    /// Integer and fraction digit strings in plain notation (integer part at least "0").
    private func split() -> (String, String) {
        var whole = ""
        var fraction = ""
        if exponent < 0 {
            whole = "0"
            fraction = String(repeating: "0", count: -exponent - 1) + digits.map(String.init).joined()
        } else {
            for (i, d) in digits.enumerated() {
                if i <= exponent { whole += String(d) } else { fraction += String(d) }
            }
            if digits.count <= exponent { whole += String(repeating: "0", count: exponent + 1 - digits.count) }
        }
        return (whole, fraction)
    }

    /// Plain notation with exactly `scale` fraction digits, rounded half away from zero.
    func fixedText(scale: Int) -> String {
        let (whole, fraction) = split()
        var all = Array((whole + fraction).utf8).map { $0 - UInt8(ascii: "0") }
        let wholeCount = whole.utf8.count
        let keep = wholeCount + max(0, scale)
        if all.count < keep { all += [UInt8](repeating: 0, count: keep - all.count) }
        let roundUp = all.count > keep && all[keep] >= 5
        var kept = Array(all[0..<keep])
        var wholeDigits = wholeCount
        if roundUp {
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; break }
            }
            if i < 0 { kept.insert(1, at: 0); wholeDigits += 1 }
        }
        var wholeText = kept[0..<wholeDigits].map(String.init).joined()
        while wholeText.count > 1, wholeText.hasPrefix("0") { wholeText.removeFirst() }
        if wholeText.isEmpty { wholeText = "0" }
        let fractionText = kept[wholeDigits...].map(String.init).joined()
        let isZero = kept.allSatisfy { $0 == 0 }
        let sign = isNegative && !isZero ? "-" : ""
        return sign + wholeText + (scale > 0 ? "." + fractionText : "")
    }
}
