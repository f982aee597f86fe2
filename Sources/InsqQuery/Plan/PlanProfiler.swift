/// What one operator built for a logical node did while a query ran (EXPLAIN ANALYZE). A correlated subquery
/// builds its operators once per run; every run adds to the same counts.
final class OperatorStats {
    /// Unique within one profiled query; names the node as the ancestor of the nodes below it.
    let key: String
    var rows = 0
    var batches = 0
    /// How many operators were built for the node (runs of a correlated subquery).
    var runs = 0
    /// Time in `next()`, children included.
    var time: Duration = .zero
    /// Time in `next()` of profiled operators called while this one was running.
    var childTime: Duration = .zero
    /// The most the heap had grown since the query began, sampled when this operator returned a batch.
    var peakHeapGrowth = 0

    init(key: String) {
        self.key = key
    }
}

/// Collects the statistics of a profiled query: one `OperatorStats` per logical node that got an operator of
/// its own, found again by the node's place in the plan (`slotKey`). Single-threaded: EXPLAIN ANALYZE runs its
/// query on one thread.
final class ProfileRecorder {
    private(set) var slots: [String: OperatorStats] = [:]
    /// Operators inside `next()`, innermost last.
    private var running: [OperatorStats] = []
    private let heap: HeapSampler
    private var lastSample: ContinuousClock.Instant
    /// The most the heap grew at any sample.
    private(set) var peakHeapGrowth = 0

    init() {
        heap = HeapSampler()
        lastSample = .now
    }

    /// The key of a node: the key of its nearest ancestor with an operator (or of the plan's root), its subtree's
    /// fingerprint, and how many equal subtrees came before it under that ancestor.
    static func slotKey(ancestor: String, fingerprint: String, occurrence: Int) -> String {
        ancestor + "|" + fingerprint + "|" + String(occurrence)
    }

    func stats(for key: String) -> OperatorStats {
        if let existing = slots[key] { return existing }
        let created = OperatorStats(key: "#\(slots.count)")
        slots[key] = created
        return created
    }

    func enter(_ stats: OperatorStats) {
        running.append(stats)
    }

    /// Ends a call of `next()` that began at `start` and returned `rows` rows (nil at the end or on an error).
    func leave(_ stats: OperatorStats, since start: ContinuousClock.Instant, rows: Int?, isFirst: Bool) {
        let now = ContinuousClock.now
        let elapsed = now - start
        running.removeLast()
        stats.time += elapsed
        running.last?.childTime += elapsed
        if let rows {
            stats.rows += rows
            stats.batches += 1
        }
        // The heap is sampled at an operator's first and last call and at most once a millisecond otherwise:
        // reading the allocator's statistics walks its free lists.
        if isFirst || rows == nil || now - lastSample >= .milliseconds(1) {
            lastSample = now
            let growth = heap.growth()
            stats.peakHeapGrowth = max(stats.peakHeapGrowth, growth)
            peakHeapGrowth = max(peakHeapGrowth, growth)
        }
    }
}

/// The physical planner's hook for profiling: wraps the operator built for each logical node in a
/// `ProfilingOperator`. One profiler serves one planner, for the main query or for one subquery (`scope`).
final class PlanProfiler {
    let recorder: ProfileRecorder
    private let scope: String
    /// Keys of the nodes whose operators are being built, innermost last.
    private var building: [String] = []
    private var occurrences: [String: Int] = [:]

    init(recorder: ProfileRecorder, scope: String = PlanProfiler.mainScope) {
        self.recorder = recorder
        self.scope = scope
    }

    static let mainScope = "main"

    static func scope(of subquery: PlanBox) -> String {
        "subquery \(ObjectIdentifier(subquery))"
    }

    /// A profiler for the planner of a subquery's plan.
    func scoped(to subquery: PlanBox) -> PlanProfiler {
        PlanProfiler(recorder: recorder, scope: Self.scope(of: subquery))
    }

    /// The operator `build` makes for `plan`, wrapped so that it counts its rows and time.
    func profile(_ plan: LogicalPlan, build: () -> PhysicalOperator) -> PhysicalOperator {
        // Each build of the whole plan (a subquery's run) finds the same nodes again.
        if building.isEmpty { occurrences = [:] }
        let ancestor = building.last ?? scope
        let fingerprint = PlanDescriber(context: ExplainContext(isFingerprint: true)).describe(plan).fingerprint
        let place = ancestor + "|" + fingerprint
        let occurrence = occurrences[place, default: 0]
        occurrences[place] = occurrence + 1
        let stats = recorder.stats(for: ProfileRecorder.slotKey(ancestor: ancestor, fingerprint: fingerprint,
                                                                occurrence: occurrence))
        stats.runs += 1
        building.append(stats.key)
        defer { building.removeLast() }
        return ProfilingOperator(input: build(), stats: stats, recorder: recorder)
    }
}

/// Counts the rows and batches an operator returns and the time spent in its `next()`.
final class ProfilingOperator: PhysicalOperator {
    private let input: PhysicalOperator
    private let stats: OperatorStats
    private let recorder: ProfileRecorder
    private var isFirst = true

    init(input: PhysicalOperator, stats: OperatorStats, recorder: ProfileRecorder) {
        self.input = input
        self.stats = stats
        self.recorder = recorder
    }

    func next() throws -> Batch? {
        let start = ContinuousClock.now
        recorder.enter(stats)
        let batch: Batch?
        do {
            batch = try input.next()
        } catch {
            recorder.leave(stats, since: start, rows: nil, isFirst: isFirst)
            throw error
        }
        recorder.leave(stats, since: start, rows: batch?.count, isFirst: isFirst)
        isFirst = false
        return batch
    }
}
