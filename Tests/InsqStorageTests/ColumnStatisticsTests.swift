import Testing
@testable import InsqStorage

/// Column statistics: exact distinct counts from bitmaps, HyperLogLog estimates against exact counts, ranges, NULLs.
@Suite struct ColumnStatisticsTests {
    /// A deterministic stream of 64-bit values (a linear congruential generator).
    struct Values {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test(arguments: [1_000, 10_000, 50_000, 200_000, 1_000_000, 3_000_000])
    func hyperLogLogIsWithinTwoPercentOfTheExactCount(distinct: Int) {
        // Each value twice, so that repeats must not count.
        var sketch = HyperLogLog()
        var values = Values(state: UInt64(distinct))
        var inserted: [UInt64] = []
        for _ in 0..<distinct { inserted.append(values.next()) }
        for v in inserted + inserted { sketch.insert(v) }
        let error = abs(sketch.estimate - Double(distinct)) / Double(distinct)
        #expect(error < 0.02, "\(distinct) distinct values estimated as \(sketch.estimate)")
    }

    @Test func hyperLogLogIsNearlyExactForSmallCounts() {
        #expect(HyperLogLog().count == 0)
        for distinct in [1, 2, 5, 17, 100, 500] {
            var sketch = HyperLogLog()
            // Consecutive keys: the hash must spread them over the registers.
            for v in 0..<distinct { sketch.insert(UInt64(v)) }
            #expect(abs(sketch.count - distinct) <= max(1, distinct / 100), "\(distinct) → \(sketch.estimate)")
        }
    }

    @Test func hyperLogLogSketchesMergeToTheUnion() {
        var a = HyperLogLog(), b = HyperLogLog()
        for v in 0..<60_000 { a.insert(UInt64(v)) }
        for v in 40_000..<100_000 { b.insert(UInt64(v)) }
        a.merge(b)
        #expect(abs(a.estimate - 100_000) / 100_000 < 0.02)
    }

    @Test func textCountsOnlyTheCodesRowsUse() {
        var builder = ColumnBuilder(type: .text)
        for i in 0..<1000 { builder.append(i % 10 == 0 ? .null : .text("s\(i % 50)")) }
        let column = builder.build()
        let stats = column.statistics
        // Every tenth row is NULL, so the codes of s0, s10, s20, s30 and s40 are used by no row.
        #expect(stats.distinctCount == 45 && stats.isDistinctCountExact)
        #expect(stats.nullCount == 100 && stats.rowCount == 1000 && stats.nullFraction == 0.1)
        // Gathering keeps the dictionary of 50 strings, but the rows use two of them.
        let few = column.gather([1, 2, 51])
        #expect(few.statistics.distinctCount == 2)
        #expect(stats.integerRange == nil && stats.doubleRange == nil)
    }

    @Test func integersInANarrowRangeAreCountedExactly() {
        var builder = ColumnBuilder(type: .bigint)
        for i in 0..<10_000 { builder.append(i % 7 == 0 ? .null : .bigint(Int64(i % 3000) * 3 - 1000)) }
        let stats = builder.build().statistics
        // Rows 0..<3000 repeat every 3,000; a NULL at every multiple of 7 hides values only in some of the cycles.
        var expected = Set<Int64>()
        for i in 0..<10_000 where i % 7 != 0 { expected.insert(Int64(i % 3000) * 3 - 1000) }
        #expect(stats.distinctCount == expected.count && stats.isDistinctCountExact)
        #expect(stats.integerRange == -1000...7997)
        #expect(stats.nullCount == 1429)
    }

    @Test func decimalsAndDatesUseTheirStoredIntegers() {
        var decimals = ColumnBuilder(type: .decimal(precision: 10, scale: 2))
        var dates = ColumnBuilder(type: .date)
        for i in 0..<5000 {
            decimals.append(.decimal(Int64(i % 400) * 25, scale: 2))
            dates.append(.date(Int32(8000 + i % 2526)))
        }
        let amounts = decimals.build().statistics, days = dates.build().statistics
        #expect(amounts.distinctCount == 400 && amounts.integerRange == 0...9975)
        #expect(days.distinctCount == 2526 && days.integerRange == 8000...10525 && days.isDistinctCountExact)
    }

    @Test func integersInAWideRangeAreSketched() {
        var builder = ColumnBuilder(type: .bigint)
        var values = Values(state: 7)
        var keys: [Int64] = []
        for _ in 0..<20_000 { keys.append(Int64(truncatingIfNeeded: values.next() >> 20)) }
        for i in 0..<100_000 { builder.append(i % 10 == 3 ? .null : .bigint(keys[i % keys.count])) }
        let stats = builder.build().statistics
        #expect(!stats.isDistinctCountExact)
        // Rows with i % 10 == 3 are NULL, and 20,000 is a multiple of 10: the keys at those positions never appear.
        #expect(abs(Double(stats.distinctCount) - 18_000) / 18_000 < 0.02, "\(stats.distinctCount)")
        let present = keys.indices.filter { $0 % 10 != 3 }.map { keys[$0] }
        #expect(stats.integerRange == present.min()!...present.max()!)
    }

    @Test func doublesAreSketchedWithTheirRange() {
        var builder = ColumnBuilder(type: .double)
        for i in 0..<30_000 { builder.append(i % 5 == 0 ? .null : .double(Double(i % 3000) / 8 - 10)) }
        builder.append(.double(.nan))
        builder.append(.double(-0.0))
        let stats = builder.build().statistics
        // The loop's distinct values, NaN, and -0.0 counted as 0.0 (which the loop never yields: its row is NULL).
        var expected = Set<Double>()
        for i in 0..<30_000 where i % 5 != 0 { expected.insert(Double(i % 3000) / 8 - 10) }
        expected.insert(0)
        let exact = Double(expected.count + 1)
        #expect(abs(Double(stats.distinctCount) - exact) / exact < 0.02, "\(stats.distinctCount) vs \(exact)")
        let low: Double = 1.0 / 8 - 10, high: Double = 2999.0 / 8 - 10
        #expect(stats.doubleRange == low...high)
    }

    @Test func booleansAndNullColumns() {
        var flags = ColumnBuilder(type: .boolean)
        for i in 0..<100 { flags.append(i == 50 ? .null : .boolean(i % 3 == 0)) }
        #expect(flags.build().statistics.distinctCount == 2)
        let onlyTrue = Column(type: .boolean, data: .bool([true, true]))
        #expect(onlyTrue.statistics.distinctCount == 1)
        for type in [DataType.bigint, .date, .double, .text, .boolean] {
            let stats = Column.nulls(type: type, count: 70).statistics
            #expect(stats.distinctCount == 0 && stats.nullCount == 70, "\(type)")
            #expect(stats.integerRange == nil && stats.doubleRange == nil, "\(type)")
        }
        let empty = Column(type: .bigint, data: .int64([])).statistics
        #expect(empty.rowCount == 0 && empty.distinctCount == 0 && empty.nullFraction == 0)
    }

    @Test func copiesOfAColumnShareTheStatistics() {
        let column = Column(type: .bigint, data: .int64([1, 2, 2, 3]))
        let copy = column
        #expect(copy.statistics.distinctCount == 3)
        #expect(column.zoneMapCache === copy.zoneMapCache)
    }
}
