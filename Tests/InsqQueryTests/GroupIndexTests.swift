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

    @Test func distinctPairsReportEachPairOnce() throws {
        var random = SortTestGenerator(seed: 11)
        var pairs = DistinctPairs()
        var seen = Set<[UInt64]>()
        var groupCount = 1
        for b in 0..<14 {
            // A few groups at first, then many (the bitmap outgrows its limit), values narrow then wide.
            if b == 6 { groupCount = 300_000 }
            let (groups, words, validity) = Self.batch(&random, rows: 500, groupCount: groupCount) { r in
                b < 4 ? UInt64(bitPattern: Int64(r % 90) - 45) : (b < 9 ? r % 5_000 * 64 : r >> (r % 60))
            }
            pairs.insert(groups: groups, words: words, validity: validity, groupCount: groupCount)
            for i in groups.indices where Validity.isSet(validity, i) { seen.insert([UInt64(groups[i]), words[i]]) }
        }
        #expect(pairs.isPartitioned)
        try pairs.finish()
        #expect(Self.listed(pairs) == seen.sorted { $0.lexicographicallyPrecedes($1) })
        var counts = [Int64](repeating: 0, count: groupCount)
        for pair in seen { counts[Int(pair[0])] += 1 }
        #expect(pairs.counts(groupCount: groupCount) == counts)
    }

    /// Parts merged as threads merge them: bitmaps ORed (or re-inserted when translated), bitmaps and
    /// partitions mixed, groups renumbered; every pair once, whatever the split.
    @Test func distinctPairsMergeAcrossRegimes() throws {
        for regimes in [[false, false, false], [false, true, false], [true, false, true], [true, true, true]] {
            var random = SortTestGenerator(seed: 3)
            var seen = Set<[UInt64]>()
            var parts: [DistinctPairs] = []
            var mappings: [[Int]] = []
            for isWide in regimes {
                var part = DistinctPairs()
                // Each later part numbers the 50 groups in its own order: its group g is group mapping[g] in part 0.
                let mapping = (0..<50).map { parts.isEmpty ? $0 : (7 * $0 + parts.count) % 50 }
                for _ in 0..<4 {
                    let (groups, words, validity) = Self.batch(&random, rows: 400, groupCount: 50) { r in
                        isWide ? r : r % 300
                    }
                    part.insert(groups: groups, words: words, validity: validity, groupCount: 50)
                    for i in groups.indices where Validity.isSet(validity, i) { seen.insert([UInt64(mapping[groups[i]]), words[i]]) }
                }
                part.finishInput()
                parts.append(part)
                mappings.append(mapping)
            }
            var merged = parts[0]
            try merged.merge(Array(parts.dropFirst()), groups: Array(mappings.dropFirst()),
                             translations: [[UInt64]?](repeating: nil, count: parts.count - 1), groupCount: 50)
            try merged.finish()
            #expect(Self.listed(merged) == seen.sorted { $0.lexicographicallyPrecedes($1) }, "regimes \(regimes)")
        }
    }

    /// Radix partitions with tiny limits, so that a few thousand pairs are deduplicated early, split into
    /// buckets and buckets of buckets, and merged from other parts directly and through translated words.
    @Test func partitionedPairsCompactSplitAndMerge() throws {
        var random = SortTestGenerator(seed: 5)
        var seen = Set<[UInt64]>()
        let parts = (0..<3).map { _ in PartitionedPairs(minimumToDeduplicate: 8, leafLimit: 16) }
        // Part 2's words are ids of another encoder: word w there is word 1000 - w here.
        let translation = (0..<1_000).map { UInt64(1_000 - $0) }
        for (k, part) in parts.enumerated() {
            for _ in 0..<5 {
                // Few distinct words, so that partitions (chosen by the word) fill up.
                let (groups, words, validity) = Self.batch(&random, rows: 700, groupCount: 400) { r in r % 6 * 97 }
                groups.withUnsafeBufferPointer { g in
                    words.withUnsafeBufferPointer { part.insert(groups: g, words: $0, validity: validity) }
                }
                for i in groups.indices where Validity.isSet(validity, i) {
                    seen.insert([UInt64(groups[i]), k == 2 ? translation[Int(words[i])] : words[i]])
                }
            }
            part.finishInput()
        }
        let identity = Array(0..<400)
        try parts[0].merge([parts[1]], groups: [identity], sources: 1, sourceGroups: [identity], translations: [translation],
                           threads: 3) { _, body in parts[2].forEachChunk(64, body) }
        try parts[0].finish(threads: 2)
        var listed: [[UInt64]] = []
        parts[0].forEachChunk(100) { chunk in
            for i in 0..<(chunk.count / 2) { listed.append([chunk[2 * i], chunk[2 * i + 1]]) }
        }
        #expect(listed.count == seen.count)
        #expect(Set(listed) == seen)
    }

    /// `rows` rows with random groups below `groupCount`, words made from random numbers, and about one
    /// NULL in 13.
    private static func batch(_ random: inout SortTestGenerator, rows: Int, groupCount: Int,
                              word: (UInt64) -> UInt64) -> ([Int], [UInt64], [UInt64]) {
        var validity = Validity.allValid(rows)
        var groups: [Int] = [], words: [UInt64] = []
        for i in 0..<rows {
            let r = random.next()
            if r % 13 == 0 { Validity.clear(&validity, i) }
            groups.append(Int(random.next() % UInt64(groupCount)))
            words.append(word(r))
        }
        return (groups, words, validity)
    }

    /// The pairs, sorted, each as [group, word]; a pair listed twice shows up twice.
    private static func listed(_ pairs: DistinctPairs) -> [[UInt64]] {
        var listed: [[UInt64]] = []
        pairs.forEachChunk(128) { chunk in
            for i in 0..<(chunk.count / 2) { listed.append([chunk[2 * i], chunk[2 * i + 1]]) }
        }
        return listed.sorted { $0.lexicographicallyPrecedes($1) }
    }

    private static func vector(_ values: [Int64?]) -> Vector {
        var validity = Validity.allValid(values.count)
        for (i, v) in values.enumerated() where v == nil { Validity.clear(&validity, i) }
        return Vector(.int64(values.map { $0 ?? 0 }), validity: validity, count: values.count)
    }
}
