import InsqStorage

/// Running state of one aggregate for every group, updated a batch at a time.
protocol AggregateState: AnyObject {
    /// Folds rows into their groups: `groups[i]` is row i's group id; `input` is the argument (nil for COUNT(*)).
    func update(groups: [Int], input: Vector?, groupCount: Int) throws
    /// Called once the state has had all its rows, on the thread that fed it, before any merge.
    func finishInput() throws
    func result(groupCount: Int) throws -> Column
    /// Adds the states of the same aggregate over later rows (other threads' parts, in row order), as if
    /// their rows had followed ours: group g of `others[k]` is group `groups[k][g]` here. They have this
    /// state's class.
    func merge(_ others: [AggregateState], groups: [[Int]], groupCount: Int) throws
}

extension AggregateState {
    func finishInput() throws {}
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
    static func make(_ call: AggregateCall) -> AggregateState {
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
        return call.isDistinct ? DistinctState(inner: state, type: argumentType, isCount: call.function == .count) : state
    }
}

