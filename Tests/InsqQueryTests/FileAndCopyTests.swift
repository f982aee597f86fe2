import InsqStorage
import InsqSyntax
import Synchronization
import Testing
@testable import InsqQuery

/// `FROM 'file'` through the caller's loader, and COPY's outcome (the engine writes nothing).
@Suite struct FileAndCopyTests {
    /// Knows one file; any other path fails as a missing file would.
    static let loader: FileTableLoader = { path in
        guard path == "data/visits.csv" else { throw LoaderFailure(reason: "no such file") }
        return makeTable("ignored name", [("id", .bigint), ("fee", .decimal(precision: 6, scale: 2))],
                         [[.bigint(1), .decimal(1250, scale: 2)], [.bigint(3), .null]])
    }

    struct LoaderFailure: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    @Test func aFileIsATableNamedAfterIt() throws {
        let runner = StatementRunner(.small, loadFile: Self.loader)
        #expect(try runner.rows("SELECT visits.id, fee FROM 'data/visits.csv' ORDER BY id") == ["1\t12.50", "3\tNULL"])
        #expect(try runner.rows("SELECT p.name, v.fee FROM people p JOIN 'data/visits.csv' v USING (id) ORDER BY p.id") ==
                ["An\t12.50", "NULL\tNULL"])
        #expect(try runner.rows("FROM 'data/visits.csv' |> WHERE fee IS NULL |> SELECT id") == ["3"])
        #expect(try runner.rows("FROM people |> LEFT JOIN 'data/visits.csv' USING (id) |> AGGREGATE COUNT(*), COUNT(fee)") == ["3\t1"])
    }

    @Test func aFileThatCannotBeReadIsAnErrorUnderItsName() {
        let runner = StatementRunner(.small, loadFile: Self.loader)
        #expect(runner.failure("SELECT *\nFROM people, 'data/nope.csv' AS n") == """
            Binder error at 2:14: cannot read 'data/nope.csv': no such file
              FROM people, 'data/nope.csv' AS n
                           ^^^^^^^^^^^^^^^
            """)
        let withoutLoader = StatementRunner(.small)
        #expect(withoutLoader.failure("FROM 'data/visits.csv'") == """
            Binder error at 1:6: cannot read 'data/visits.csv': reading files is not available here
              FROM 'data/visits.csv'
                   ^^^^^^^^^^^^^^^^^
            """)
    }

    @Test func aFileNamedTwiceIsReadOnce() throws {
        let reads = Counter()
        let counting: FileTableLoader = { path in
            reads.add()
            return try Self.loader(path)
        }
        let runner = StatementRunner(.small, loadFile: counting)
        #expect(try runner.rows("SELECT COUNT(*) FROM 'data/visits.csv' a, 'data/visits.csv' b") == ["4"])
        #expect(reads.value == 1)
    }

    @Test func copyHandsBackTheRowsAndOptions() throws {
        var runner = StatementRunner(.small, loadFile: Self.loader)
        guard case let .copy(result, path, header, delimiter) =
                try runner.perform("COPY (SELECT name FROM people WHERE id < 3 ORDER BY id) TO 'out/names.csv' (HEADER false, DELIMITER ';')") else {
            Issue.record("COPY should answer with .copy")
            return
        }
        #expect(path == "out/names.csv")
        #expect(!header)
        #expect(delimiter == UInt8(ascii: ";"))
        #expect(result.schema.map(\.name) == ["name"])
        #expect(result.rowCount == 2)
        guard case let .copy(table, _, tableHeader, comma) = try runner.perform("COPY cities TO 'c.csv'") else {
            Issue.record("COPY should answer with .copy")
            return
        }
        #expect(tableHeader && comma == UInt8(ascii: ","))
        #expect(table.rowCount == 3)
        #expect(runner.catalog.tableNames == ["people", "cities"])
    }
}

/// Counts calls from a `@Sendable` closure.
final class Counter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
