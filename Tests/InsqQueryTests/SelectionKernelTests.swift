import Testing
import InsqStorage
@testable import InsqQuery

/// The branch-free selection, gather and validity loops against row-at-a-time answers.
struct SelectionKernelTests {
    /// A vector of `n` booleans with NULLs where `isNull` says, from a fixed pattern.
    static func bools(_ n: Int, seed: Int, isNull: (Int) -> Bool) -> Vector {
        var words = Validity.allValid(n)
        for i in 0..<n where isNull(i) { Validity.clear(&words, i) }
        return Vector(.bool((0..<n).map { ($0 * 7 + seed) % 3 == 0 }), validity: words, count: n)
    }

    /// SQL's AND and OR on one row: nil is NULL.
    static func logic(_ a: Bool?, _ b: Bool?, isAnd: Bool) -> Bool? {
        if isAnd {
            if a == false || b == false { return false }
            return a == nil || b == nil ? nil : true
        }
        if a == true || b == true { return true }
        return a == nil || b == nil ? nil : false
    }

    @Test func andOrMatchThreeValuedLogicRowByRow() {
        for n in [0, 1, 64, 100, 2048] {
            let a = Self.bools(n, seed: 1) { $0 % 5 == 2 }
            let b = Self.bools(n, seed: 2) { $0 % 3 == 1 }
            let plainB = Vector(b.data, validity: nil, count: n)
            for (x, y) in [(a, b), (a, plainB), (plainB, a), (plainB, plainB)] {
                for isAnd in [true, false] {
                    let result = isAnd ? LogicalKernels.and(x, y) : LogicalKernels.or(x, y)
                    for i in 0..<n {
                        let expected = Self.logic(x.isValid(i) ? x.bools[i] : nil, y.isValid(i) ? y.bools[i] : nil, isAnd: isAnd)
                        let got: Bool? = result.isValid(i) ? result.bools[i] : nil
                        #expect(got == expected, "row \(i) of \(n), \(isAnd ? "AND" : "OR")")
                    }
                }
            }
            #expect(LogicalKernels.selection(a) == (0..<n).filter { a.isValid($0) && a.bools[$0] })
            let isNull = LogicalKernels.isNull(a, negated: false).bools
            #expect(isNull == (0..<n).map { !a.isValid($0) })
        }
    }

    @Test func validityRowsOfAnyRange() {
        var words = [UInt64](repeating: 0, count: 4)
        for i in 0..<256 where i % 7 == 0 || i % 11 == 3 { words[i >> 6] |= 1 << UInt64(i & 63) }
        let rows = UnsafeMutablePointer<Int>.allocate(capacity: 256)
        defer { rows.deallocate() }
        for range in [0..<256, 3..<200, 64..<128, 70..<71, 5..<5, 100..<256] {
            for wantValid in [true, false] {
                let n = words.withUnsafeBufferPointer { SelectionKernels.validity($0.baseAddress!, wantValid: wantValid, range, rows, 0) }
                let expected = range.filter { ((words[$0 >> 6] >> UInt64($0 & 63)) & 1 == 1) == wantValid }
                #expect(Array(UnsafeBufferPointer(start: rows, count: n)) == expected, "\(range) \(wantValid)")
            }
        }
    }

    @Test func bitmapMembershipAtTheEndsOfInt64() {
        let values: [Int64] = [Int64.min, Int64.max, 5, Int64.max - 3, Int64.min + 1]
        let rows = UnsafeMutablePointer<Int>.allocate(capacity: values.count)
        defer { rows.deallocate() }
        // Members 5...7 (bits 0 and 2 of a set based at 5); the extremes must not wrap into the range.
        let n = values.withUnsafeBufferPointer { x in
            [UInt64(0b101)].withUnsafeBufferPointer {
                SelectionKernels.bitmap(x.baseAddress!, low: 5, high: 7, $0.baseAddress!, negated: false, 0..<values.count, rows, 0)
            }
        }
        #expect(Array(UnsafeBufferPointer(start: rows, count: n)) == [2])
    }

    @Test func accumulatorKeepsNullsAcrossUnalignedAppends() {
        var accumulator = ColumnAccumulator(type: .bigint)
        var expected: [Bool] = []
        for (k, n) in [3, 64, 70, 0, 129, 1, 2048].enumerated() {
            let hasNulls = k % 2 == 0
            var words = Validity.allValid(n)
            for i in 0..<n where hasNulls && (i + k) % 5 == 0 { Validity.clear(&words, i) }
            accumulator.append(Vector(.int64((0..<n).map(Int64.init)), validity: hasNulls ? words : nil, count: n))
            expected += (0..<n).map { !hasNulls || ($0 + k) % 5 != 0 }
        }
        let column = accumulator.build()
        #expect(column.count == expected.count)
        #expect((0..<column.count).map { !column.isNull($0) } == expected)
        var allValid = ColumnAccumulator(type: .bigint)
        allValid.append(Vector(.int64([1, 2, 3]), validity: [0b111], count: 3))
        #expect(allValid.build().validity == nil)
    }
}
