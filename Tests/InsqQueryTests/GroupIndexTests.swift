import InsqStorage
import Testing
@testable import InsqQuery

/// Group numbering and DISTINCT pair sets against plain dictionary references, across the switches from
/// direct arrays and bitmaps to hash tables (growing, negative, extreme and NULL keys).
struct GroupIndexTests {
    @Test func groupIdsFollowFirstSeenOrderInEveryMode() {
        var random = SortTestGenerator(seed: 7)
        // Batches whose values drift upward, dip negative, then jump to the extremes of Int64.
        let batches: [[Int64?]] = (0..<12).map { b in
            (0..<300).map { i -> Int64? in
                let r = random.next()
                if r % 11 == 0 { return nil }
                switch b {
                case 0..<4: return Int64(b * 200 + i % 150)
                case 4..<7: return Int64(i % 40) - 500
                case 7: return i % 2 == 0 ? .min : .max
                default: return Int64(bitPattern: r % 4 == 0 ? r : r % 64)
                }
            }
        }
        var index = GroupIndex(columns: 2)
        var reference: [[Int64?]: Int] = [:]
        for batch in batches {
            let second = batch.map { $0.map { $0 % 3 } }
            var ids: [Int] = []
            let fresh = index.assign([Self.vector(batch), Self.vector(second)], rows: batch.count, ids: &ids)
            var expectedFresh: [Int] = []
            for i in batch.indices {
                let key = [batch[i], second[i]]
                if reference[key] == nil {
                    reference[key] = reference.count
                    expectedFresh.append(i)
                }
                #expect(ids[i] == reference[key], "row \(i)")
            }
            #expect(fresh == expectedFresh)
            #expect(index.count == reference.count)
        }
    }

    @Test func distinctPairsReportEachPairOnce() {
        var random = SortTestGenerator(seed: 11)
        var pairs = DistinctPairs()
        var seen = Set<[Int64]>()
        var groupCount = 1
        for b in 0..<14 {
            // A few groups at first, then many (the bitmap outgrows its limit), values narrow then wide.
            if b == 6 { groupCount = 3_000 }
            let values: [Int64?] = (0..<500).map { _ in
                let r = random.next()
                if r % 13 == 0 { return nil }
                return b < 4 ? Int64(r % 90) - 45 : (b < 9 ? Int64(r % 5_000) * 64 : Int64(bitPattern: r) >> UInt64(r % 60))
            }
            let groups = values.indices.map { _ in Int(random.next() % UInt64(groupCount)) }
            let v = Self.vector(values)
            let words = values.map { UInt64(bitPattern: $0 ?? 0) }
            let fresh = pairs.insert(groups: groups, words: words, validity: v.validity, groupCount: groupCount)
            var expected: [Int] = []
            for (i, value) in values.enumerated() {
                guard let value else { continue }
                if seen.insert([Int64(groups[i]), value]).inserted { expected.append(i) }
            }
            #expect(fresh == expected, "batch \(b)")
        }
        #expect(pairs.table != nil)
    }

    private static func vector(_ values: [Int64?]) -> Vector {
        var validity = Validity.allValid(values.count)
        for (i, v) in values.enumerated() where v == nil { Validity.clear(&validity, i) }
        return Vector(.int64(values.map { $0 ?? 0 }), validity: validity, count: values.count)
    }
}
