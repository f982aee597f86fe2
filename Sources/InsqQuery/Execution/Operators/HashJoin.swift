import InsqStorage

/// Equi-join: probes a build side (`HashJoinBuild`, possibly shared with other threads' probes) with each
/// batch of the probe input. Output rows follow the probe input's order, then the build side's.
/// LEFT joins pad unmatched rows with NULLs.
final class HashJoinOperator: PhysicalOperator {
    private let left: PhysicalOperator
    private let build: HashJoinBuild
    private let plan: JoinPlan
    private let leftKeys: [CompiledExpression]
    private let residual: CompiledExpression?
    private let rightTypes: [DataType]
    /// The build side's key encoders, copied once it is built.
    private var rowKeys: RowKeys?
    private let cancellation: CancellationFlag

    /// When the planner builds on the left input (the smaller one of an inner join), output rows still
    /// put the original left columns first.
    private let buildsOnLeft: Bool
    /// A LEFT JOIN built on its preserved (left) side: build rows that never matched are emitted at the
    /// end, padded with NULLs for the probe side's columns (of `probeTypes`).
    private let padsBuildSide: Bool
    private let probeTypes: [DataType]
    private var buildMatched: [Bool] = []
    private var paddingEmitted = false

    /// `probe` reads the layout's probe side; `build` indexes its build side.
    init(probe: PhysicalOperator, build: HashJoinBuild, layout: JoinLayout, compiler: ExpressionCompiler) {
        buildsOnLeft = layout.buildsOnLeft
        padsBuildSide = layout.padsBuildSide
        probeTypes = layout.padsBuildSide ? layout.probe.outputTypes() : []
        cancellation = compiler.context.cancellation
        left = probe
        self.build = build
        plan = layout.plan
        leftKeys = plan.leftKeys.map(compiler.compile)
        residual = plan.residual.map(compiler.compile)
        rightTypes = build.types
    }

    func next() throws -> Batch? {
        if rowKeys == nil {
            try build.build()
            rowKeys = build.probeKeys()
            if padsBuildSide { buildMatched = [Bool](repeating: false, count: build.nextRow.count) }
        }
        while true {
            if cancellation.isCancelled { throw QueryCancelled() }
            if probing == nil {
                guard let batch = try left.next() else { return try unmatchedBuildRows() }
                try startProbe(batch)
            }
            if let out = try nextChunk() { return out }
        }
    }

    /// The left batch being probed, each row's first matching build row (-1: none), and where we are.
    private struct ProbeState {
        let batch: Batch
        let firstMatch: [Int]
        var row = 0
        /// The next build row in the current left row's chain; nil before the row starts.
        var chain: Int? = nil
        var matched: [Bool]
    }
    private var probing: ProbeState?

    private func startProbe(_ batch: Batch) throws {
        let keyVectors = try leftKeys.map { try $0(batch) }
        var firstMatch = [Int](repeating: -1, count: batch.count)
        if build.isDirect {
            // Join keys have one type on both sides, so integer build keys mean integer probe keys.
            guard case let .int64(values) = keyVectors[0].data else {
                preconditionFailure("a direct join index needs integer probe keys")
            }
            let index = build.direct, base = build.directBase, size = Int64(index.count)
            let key = keyVectors[0], n = batch.count
            values.withUnsafeBufferPointer { v in
                index.withUnsafeBufferPointer { idx in
                    firstMatch.withUnsafeMutableBufferPointer { match in
                        for i in 0..<n {
                            let offset = v[i] &- base
                            if offset >= 0 && offset < size { match[i] = idx[Int(offset)] }
                        }
                    }
                }
            }
            if key.validity != nil {
                // A NULL key matches nothing, whatever value its slot holds.
                for i in 0..<n where !key.isValid(i) { firstMatch[i] = -1 }
            }
        } else {
            let (flat, hasNull) = rowKeys!.encode(keyVectors, rows: batch.count, intern: false)
            let first = build.first
            flat.withUnsafeBufferPointer { all in
                build.table.findAll(all, rows: batch.count, skip: hasNull) { i, id in firstMatch[i] = first[id] }
            }
        }
        probing = ProbeState(batch: batch, firstMatch: firstMatch, matched: [Bool](repeating: false, count: batch.count))
    }

    /// What the probe walk found, in output order: a candidate pair, or the end of a left row's matches.
    private enum ProbeEvent {
        case pair(Int, Int)
        case rowEnd(Int)
    }

    /// Walks at most about one batch of candidate pairs (a huge match list is split across calls, so a
    /// cross join streams), checks the residual condition, and pads unmatched rows of a LEFT join.
    private func nextChunk() throws -> Batch? {
        guard var state = probing else { return nil }
        if !plan.kind.keepsRightColumns {
            probing = nil
            return try semiOrAnti(state.batch, state.firstMatch)
        }
        if residual == nil && build.hasUniqueKeys && !padsBuildSide {
            probing = nil
            return uniqueMatches(state.batch, state.firstMatch)
        }
        let nextRow = build.nextRow
        if residual == nil {
            // Without a residual condition every candidate matches: emit pairs directly.
            var leftRows: [Int] = [], rightRows: [Int] = []
            leftRows.reserveCapacity(batchSize)
            rightRows.reserveCapacity(batchSize)
            let padsUnmatched = plan.kind == .left
            while leftRows.count < batchSize && state.row < state.batch.count {
                var r = state.chain ?? state.firstMatch[state.row]
                if r < 0 && state.chain == nil && padsUnmatched {
                    leftRows.append(state.row)
                    rightRows.append(-1)
                }
                while r >= 0 && leftRows.count < batchSize {
                    leftRows.append(state.row)
                    rightRows.append(r)
                    if padsBuildSide { buildMatched[r] = true }
                    r = nextRow[r]
                }
                if r >= 0 {
                    state.chain = r
                } else {
                    state.row += 1
                    state.chain = nil
                }
            }
            probing = state.row < state.batch.count ? state : nil
            return leftRows.isEmpty ? nil : pairBatch(state.batch, leftRows, rightRows)
        }
        var events: [ProbeEvent] = []
        var candidates = 0
        while candidates < batchSize && state.row < state.batch.count {
            var r = state.chain ?? state.firstMatch[state.row]
            while r >= 0 && candidates < batchSize {
                events.append(.pair(state.row, r))
                candidates += 1
                r = nextRow[r]
            }
            if r >= 0 {
                state.chain = r
            } else {
                events.append(.rowEnd(state.row))
                state.row += 1
                state.chain = nil
            }
        }
        var passes = [Bool](repeating: true, count: candidates)
        if let residual, candidates > 0 {
            var l: [Int] = [], r: [Int] = []
            for case let .pair(a, b) in events {
                l.append(a)
                r.append(b)
            }
            passes = [Bool](repeating: false, count: candidates)
            for k in LogicalKernels.selection(try residual(pairBatch(state.batch, l, r))) { passes[k] = true }
        }
        var leftRows: [Int] = [], rightRows: [Int] = []
        var k = 0
        for event in events {
            switch event {
            case let .pair(a, b):
                if passes[k] {
                    leftRows.append(a)
                    rightRows.append(b)
                    state.matched[a] = true
                    if padsBuildSide { buildMatched[b] = true }
                }
                k += 1
            case let .rowEnd(a):
                if plan.kind == .left && !state.matched[a] {
                    leftRows.append(a)
                    rightRows.append(-1)
                }
            }
        }
        probing = state.row < state.batch.count ? state : nil
        return leftRows.isEmpty ? nil : pairBatch(state.batch, leftRows, rightRows)
    }

    /// A semi join's probe rows with a match that passes the residual, or an anti join's rows without one.
    /// Candidates are checked a batch at a time, and a row's chain is left as soon as one candidate passes.
    private func semiOrAnti(_ batch: Batch, _ firstMatch: [Int]) throws -> Batch? {
        var matched = firstMatch.map { $0 >= 0 }
        if let residual {
            matched = [Bool](repeating: false, count: batch.count)
            let nextRow = build.nextRow
            // Each pending row with the build row its chain is at.
            var pending: [(row: Int, at: Int)] = firstMatch.indices.compactMap { firstMatch[$0] >= 0 ? ($0, firstMatch[$0]) : nil }
            while !pending.isEmpty {
                if cancellation.isCancelled { throw QueryCancelled() }
                let chunk = pending.prefix(batchSize)
                let passes = LogicalKernels.selection(try residual(pairBatch(batch, chunk.map(\.row), chunk.map(\.at))))
                for k in passes { matched[chunk[chunk.startIndex + k].row] = true }
                var rest: [(row: Int, at: Int)] = []
                for p in chunk where !matched[p.row] && nextRow[p.at] >= 0 { rest.append((p.row, nextRow[p.at])) }
                rest.append(contentsOf: pending.dropFirst(chunk.count))
                pending = rest
            }
        }
        let keeps = plan.kind == .semi
        let rows = matched.indices.filter { matched[$0] == keeps }
        if rows.isEmpty { return nil }
        return rows.count == batch.count ? batch : batch.gather(rows)
    }

    /// The output of a whole probe batch when each row matches at most one build row: the matching rows (all of
    /// them for a LEFT join, and then the probe columns pass through uncopied) beside their build rows.
    private func uniqueMatches(_ batch: Batch, _ firstMatch: [Int]) -> Batch? {
        var probed = batch, buildRows = firstMatch
        if plan.kind != .left {
            let matched = firstMatch.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
            if matched == 0 { return nil }
            if matched < batch.count {
                let rows = firstMatch.indices.filter { firstMatch[$0] >= 0 }
                probed = batch.gather(rows)
                buildRows = rows.map { firstMatch[$0] }
            }
        }
        let built = build.columns.enumerated().map { Self.gatherBuild($1, buildRows, type: rightTypes[$0]) }
        return Batch(columns: buildsOnLeft ? built + probed.columns : probed.columns + built, count: probed.count)
    }

    /// Once the probe side is exhausted: the build rows no probe row matched, beside NULLs.
    private func unmatchedBuildRows() throws -> Batch? {
        guard padsBuildSide, !paddingEmitted else { return nil }
        paddingEmitted = true
        let rows = buildMatched.indices.filter { !buildMatched[$0] }
        if rows.isEmpty { return nil }
        let built = build.columns.enumerated().map { Self.gatherBuild($1, rows, type: rightTypes[$0]) }
        let padding = probeTypes.map { Vector.nulls($0, count: rows.count) }
        return Batch(columns: built + padding, count: rows.count)
    }

    /// Left rows of the batch beside build rows (-1: NULLs).
    private func pairBatch(_ batch: Batch, _ leftRows: [Int], _ rightRows: [Int]) -> Batch {
        let probed = batch.gather(leftRows).columns
        let built = build.columns.enumerated().map { Self.gatherBuild($1, rightRows, type: rightTypes[$0]) }
        return Batch(columns: buildsOnLeft ? built + probed : probed + built, count: leftRows.count)
    }

    /// Build rows (-1: NULL) of one build column.
    private static func gatherBuild(_ column: Column, _ rows: [Int], type: DataType) -> Vector {
        let n = rows.count
        let data: VectorData
        switch column.data {
        case let .int64(a): data = .int64(take(a, rows, missing: 0) { $0 })
        case let .int32(a): data = .int64(take(a, rows, missing: 0) { Int64($0) })
        case let .double(a): data = .double(take(a, rows, missing: 0) { $0 })
        case let .bool(a): data = .bool(take(a, rows, missing: false) { $0 })
        case let .text(c, d): data = .text(.coded(take(c, rows, missing: 0) { $0 }, d))
        }
        var validity: [UInt64]? = nil
        if column.validity != nil || rows.contains(where: { $0 < 0 }) {
            var words = Validity.allValid(n)
            for (i, r) in rows.enumerated() where r < 0 || column.isNull(r) { Validity.clear(&words, i) }
            validity = words
        }
        return Vector(data, validity: validity, count: n)
    }

    @inline(__always)
    private static func take<T, U>(_ a: [T], _ rows: [Int], missing: U, _ convert: (T) -> U) -> [U] {
        let n = rows.count
        return a.withUnsafeBufferPointer { src in
            rows.withUnsafeBufferPointer { r in
                [U](unsafeUninitializedCapacity: n) { out, initialized in
                    for i in 0..<n {
                        let j = r[i]
                        out.initializeElement(at: i, to: j < 0 ? missing : convert(src[j]))
                    }
                    initialized = n
                }
            }
        }
    }
}
