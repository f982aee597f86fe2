import InsqStorage

/// MIN or MAX of any type. Integer slots start at the identity of min or max, so that a row folds in
/// without asking whether its group has a value yet.
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

    private var intIdentity: Int64 { isMax ? .min : .max }

    /// Adds unseen groups up to `groupCount`, in the array that `type`'s values live in.
    private func grow(to groupCount: Int) {
        guard seen.count < groupCount else { return }
        let extra = groupCount - seen.count
        seen.append(contentsOf: repeatElement(false, count: extra))
        switch type {
        case .double: doubles.append(contentsOf: repeatElement(0, count: extra))
        case .boolean: bools.append(contentsOf: repeatElement(false, count: extra))
        case .text: strings.append(contentsOf: repeatElement("", count: extra))
        default: ints.append(contentsOf: repeatElement(intIdentity, count: extra))
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
            Self.fold(x, validity: v.validity, groups: groups, isMax: isMax, best: &best, seen: &localSeen)
            ints = best
        case let .double(x):
            var best = doubles
            doubles = []
            // NaN compares false: the first value of a group is taken whatever it is, as before.
            for (i, g) in groups.enumerated() where v.isValid(i) {
                if !localSeen[g] || (isMax ? x[i] > best[g] : x[i] < best[g]) { best[g] = x[i]; localSeen[g] = true }
            }
            doubles = best
        case let .bool(x):
            var best = bools
            bools = []
            for (i, g) in groups.enumerated() where v.isValid(i) {
                if !localSeen[g] || (isMax ? (x[i] && !best[g]) : (!x[i] && best[g])) { best[g] = x[i]; localSeen[g] = true }
            }
            bools = best
        case let .text(t):
            var best = strings
            strings = []
            for (i, g) in groups.enumerated() where v.isValid(i) {
                let s = t.string(at: i)
                if !localSeen[g] || (isMax ? TextOrder.less(best[g], s) : TextOrder.less(s, best[g])) {
                    best[g] = s
                    localSeen[g] = true
                }
            }
            strings = best
        }
    }

    private static func fold(_ values: [Int64], validity: [UInt64]?, groups: [Int], isMax: Bool,
                             best: inout [Int64], seen: inout [Bool]) {
        best.withUnsafeMutableBufferPointer { bp in
            seen.withUnsafeMutableBufferPointer { sp in
                groups.withUnsafeBufferPointer { gp in
                    values.withUnsafeBufferPointer { xp in
                        if let validity {
                            validity.withUnsafeBufferPointer { bits in
                                for i in 0..<gp.count where GroupedLoops.bit(bits, i) != 0 {
                                    let g = gp[i]
                                    bp[g] = isMax ? max(bp[g], xp[i]) : min(bp[g], xp[i])
                                    sp[g] = true
                                }
                            }
                        } else if isMax {
                            for i in 0..<gp.count {
                                let g = gp[i]
                                bp[g] = max(bp[g], xp[i])
                                sp[g] = true
                            }
                        } else {
                            for i in 0..<gp.count {
                                let g = gp[i]
                                bp[g] = min(bp[g], xp[i])
                                sp[g] = true
                            }
                        }
                    }
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
                ints[h] = isMax ? max(ints[h], x) : min(ints[h], x)
            }
            seen[h] = true
        }
    }

    func result(groupCount: Int) -> Column {
        grow(to: groupCount)
        let seen = self.seen
        let validity = GroupedLoops.validity(count: groupCount) { seen[$0] }
        switch type {
        case .double: return Column(type: type, data: .double(Array(doubles.prefix(groupCount))), validity: validity)
        case .boolean: return Column(type: type, data: .bool(Array(bools.prefix(groupCount))), validity: validity)
        case .date:
            let days = ints.prefix(groupCount).enumerated().map { seen[$0] ? Int32(truncatingIfNeeded: $1) : 0 }
            return Column(type: type, data: .int32(days), validity: validity)
        case .text, .null:
            var b = ColumnBuilder(type: type, capacity: groupCount)
            for g in 0..<groupCount {
                if seen[g] && type == .text { b.append(.text(strings[g])) } else { b.appendNull() }
            }
            return b.build()
        default:
            let values = ints.prefix(groupCount).enumerated().map { seen[$0] ? $1 : 0 }
            return Column(type: type, data: .int64(values), validity: validity)
        }
    }
}
