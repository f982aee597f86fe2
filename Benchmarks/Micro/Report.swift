import Foundation

/// Formats the results as an aligned text table, plus the notes under it.
enum Report {
    static let headers = ["benchmark", "rows", "input MB", "median ms", "min ms", "M rows/s", "GB/s", "check"]

    static func table(_ results: [Measurement]) -> String {
        let lines = results.map { m -> [String] in
            let seconds = m.median / 1e9
            return [m.name, grouped(m.rows), fixed(Double(m.bytes) / 1e6, 1), fixed(m.median / 1e6, 2),
                    m.minimum.map { fixed($0 / 1e6, 2) } ?? "–",
                    seconds > 0 ? rate(Double(m.rows) / seconds / 1e6) : "–",
                    seconds > 0 ? rate(Double(m.bytes) / seconds / 1e9) : "–", m.check]
        }
        let all = [headers] + lines
        let widths = headers.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        func row(_ cells: [String]) -> String {
            cells.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                // Text columns (the first and last) are left-aligned, numbers right-aligned.
                return c == 0 || c == cells.count - 1 ? text + pad : pad + text
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([row(headers), rule] + lines.map(row)).joined(separator: "\n")
    }

    /// The closing note: the scan against the plain loop over a 1 GiB buffer.
    static func bandwidthNote(_ results: [Measurement]) -> String? {
        func gbps(_ name: String) -> Double? {
            results.first { $0.name == name }.map { Double($0.bytes) / $0.median }
        }
        guard let scan = gbps("scan-sum") else { return nil }
        var parts: [String] = []
        if let one = gbps("bandwidth-1t") {
            parts.append("\(fixed(scan * 100 / one, 0)) % of the 1-thread loop (\(fixed(one, 1)) GB/s)")
        }
        if let two = gbps("bandwidth-2t") {
            parts.append("\(fixed(scan * 100 / two, 0)) % of the 2-thread loop (\(fixed(two, 1)) GB/s)")
        }
        guard !parts.isEmpty else { return nil }
        return "scan-sum reads amount at \(fixed(scan, 1)) GB/s: " + parts.joined(separator: ", ") + "."
    }

    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// A rate with about three significant digits (at least one decimal below 100).
    static func rate(_ value: Double) -> String {
        fixed(value, value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3)
    }

    /// An integer with thousands separators.
    static func grouped(_ n: Int) -> String {
        var digits = Array(String(n))
        var i = digits.count - 3
        while i > 0 {
            digits.insert(",", at: i)
            i -= 3
        }
        return String(digits)
    }

    /// A progress or set-up line on standard error.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data("insq-micro: \(text)\n".utf8))
    }
}
