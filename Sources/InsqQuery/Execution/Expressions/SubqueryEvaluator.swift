import InsqStorage

/// Evaluates a subquery expression. An uncorrelated subquery runs once; a correlated one runs once
/// per distinct combination of the outer values it reads, with those values as parameters.
final class SubqueryEvaluator {
    private let plan: SubqueryPlan
    private let compiler: ExpressionCompiler
    private let parameters = ParameterBox()
    private let innerPlanner: PhysicalPlanner
    private var cache: [[Value]: SubqueryAnswer] = [:]
    private let optimizedPlan: LogicalPlan

    init(plan: SubqueryPlan, compiler: ExpressionCompiler) {
        self.plan = plan
        self.compiler = compiler
        optimizedPlan = Optimizer.optimize(plan.plan.plan)
        innerPlanner = PhysicalPlanner(context: CompileContext(cancellation: compiler.context.cancellation, parameters: parameters,
                                                                settings: compiler.context.settings,
                                                                profiler: compiler.context.profiler?.scoped(to: plan.plan)))
    }

    /// What one run of the subquery yields.
    enum SubqueryAnswer {
        case scalar(Value)
        case exists(Bool)
        /// The distinct values (encoded by `Value`) and whether a NULL was among them.
        case values(Set<Value>, hasNull: Bool)
    }

    func compiled() -> CompiledExpression {
        let arguments = plan.outerArguments.map(compiler.compile)
        let operand = plan.operand.map(compiler.compile)
        let argumentTypes = plan.outerArguments.map(\.type)
        let operandType = plan.operand?.type ?? .null
        return { [self] batch in
            let n = batch.count
            let argumentVectors = try arguments.map { try $0(batch) }
            let operandVector = try operand?(batch)
            var builder = ColumnBuilder(type: plan.type, capacity: n)
            for i in 0..<n {
                let key = argumentVectors.enumerated().map { $1.value(at: i, type: argumentTypes[$0]) }
                let answer = try answer(for: key)
                switch (answer, plan.kind) {
                case let (.scalar(v), _): builder.append(v)
                case let (.exists(found), .exists(negated)): builder.append(.boolean(found != negated))
                case let (.values(set, hasNull), .inValues(negated)):
                    let v = operandVector?.value(at: i, type: operandType) ?? .null
                    // Nothing is IN an empty set, not even NULL.
                    if set.isEmpty && !hasNull { builder.append(.boolean(negated)) }
                    else if v.isNull { builder.appendNull() }
                    else if set.contains(v) { builder.append(.boolean(!negated)) }
                    else if hasNull { builder.appendNull() }
                    else { builder.append(.boolean(negated)) }
                default: builder.appendNull()
                }
            }
            return VectorConversion.vector(from: builder.build(), range: 0..<n)
        }
    }

    private func answer(for key: [Value]) throws -> SubqueryAnswer {
        if let cached = cache[key] { return cached }
        parameters.values = key
        let root = innerPlanner.build(optimizedPlan)
        let answer: SubqueryAnswer
        switch plan.kind {
        case .exists:
            var found = false
            while !found, let batch = try root.next() { found = batch.count > 0 }
            answer = .exists(found)
        case .scalar:
            let (columns, rows) = try Materialize.columns(root, types: plan.plan.columnTypes)
            if rows > 1 { throw ExecutionError("a scalar subquery returned \(rows) rows; it may return at most one") }
            answer = .scalar(rows == 1 ? columns[0].value(at: 0) : .null)
        case .inValues:
            let (columns, rows) = try Materialize.columns(root, types: plan.plan.columnTypes)
            var set = Set<Value>()
            var hasNull = false
            for r in 0..<rows {
                let v = columns[0].value(at: r)
                if v.isNull { hasNull = true } else { set.insert(v) }
            }
            answer = .values(set, hasNull: hasNull)
        }
        // Uncorrelated subqueries have one key ([]); correlated ones keep a bounded cache.
        if cache.count > 100_000 { cache.removeAll() }
        cache[key] = answer
        return answer
    }
}
