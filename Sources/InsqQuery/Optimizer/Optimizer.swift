/// Rewrites a bound plan into an equivalent one that reads and moves less data. The passes run in a fixed
/// order, each in a file of its own:
/// 1. `SubqueryUnnesting`: correlated EXISTS, IN and scalar subqueries become semi, anti and left joins.
/// 2. `JoinGraphExtraction`: inner and cross joins with the filters above them become one multi-way join
///    with all their conditions (ORs factored, equalities closed transitively).
/// 3. `PredicatePushdown`: each condition moves to the lowest place that can check it.
/// 4. `JoinOrdering`: each multi-way join becomes binary hash joins in the cheapest estimated order.
/// 5. `ColumnPruning`: every operator reads only the columns something above it needs.
/// 6. `ProjectionMerging`: projections over projections become one; those that change nothing go.
enum Optimizer {
    static func optimize(_ plan: LogicalPlan) -> LogicalPlan {
        var plan = plan
        plan = SubqueryUnnesting.apply(plan)
        plan = JoinGraphExtraction.apply(plan)
        plan = PredicatePushdown.apply(plan)
        plan = JoinOrdering.apply(plan)
        plan = ColumnPruning.apply(plan)
        plan = ProjectionMerging.apply(plan)
        return plan
    }
}
