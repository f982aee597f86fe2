/// Writes an optimized plan as EXPLAIN shows it: one node per line in pre-order, each subquery's plan under the
/// node whose expression uses it (before that node's inputs), and with a profile what each node's operator did.
///
/// The profile's statistics are found by the same keys the profiler filed them under: the key of the nearest
/// ancestor that got an operator of its own, the node's subtree fingerprint and how many equal subtrees came
/// before it there. A node without statistics under a measured ancestor was fused into that ancestor's operator
/// by the physical planner (a filter into its scan, a window into FirstPerPartition, a sort into a top-N).
struct PlanPrinter {
    private let context = ExplainContext(isFingerprint: false)
    private let recorder: ProfileRecorder?
    private var nodes: [PlanProfile.Node] = []
    private var occurrences: [String: Int] = [:]

    init(recorder: ProfileRecorder? = nil) {
        self.recorder = recorder
    }

    /// The nodes of `plan`; `aliases` name the query's output columns.
    static func nodes(_ plan: LogicalPlan, aliases: [String]?, recorder: ProfileRecorder? = nil) -> [PlanProfile.Node] {
        var printer = PlanPrinter(recorder: recorder)
        let shown = PlanDescriber(context: printer.context).describe(plan, aliases: aliases)
        printer.walk(shown, fingerprints: Self.fingerprints(plan), depth: 0, ancestor: PlanProfiler.mainScope,
                     fusedInto: nil, subquery: nil)
        let context = printer.context
        return printer.nodes.map { node in
            var numbered = node
            numbered.detail = context.numbered(node.detail)
            return numbered
        }
    }

    private static func fingerprints(_ plan: LogicalPlan) -> DescribedPlan {
        PlanDescriber(context: ExplainContext(isFingerprint: true)).describe(plan)
    }

    private mutating func walk(_ node: DescribedPlan, fingerprints: DescribedPlan, depth: Int, ancestor: String,
                               fusedInto: String?, subquery: Int?) {
        var stats: OperatorStats?
        if let recorder {
            let place = ancestor + "|" + fingerprints.fingerprint
            let occurrence = occurrences[place, default: 0]
            occurrences[place] = occurrence + 1
            stats = recorder.slots[ProfileRecorder.slotKey(ancestor: ancestor, fingerprint: fingerprints.fingerprint,
                                                           occurrence: occurrence)]
        }
        let estimate = CardinalityEstimator().rows(node.plan)
        nodes.append(PlanProfile.Node(
            depth: depth, subquery: subquery, operatorName: node.operatorName, detail: node.detail,
            estimatedRows: estimate < 9e18 ? Int(estimate.rounded()) : Int.max,
            measurement: stats.map(PlanProfile.Measurement.init), fusedInto: stats == nil ? fusedInto : nil))
        for index in node.subqueries {
            guard let number = context.number(index) else { continue }
            let (subqueryPlan, outer) = context.subqueries[index]
            // The plan the subquery's evaluator runs.
            let plan = Optimizer.optimize(subqueryPlan.plan.plan)
            let shown = context.withOuter(outer) { PlanDescriber(context: context).describe(plan) }
            walk(shown, fingerprints: Self.fingerprints(plan), depth: depth + 1,
                 ancestor: PlanProfiler.scope(of: subqueryPlan.plan), fusedInto: nil, subquery: number)
        }
        for (child, childFingerprints) in zip(node.children, fingerprints.children) {
            walk(child, fingerprints: childFingerprints, depth: depth + 1, ancestor: stats?.key ?? ancestor,
                 fusedInto: stats == nil ? fusedInto : node.operatorName, subquery: nil)
        }
    }
}

extension PlanProfile.Measurement {
    init(_ stats: OperatorStats) {
        self.init(rows: stats.rows, batches: stats.batches, runs: stats.runs, time: stats.time - stats.childTime,
                  peakHeapGrowth: stats.peakHeapGrowth)
    }
}
