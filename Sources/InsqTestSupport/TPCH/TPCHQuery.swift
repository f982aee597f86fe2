import Foundation

/// One of the 22 TPC-H queries, `Benchmarks/tpch/queries/qNN.sql`: the argument of the TPC-H test cases.
public struct TPCHQuery: Sendable, Hashable, CustomStringConvertible {
    /// 1 to 22.
    public let number: Int

    public init(_ number: Int) {
        self.number = number
    }

    /// The file name without its extension, e.g. `q05`.
    public var name: String { number < 10 ? "q0\(number)" : "q\(number)" }

    public var description: String { name }

    /// Path relative to the package root, e.g. `Benchmarks/tpch/queries/q05.sql`.
    public var relativePath: String { TestPaths.relative(url.path) }

    var url: URL { TestPaths.tpchQueries.appendingPathComponent(name + ".sql") }

    /// The file's text: a leading comment, then one statement ending with `;`.
    public func text() throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// Queries 1 to 22 except those listed.
    public static func all(except excluded: [Int] = []) -> [TPCHQuery] {
        (1...22).filter { !excluded.contains($0) }.map(TPCHQuery.init)
    }

    /// Whether the ORDER BY fixes the place of every row: true unless the file has a `-- order: partial` line
    /// (the marker the benchmark driver reads too), whose rows are compared as multisets.
    static func isOrdered(_ text: String) -> Bool {
        !text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "-- order: partial" }
    }
}
