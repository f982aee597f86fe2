/// Rewrites a bound plan into an equivalent one that reads and moves less data.
enum Optimizer {
    static func optimize(_ plan: LogicalPlan) -> LogicalPlan {
        ColumnPruning.apply(PredicatePushdown.apply(plan))
    }
}
