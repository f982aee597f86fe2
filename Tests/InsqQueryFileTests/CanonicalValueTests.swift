import InsqStorage
import InsqTestSupport
import Testing

@Suite struct CanonicalValueTests {
    @Test(arguments: [
        (Value.null, "NULL"),
        (.bigint(-42), "-42"),
        (.decimal(1250, scale: 2), "12.50"),
        (.decimal(-5, scale: 2), "-0.05"),
        (.decimal(7, scale: 0), "7"),
        (.date(0), "1970-01-01"),
        (.date(Int32(DateDays.days(year: 2024, month: 2, day: 29))), "2024-02-29"),
        (.boolean(true), "true"),
        (.boolean(false), "false"),
        (.text(""), "(empty)"),
        (.text("王芳"), "王芳"),
        (.text("a\tb\nc\\d"), "a\\tb\\nc\\\\d"),
        (.double(3.5), "3.5"),
        (.double(2), "2.0"),
        (.double(-0.0), "0.0"),
        (.double(1.0 / 3.0), "0.333333333333"),
        (.double(2.0 / 3.0), "0.666666666667"),
        (.double(0.1 + 0.2), "0.3"),
        (.double(123456789.123456789), "123456789.123"),
        (.double(1e15), "1.0e+15"),
        (.double(-1.5e20), "-1.5e+20"),
        (.double(0.00001), "0.00001"),
        (.double(0.000001234), "1.234e-6"),
        (.double(999999999999.5), "1000000000000.0"),
        (.double(.infinity), "Infinity"),
        (.double(.nan), "NaN"),
    ])
    func canonicalText(value: Value, text: String) {
        #expect(CanonicalValue.text(value) == text)
    }

    @Test(arguments: [
        (12.5, 2, "12.50"),
        (0.1 + 0.2, 2, "0.30"),
        (1234.565, 2, "1234.57"),       // 1234.56499999... in binary; exact decimal rounds up
        (-2.675, 2, "-2.68"),
        (0.004, 2, "0.00"),
        (-0.004, 2, "0.00"),
        (99.995, 2, "100.00"),
        (98765432.1, 2, "98765432.10"),
        (7.0, 0, "7"),
        (0.0, 3, "0.000"),
        (1.0005, 3, "1.001"),
    ])
    func doubleAtScale(value: Double, scale: Int, text: String) {
        #expect(CanonicalValue.double(value, atScale: scale) == text)
    }

    @Test func typeCodes() {
        #expect(ColumnTypeCode.parse("IRNTDB?") == [.integer, .real, .decimal, .text, .date, .boolean, .any])
        #expect(ColumnTypeCode.parse("") == nil)
        #expect(ColumnTypeCode.parse("IX") == nil)
        #expect(ColumnTypeCode(.decimal(precision: 14, scale: 2)) == .decimal)
        #expect(ColumnTypeCode.integer.accepts(.null))
        #expect(ColumnTypeCode.any.accepts(.date))
        #expect(!ColumnTypeCode.real.accepts(.decimal(precision: 18, scale: 2)))
    }

    @Test func sortModes() {
        let rows = [["b", "2"], ["a", "10"], ["a", "1"], ["Ä", "0"], ["NULL", "x"]]
        #expect(ResultRows.sorted(rows, mode: .nosort, width: 2) == rows)
        #expect(ResultRows.sorted(rows, mode: .rowsort, width: 2)
                == [["NULL", "x"], ["a", "1"], ["a", "10"], ["b", "2"], ["Ä", "0"]])
        #expect(ResultRows.sorted(rows, mode: .valuesort, width: 2)
                == [["0", "1"], ["10", "2"], ["NULL", "a"], ["a", "b"], ["x", "Ä"]])
    }

    @Test func diff() {
        #expect(TextDiff.lines(expected: ["a", "b", "c"], actual: ["a", "x", "c", "d"])
                == ["  a", "- b", "+ x", "  c", "+ d"])
    }
}
