import Foundation
import Testing
import InsqData
import InsqStorage

/// Not a test of its own: writes the generated sample as CSV files for checking the sample queries in
/// SQLite (`scripts/export_sample.py`). Runs only when INSQ_EXPORT_SAMPLE names a directory;
/// INSQ_EXPORT_SF (default 0.01) and INSQ_EXPORT_SEED (default 42) choose the sample.
@Test(.enabled(if: ProcessInfo.processInfo.environment["INSQ_EXPORT_SAMPLE"] != nil))
func exportSampleAsCSV() throws {
    let environment = ProcessInfo.processInfo.environment
    let directory = URL(fileURLWithPath: environment["INSQ_EXPORT_SAMPLE"] ?? ".")
    let scaleFactor = environment["INSQ_EXPORT_SF"].flatMap(Double.init) ?? 0.01
    let seed = environment["INSQ_EXPORT_SEED"].flatMap(UInt64.init) ?? SampleGenerator.defaultSeed
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let catalog = SampleGenerator.generate(scaleFactor: scaleFactor, seed: seed)
    for table in catalog.tables {
        var text = table.schema.map(\.name).joined(separator: ",") + "\n"
        for row in 0..<table.rowCount {
            text += table.columns.map { csvField($0.value(at: row)) }.joined(separator: ",")
            text += "\n"
        }
        try text.write(to: directory.appendingPathComponent("\(table.name).csv"), atomically: true, encoding: .utf8)
    }
}

/// A value as a CSV field: NULL empty, text quoted when it holds a comma, quote or line break.
func csvField(_ value: Value) -> String {
    switch value {
    case .null: return ""
    case let .text(s):
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.isEmpty else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    default: return value.description
    }
}
