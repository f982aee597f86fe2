/// Which input of a join is built into the hash table and which probes it: the planner's choice, made in
/// one place for the single-threaded and the parallel plans.
struct JoinLayout {
    let probe: LogicalPlan
    let build: LogicalPlan
    /// The keys and residual with the probe side as "left".
    let plan: JoinPlan
    /// The build side is the query's left input: output rows still put the left columns first.
    let buildsOnLeft: Bool
    /// A LEFT JOIN built on its preserved side, whose unmatched build rows are emitted at the end.
    let padsBuildSide: Bool

    init(left: LogicalPlan, right: LogicalPlan, join: JoinPlan) {
        // Join ordering puts an inner join's smaller input on the right, where the hash table is built. Semi and
        // anti joins always build on the right: their output is the left rows.
        if join.kind == .left,
           CardinalityEstimator().rows(right) > 4 * CardinalityEstimator().rows(left) {
            // A LEFT JOIN of a few rows to a large table builds on the few and pads the unmatched ones at the end.
            self.init(probe: right, build: left, plan: JoinPlan(kind: .inner, leftKeys: join.rightKeys,
                                                               rightKeys: join.leftKeys, residual: join.residual),
                      buildsOnLeft: true, padsBuildSide: true)
        } else {
            self.init(probe: left, build: right, plan: join, buildsOnLeft: false, padsBuildSide: false)
        }
    }

    private init(probe: LogicalPlan, build: LogicalPlan, plan: JoinPlan, buildsOnLeft: Bool, padsBuildSide: Bool) {
        self.probe = probe
        self.build = build
        self.plan = plan
        self.buildsOnLeft = buildsOnLeft
        self.padsBuildSide = padsBuildSide
    }
}
