import InsqStorage

/// COUNT(DISTINCT x) and friends: collects the distinct (group, value) pairs, then feeds each of them once
/// to the plain aggregate when the result is asked for. NULLs are left out.
final class DistinctState: AggregateState {
    private let inner: AggregateState
    /// The argument's type, to turn the encoded words back into values.
    private let type: DataType
    /// COUNT(DISTINCT x) takes each group's number of pairs, without feeding them to `inner`.
    private let isCount: Bool
    private let encoder = KeyEncoder()
    private var seen = DistinctPairs()
    private var words: [UInt64] = []
    /// Whether `inner` has had the pairs (it must have them once only).
    private var isFed = false

    init(inner: AggregateState, type: DataType, isCount: Bool) {
        self.inner = inner
        self.type = type
        self.isCount = isCount
    }

    func update(groups: [Int], input: Vector?, groupCount: Int) throws {
        guard let v = input else { return try inner.update(groups: groups, input: input, groupCount: groupCount) }
        encoder.encode(v, intern: true, into: &words)
        seen.insert(groups: groups, words: words, validity: v.validity, groupCount: groupCount)
    }

    func finishInput() { seen.finishInput() }

    /// Their pairs join ours; text is encoded by each part's own encoder, so their ids are translated.
    func merge(_ others: [AggregateState], groups: [[Int]], groupCount: Int) throws {
        let theirs = others.map { $0 as! DistinctState }
        let translations = theirs.map { other -> [UInt64]? in
            if case .text = type { return encoder.translation(from: other.encoder) }
            return nil
        }
        try seen.merge(theirs.map(\.seen), groups: groups, translations: translations, groupCount: groupCount)
    }

    func result(groupCount: Int) throws -> Column {
        try seen.finish()
        if isCount { return Column(type: .bigint, data: .int64(seen.counts(groupCount: groupCount))) }
        if !isFed {
            isFed = true
            let texts: [String] = if case .text = type { encoder.texts() } else { [] }
            try seen.forEachChunk(batchSize) { pairs in
                let n = pairs.count / 2
                let groups = (0..<n).map { Int(truncatingIfNeeded: pairs[2 * $0]) }
                let input = Self.values((0..<n).map { pairs[2 * $0 + 1] }, type: type, texts: texts)
                try inner.update(groups: groups, input: input, groupCount: groupCount)
            }
        }
        return try inner.result(groupCount: groupCount)
    }

    /// The values whose encoded words are `words` (KeyEncoder's encoding, undone).
    private static func values(_ words: [UInt64], type: DataType, texts: [String]) -> Vector {
        let data: VectorData
        switch type {
        case .double: data = .double(words.map { Double(bitPattern: $0) })
        case .boolean: data = .bool(words.map { $0 != 0 })
        case .text: data = .text(.strings(words.map { texts[Int($0)] }))
        case .bigint, .decimal, .date, .null: data = .int64(words.map { Int64(bitPattern: $0) })
        }
        return Vector(data, validity: nil, count: words.count)
    }
}
