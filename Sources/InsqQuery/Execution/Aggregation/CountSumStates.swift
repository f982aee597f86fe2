import InsqStorage

/// COUNT(*) or COUNT(x) per group.
final class CountState: PairwiseMergingState {
    private var counts: [Int64] = []
    private let countsNulls: Bool
    init(countsNulls: Bool) { self.countsNulls = countsNulls }

    func update(groups: [Int], input: Vector?, groupCount: Int) throws {
        var c = counts
        counts = []
        GroupedLoops.grow(&c, to: groupCount, with: 0)
        c.withUnsafeMutableBufferPointer { cp in
            groups.withUnsafeBufferPointer { gp in
                if !countsNulls, let validity = input?.validity {
                    validity.withUnsafeBufferPointer { bits in
                        for i in 0..<gp.count { cp[gp[i]] &+= GroupedLoops.bit(bits, i) }
                    }
                } else {
                    for i in 0..<gp.count { cp[gp[i]] &+= 1 }
                }
            }
        }
        counts = c
    }

    func result(groupCount: Int) -> Column {
        var c = counts
        GroupedLoops.grow(&c, to: groupCount, with: 0)
        return Column(type: .bigint, data: .int64(c))
    }

    func merge(_ other: CountState, groups: [Int], groupCount: Int) throws {
        var c = counts
        counts = []
        GroupedLoops.grow(&c, to: groupCount, with: 0)
        c.withUnsafeMutableBufferPointer { cp in
            other.counts.withUnsafeBufferPointer { theirs in
                for g in 0..<theirs.count { cp[groups[g]] &+= theirs[g] }
            }
        }
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

    private static let overflow = ExecutionError("integer overflow: the sum does not fit in 64 bits")

    func update(groups: [Int], input: Vector?, groupCount: Int) throws {
        var s = sums, c = counts
        sums = []
        counts = []
        GroupedLoops.grow(&s, to: groupCount, with: 0)
        GroupedLoops.grow(&c, to: groupCount, with: 0)
        var overflow = false
        if let v = input {
            overflow = Self.add(v.int64s, validity: v.validity, groups: groups, sums: &s, counts: &c)
        }
        sums = s
        counts = c
        if overflow { throw Self.overflow }
    }

    /// Adds each row to its group; true when a sum overflowed. A NULL row adds 0 to the sum and to the count.
    private static func add(_ values: [Int64], validity: [UInt64]?, groups: [Int], sums: inout [Int64], counts: inout [Int64]) -> Bool {
        var overflow: UInt8 = 0
        sums.withUnsafeMutableBufferPointer { sp in
            counts.withUnsafeMutableBufferPointer { cp in
                groups.withUnsafeBufferPointer { gp in
                    values.withUnsafeBufferPointer { xp in
                        if let validity {
                            validity.withUnsafeBufferPointer { bits in
                                for i in 0..<gp.count {
                                    let g = gp[i], valid = GroupedLoops.bit(bits, i)
                                    let (sum, o) = sp[g].addingReportingOverflow(xp[i] & (0 &- valid))
                                    sp[g] = sum
                                    overflow |= unsafeBitCast(o, to: UInt8.self)
                                    cp[g] &+= valid
                                }
                            }
                        } else {
                            for i in 0..<gp.count {
                                let g = gp[i]
                                let (sum, o) = sp[g].addingReportingOverflow(xp[i])
                                sp[g] = sum
                                overflow |= unsafeBitCast(o, to: UInt8.self)
                                cp[g] &+= 1
                            }
                        }
                    }
                }
            }
        }
        return overflow != 0
    }

    func merge(_ theirs: IntSumState, groups: [Int], groupCount: Int) throws {
        var s = sums, c = counts
        sums = []
        counts = []
        GroupedLoops.grow(&s, to: groupCount, with: 0)
        GroupedLoops.grow(&c, to: groupCount, with: 0)
        var overflow = false
        for (g, n) in theirs.counts.enumerated() where n > 0 {
            let (sum, o) = s[groups[g]].addingReportingOverflow(theirs.sums[g])
            s[groups[g]] = sum
            overflow = overflow || o
            c[groups[g]] &+= n
        }
        sums = s
        counts = c
        if overflow { throw Self.overflow }
    }

    func result(groupCount: Int) -> Column {
        let c = counts, s = sums
        let validity = GroupedLoops.validity(count: groupCount) { $0 < c.count && c[$0] > 0 }
        if isAverage {
            let divisor = Double(DecimalText.power(scale) ?? 1)
            let values = (0..<groupCount).map { g -> Double in
                g < c.count && c[g] > 0 ? Double(s[g]) / Double(c[g]) / divisor : 0
            }
            return Column(type: .double, data: .double(values), validity: validity)
        }
        var values = s
        GroupedLoops.grow(&values, to: groupCount, with: 0)
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

    func update(groups: [Int], input: Vector?, groupCount: Int) throws {
        var s = sums, c = counts
        sums = []
        counts = []
        GroupedLoops.grow(&s, to: groupCount, with: 0)
        GroupedLoops.grow(&c, to: groupCount, with: 0)
        if let v = input {
            let x = v.doubles
            // A NULL row must not add its slot's value: it may be NaN or infinite.
            for i in 0..<groups.count where v.isValid(i) {
                s[groups[i]] += x[i]
                c[groups[i]] &+= 1
            }
        }
        sums = s
        counts = c
    }

    func result(groupCount: Int) -> Column {
        let c = counts, s = sums
        let validity = GroupedLoops.validity(count: groupCount) { $0 < c.count && c[$0] > 0 }
        let values = (0..<groupCount).map { g -> Double in
            guard g < c.count, c[g] > 0 else { return 0 }
            return isAverage ? s[g] / Double(c[g]) : s[g]
        }
        return Column(type: .double, data: .double(values), validity: validity)
    }

    func merge(_ theirs: DoubleSumState, groups: [Int], groupCount: Int) throws {
        var s = sums, c = counts
        sums = []
        counts = []
        GroupedLoops.grow(&s, to: groupCount, with: 0)
        GroupedLoops.grow(&c, to: groupCount, with: 0)
        for (g, n) in theirs.counts.enumerated() where n > 0 {
            s[groups[g]] += theirs.sums[g]
            c[groups[g]] &+= n
        }
        sums = s
        counts = c
    }
}
