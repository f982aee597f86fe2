import InsqStorage

/// Running state of one aggregate for every group, updated a batch at a time.
protocol AggregateState: AnyObject {
    /// Folds rows into their groups: `groups[i]` is row i's group id; `input` is the argument (nil for COUNT(*)).
    func update(groups: [Int], input: Vector?, groupCount: Int) throws
    func result(groupCount: Int) -> Column
    /// Adds the states of the same aggregate over later rows (other threads' parts, in row order), as if
    /// their rows had followed ours: group g of `others[k]` is group `groups[k][g]` here. They have this
    /// state's class.
    func merge(_ others: [AggregateState], groups: [[Int]], groupCount: Int) throws
}

/// A state that merges other parts one at a time, each with its own group mapping.
protocol PairwiseMergingState: AggregateState {
    func merge(_ other: Self, groups: [Int], groupCount: Int) throws
}

extension PairwiseMergingState {
    func merge(_ others: [AggregateState], groups: [[Int]], groupCount: Int) throws {
        for (other, mapping) in zip(others, groups) { try merge(other as! Self, groups: mapping, groupCount: groupCount) }
    }
}

/// Makes the state for an aggregate call.
enum AggregateStates {
    /// `retainsValues`: a DISTINCT state keeps its distinct values so that it can be merged into another.
    static func make(_ call: AggregateCall, retainsValues: Bool = false) -> AggregateState {
        let state: AggregateState
        let argumentType = call.argument?.type ?? .bigint
        switch call.function {
        case .countStar: state = CountState(countsNulls: true)
        case .count: state = CountState(countsNulls: false)
        case .sum:
            state = argumentType == .double ? DoubleSumState(isAverage: false, type: call.type)
                : IntSumState(isAverage: false, type: call.type, scale: argumentType.scale)
        case .avg:
            state = argumentType == .double ? DoubleSumState(isAverage: true, type: call.type)
                : IntSumState(isAverage: true, type: call.type, scale: argumentType.scale)
        case .min, .max: state = ExtremeState(isMax: call.function == .max, type: call.type)
        }
        return call.isDistinct ? DistinctState(inner: state, retainsValues: retainsValues) : state
    }
}

final class CountState: PairwiseMergingState {
    private var counts: [Int64] = []
    private let countsNulls: Bool
    init(countsNulls: Bool) { self.countsNulls = countsNulls }

    func update(groups: [Int], input: Vector?, groupCount: Int) throws {
        // Work on a local copy: class properties pay an exclusivity check per access.
        var c = counts
        counts = []
        if c.count < groupCount { c.append(contentsOf: repeatElement(0, count: groupCount - c.count)) }
        if countsNulls || input?.validity == nil {
            for g in groups { c[g] &+= 1 }
        } else if let v = input {
            for (i, g) in groups.enumerated() where v.isValid(i) { c[g] &+= 1 }
        }
        counts = c
    }

    func result(groupCount: Int) -> Column {
        var c = counts
        if c.count < groupCount { c.append(contentsOf: repeatElement(0, count: groupCount - c.count)) }
        return Column(type: .bigint, data: .int64(c))
    }

    func merge(_ other: CountState, groups: [Int], groupCount: Int) throws {
        let theirs = other.counts
        var c = counts
        counts = []
        if c.count < groupCount { c.append(contentsOf: repeatElement(0, count: groupCount - c.count)) }
        for (g, n) in theirs.enumerated() { c[groups[g]] &+= n }
        counts = c
    }
}

/// SUM or AVG of BIGINT or DECIMAL: exact Int64 sums (overflow is an error).
final class IntSumState: PairwiseMergingState {
    private var sums: [Int64] = []
    private var counts: [Int64] = []
    private let isAverage: Bool
    private let type: DataType
    private let scale: Int

    init(isAverage: Bool, type: DataType, scale: Int) {
        self.isAverage = isAverage
        self.type = type
        self.scale = scale
    }

    func update(groups: [Int], input: Vector?, groupCount: Int) throws {
        grow(to: groupCount)
        guard let v = input else { return }
        let x = v.int64s
        var overflow = false
        var localSums = sums, localCounts = counts
        sums = []
        counts = []
        for (i, g) in groups.enumerated() where v.isValid(i) {
            let (s, o) = localSums[g].addingReportingOverflow(x[i])
            localSums[g] = s
            overflow = overflow || o
            localCounts[g] &+= 1
        }
        sums = localSums
        counts = localCounts
        if overflow { throw Self.overflow }
    }

    private static let overflow = ExecutionError("integer overflow: the sum does not fit in 64 bits")

    private func grow(to groupCount: Int) {
        if sums.count < groupCount {
            sums.append(contentsOf: repeatElement(0, count: groupCount - sums.count))
            counts.append(contentsOf: repeatElement(0, count: groupCount - counts.count))
        }
    }

    func merge(_ theirs: IntSumState, groups: [Int], groupCount: Int) throws {
        grow(to: groupCount)
        var localSums = sums, localCounts = counts
        sums = []
        counts = []
        var overflow = false
        for (g, n) in theirs.counts.enumerated() where n > 0 {
            let (s, o) = localSums[groups[g]].addingReportingOverflow(theirs.sums[g])
            localSums[groups[g]] = s
            overflow = overflow || o
            localCounts[groups[g]] &+= n
        }
        sums = localSums
        counts = localCounts
        if overflow { throw Self.overflow }
    }

    func result(groupCount: Int) -> Column {
        var validity = ValidityBitmap(count: groupCount)
        for g in 0..<groupCount where g >= counts.count || counts[g] == 0 { validity.set(g, valid: false) }
        if isAverage {
            let divisor = Double(DecimalText.power(scale) ?? 1)
            let values = (0..<groupCount).map { g -> Double in
                g < counts.count && counts[g] > 0 ? Double(sums[g]) / Double(counts[g]) / divisor : 0
            }
            return Column(type: .double, data: .double(values), validity: validity)
        }
        let values = (0..<groupCount).map { $0 < sums.count ? sums[$0] : 0 }
        return Column(type: type, data: .int64(values), validity: validity)
    }
}

/// SUM or AVG of DOUBLE.
final class DoubleSumState: PairwiseMergingState {
    private var sums: [Double] = []
    private var counts: [Int64] = []
    private let isAverage: Bool
    private let type: DataType

    init(isAverage: Bool, type: DataType) {
        self.isAverage = isAverage
        self.type = type
    }

    private func grow(to groupCount: Int) {
        if sums.count < groupCount {
            sums.append(contentsOf: repeatElement(0, count: groupCount - sums.count))
            counts.append(contentsOf: repeatElement(0, count: groupCount - counts.count))
        }
    }

    func update(groups: [Int], input: Vector?, groupCount: Int) throws {
        grow(to: groupCount)
        guard let v = input else { return }
        let x = v.doubles
        var localSums = sums, localCounts = counts
        sums = []
        counts = []
        for (i, g) in groups.enumerated() where v.isValid(i) {
            localSums[g] += x[i]
            localCounts[g] &+= 1
        }
        sums = localSums
        counts = localCounts
    }

    func result(groupCount: Int) -> Column {
        var validity = ValidityBitmap(count: groupCount)
        for g in 0..<groupCount where g >= counts.count || counts[g] == 0 { validity.set(g, valid: false) }
        let values = (0..<groupCount).map { g -> Double in
            guard g < counts.count, counts[g] > 0 else { return 0 }
            return isAverage ? sums[g] / Double(counts[g]) : sums[g]
        }
        return Column(type: .double, data: .double(values), validity: validity)
    }

    func merge(_ theirs: DoubleSumState, groups: [Int], groupCount: Int) throws {
        grow(to: groupCount)
        var localSums = sums, localCounts = counts
        sums = []
        counts = []
        for (g, n) in theirs.counts.enumerated() where n > 0 {
            localSums[groups[g]] += theirs.sums[g]
            localCounts[groups[g]] &+= n
        }
        sums = localSums
        counts = localCounts
    }
}

/// MIN or MAX of any type.
final class ExtremeState: PairwiseMergingState {
    private let isMax: Bool
    private let type: DataType
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var strings: [String] = []
    private var seen: [Bool] = []

    init(isMax: Bool, type: DataType) {
        self.isMax = isMax
        self.type = type
    }

    /// Adds unseen groups up to `groupCount`, in the array that `type`'s values live in.
    private func grow(to groupCount: Int) {
        guard seen.count < groupCount else { return }
        let extra = groupCount - seen.count
        seen.append(contentsOf: repeatElement(false, count: extra))
        switch type {
        case .double: doubles.append(contentsOf: repeatElement(0, count: extra))
        case .boolean: bools.append(contentsOf: repeatElement(false, count: extra))
        case .text: strings.append(contentsOf: repeatElement("", count: extra))
        default: ints.append(contentsOf: repeatElement(0, count: extra))
        }
    }

    func update(groups: [Int], input: Vector?, groupCount: Int) throws {
        guard let v = input else { return }
        grow(to: groupCount)
        var localSeen = seen
        seen = []
        defer { seen = localSeen }
        switch v.data {
        case let .int64(x):
            var best = ints
            ints = []
            for (i, g) in groups.enumerated() where v.isValid(i) {
                if !localSeen[g] || (isMax ? x[i] > best[g] : x[i] < best[g]) { best[g] = x[i]; localSeen[g] = true }
            }
            ints = best
        case let .double(x):
            var best = doubles
            doubles = []
            for (i, g) in groups.enumerated() where v.isValid(i) {
                if !localSeen[g] || (isMax ? x[i] > best[g] : x[i] < best[g]) { best[g] = x[i]; localSeen[g] = true }
            }
            doubles = best
        case let .bool(x):
            for (i, g) in groups.enumerated() where v.isValid(i) {
                if !localSeen[g] || (isMax ? (x[i] && !bools[g]) : (!x[i] && bools[g])) { bools[g] = x[i]; localSeen[g] = true }
            }
        case let .text(t):
            for (i, g) in groups.enumerated() where v.isValid(i) {
                let s = t.string(at: i)
                if !localSeen[g] || (isMax ? TextOrder.less(strings[g], s) : TextOrder.less(s, strings[g])) {
                    strings[g] = s
                    localSeen[g] = true
                }
            }
        }
    }

    func merge(_ theirs: ExtremeState, groups: [Int], groupCount: Int) throws {
        grow(to: groupCount)
        // Their group g wins when ours is unseen or theirs is better, as if their rows had come after ours.
        for (g, wasSeen) in theirs.seen.enumerated() where wasSeen {
            let h = groups[g]
            switch type {
            case .double:
                let x = theirs.doubles[g]
                if !seen[h] || (isMax ? x > doubles[h] : x < doubles[h]) { doubles[h] = x }
            case .boolean:
                let x = theirs.bools[g]
                if !seen[h] || (isMax ? (x && !bools[h]) : (!x && bools[h])) { bools[h] = x }
            case .text:
                let x = theirs.strings[g]
                if !seen[h] || (isMax ? TextOrder.less(strings[h], x) : TextOrder.less(x, strings[h])) { strings[h] = x }
            default:
                let x = theirs.ints[g]
                if !seen[h] || (isMax ? x > ints[h] : x < ints[h]) { ints[h] = x }
            }
            seen[h] = true
        }
    }

    func result(groupCount: Int) -> Column {
        var b = ColumnBuilder(type: type, capacity: groupCount)
        for g in 0..<groupCount {
            guard g < seen.count, seen[g] else { b.appendNull(); continue }
            switch type {
            case .double: b.append(.double(doubles[g]))
            case .boolean: b.append(.boolean(bools[g]))
            case .text: b.append(.text(strings[g]))
            case .date: b.append(.date(Int32(truncatingIfNeeded: ints[g])))
            case let .decimal(_, s): b.append(.decimal(ints[g], scale: s))
            default: b.append(.bigint(ints[g]))
            }
        }
        return b.build()
    }
}
