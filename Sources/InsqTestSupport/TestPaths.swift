import Foundation

/// Folders of the package's test data, found from this source file's path so that no resources are declared.
public enum TestPaths {
    /// The package root: three levels above `Sources/InsqTestSupport/TestPaths.swift`.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // InsqTestSupport
        .deletingLastPathComponent()   // Sources
        .deletingLastPathComponent()

    public static let queries = packageRoot.appendingPathComponent("Tests/Queries", isDirectory: true)
    public static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures", isDirectory: true)
    public static let sqliteScript = packageRoot.appendingPathComponent("Tests/SQLiteCheck/run_sqlite.py")
    /// The TPC-H tables at scale factor 0.01, as tpchgen-cli wrote them (one CSV file per table).
    public static let tpchData = packageRoot.appendingPathComponent("Tests/TPCH/sf0.01", isDirectory: true)
    /// The 22 TPC-H queries, shared with the benchmark (`Benchmarks/tpch/run`).
    public static let tpchQueries = packageRoot.appendingPathComponent("Benchmarks/tpch/queries", isDirectory: true)

    /// A path relative to the package root when it lies inside it (for messages), else unchanged.
    public static func relative(_ path: String) -> String {
        let root = packageRoot.path.hasSuffix("/") ? packageRoot.path : packageRoot.path + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}

/// One `.test` file under `Tests/Queries`: the argument of the per-file test cases.
public struct QueryFile: Sendable, Hashable, CustomStringConvertible {
    /// Absolute path.
    public let path: String
    /// Path below `Tests/Queries`, e.g. `select/basic.test`.
    public let queryPath: String

    public init(path: String, queryPath: String) {
        self.path = path
        self.queryPath = queryPath
    }

    /// Path relative to the package root, e.g. `Tests/Queries/select/basic.test`.
    public var relativePath: String { "Tests/Queries/" + queryPath }

    public var description: String { queryPath }

    /// Whether the file holds error goldens, whose `statement error` records must carry the whole diagnostic.
    public var isErrorGolden: Bool { queryPath.hasPrefix("errors/") }

    public func read() throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Every `.test` file under `Tests/Queries`, sorted by path.
    public static var all: [QueryFile] { files(under: TestPaths.queries) }

    public static func files(under directory: URL) -> [QueryFile] {
        // The enumerator does not descend into a root that is a symbolic link, so resolve it first.
        let root = directory.resolvingSymlinksInPath().standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return []
        }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var found: [QueryFile] = []
        for case let url as URL in walker where url.pathExtension == "test" {
            let path = url.standardizedFileURL.path
            let below = path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : url.lastPathComponent
            found.append(QueryFile(path: path, queryPath: below))
        }
        return found.sorted { $0.queryPath < $1.queryPath }
    }
}

extension QueryFile {
    /// Reads the file, runs `body` on its text and, when the report carries rewritten text (record mode),
    /// writes it back; read and write failures become report failures.
    func runRewriting(_ body: (String) -> QueryFileReport) -> QueryFileReport {
        let text: String
        do {
            text = try read()
        } catch {
            var report = QueryFileReport()
            report.failures.append(TestFailure(file: relativePath, line: 0, message: "cannot read: \(error)"))
            return report
        }
        var report = body(text)
        if let rewritten = report.rewrittenText {
            do {
                try rewritten.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                report.failures.append(TestFailure(file: relativePath, line: 0, message: "cannot write: \(error)"))
            }
        }
        return report
    }
}
