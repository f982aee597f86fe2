import InsqStorage

/// Display text of result values, shared by the renderers.
enum CellText {
    /// The value's display text (NULL as `NULL`, decimals at their scale, dates as YYYY-MM-DD) with line
    /// breaks, tabs and other control characters made visible, so that one value stays on one table line.
    static func forTable(_ value: Value) -> String {
        let text = value.description
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default:
                if isControl(scalar) {
                    escaped += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// `1 row`, `3 rows`, `2,000,000 rows`.
    static func rowCount(_ count: Int) -> String {
        "\(grouped(count)) \(count == 1 ? "row" : "rows")"
    }

    /// An integer with commas between groups of three digits.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }
}
