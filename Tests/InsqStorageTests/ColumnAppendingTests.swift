import Testing
import InsqStorage

/// `Column.appending`, the heart of INSERT: buffers, NULLs and dictionaries.
@Suite struct ColumnAppendingTests {
    static func text(_ values: [String?]) -> Column {
        var builder = ColumnBuilder(type: .text)
        for value in values { builder.append(value.map(Value.text) ?? .null) }
        return builder.build()
    }

    static func values(_ column: Column) -> [Value] {
        (0..<column.count).map(column.value(at:))
    }

    @Test func textFromAnotherDictionaryIsReencoded() {
        let old = Self.text(["a", "b", nil])
        let new = Self.text(["c", nil, "a", "c"])
        let joined = old.appending(new)
        #expect(Self.values(joined) == [.text("a"), .text("b"), .null, .text("c"), .null, .text("a"), .text("c")])
        guard case let .text(codes, dictionary) = joined.data else {
            Issue.record("expected text data")
            return
        }
        #expect(dictionary.strings == ["a", "b", "c"])
        #expect(codes[0] == codes[5])
    }

    @Test func onlyTheStringsTheRowsUseAreAdded() {
        let old = Self.text(["a"])
        // A column picked from a larger one keeps the larger dictionary.
        let picked = Self.text(["x", "y", "z"]).gather([1])
        let joined = old.appending(picked)
        guard case let .text(_, dictionary) = joined.data else {
            Issue.record("expected text data")
            return
        }
        #expect(dictionary.strings == ["a", "y"])
    }

    @Test func numbersDatesAndNulls() {
        var ints = ColumnBuilder(type: .decimal(precision: 8, scale: 2))
        ints.append(.decimal(150, scale: 2))
        var more = ColumnBuilder(type: .decimal(precision: 8, scale: 2))
        more.appendNull()
        more.append(.decimal(-5, scale: 2))
        let joined = ints.build().appending(more.build())
        #expect(Self.values(joined) == [.decimal(150, scale: 2), .null, .decimal(-5, scale: 2)])
        #expect(joined.type == .decimal(precision: 8, scale: 2))

        let empty = Column.nulls(type: .date, count: 0)
        let days = empty.appending(Column.nulls(type: .date, count: 2))
        #expect(Self.values(days) == [.null, .null])
        #expect(empty.appending(empty).count == 0)
        #expect(empty.appending(empty).validity == nil)
    }
}
