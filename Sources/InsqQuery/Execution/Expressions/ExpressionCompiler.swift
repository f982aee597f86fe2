import InsqStorage

/// An expression compiled once per query: evaluating it on a batch runs typed loops over whole vectors.
typealias CompiledExpression = (Batch) throws -> Vector

/// Compiles bound expressions into closures over vectors; per-row work happens only inside kernels.
struct ExpressionCompiler {
    /// The query's cancellation flag and, inside a correlated subquery, its parameter values.
    let context: CompileContext

    func compile(_ e: BoundExpression) -> CompiledExpression {
        switch e {
        case let .column(i, _, _):
            return { $0.columns[i] }
        case let .constant(v, t):
            return { Vector.constant(v, type: t, count: $0.count) }
        case let .arithmetic(op, a, b, t):
            return compileArithmetic(op, a, b, t)
        case let .negate(a):
            let fa = compile(a)
            return { try ArithmeticKernels.negate(try fa($0)) }
        case let .compare(op, a, b):
            let cache = DictionaryCache<[Bool]>()
            if case let .constant(v, _) = b {
                let fa = compile(a)
                return { ComparisonKernels.scalar(op, try fa($0), v, cache: cache) }
            }
            if case let .constant(v, _) = a {
                let fb = compile(b)
                return { ComparisonKernels.scalar(op.flipped, try fb($0), v, cache: cache) }
            }
            let fa = compile(a), fb = compile(b)
            return { ComparisonKernels.vectors(op, try fa($0), try fb($0)) }
        case let .and(a, b):
            let fa = compile(a), fb = compile(b)
            return { LogicalKernels.and(try fa($0), try fb($0)) }
        case let .or(a, b):
            let fa = compile(a), fb = compile(b)
            return { LogicalKernels.or(try fa($0), try fb($0)) }
        case let .not(a):
            let fa = compile(a)
            return { LogicalKernels.not(try fa($0)) }
        case let .isNull(a, negated):
            let fa = compile(a)
            return { LogicalKernels.isNull(try fa($0), negated: negated) }
        case let .like(a, pattern, negated):
            let fa = compile(a)
            let cache = DictionaryCache<[Bool]>()
            return { TextKernels.like(try fa($0), pattern, negated: negated, cache: cache) }
        case let .caseWhen(whens, elseResult, t):
            return compileCase(whens, elseResult, t)
        case let .cast(a, t):
            let fa = compile(a)
            let from = a.type
            let cache = DictionaryCache<[Value?]>()
            return { try CastKernels.cast(try fa($0), from: from, to: t, parseCache: cache) }
        case let .concat(a, b):
            let fa = compile(a), fb = compile(b)
            return { TextKernels.concat(try fa($0), try fb($0)) }
        case let .function(f, args, t):
            return FunctionCompiler(compiler: self).compile(f, args, t)
        case .aggregate, .windowResult:
            preconditionFailure("aggregate or window placeholder left in an expression after binding")
        case let .outerColumn(_, index, t):
            let parameters = context.parameters
            return { Vector.constant(parameters.values[index], type: t, count: $0.count) }
        case let .subquery(plan):
            return SubqueryEvaluator(plan: plan, compiler: self).compiled()
        case let .located(inner, box):
            let f = compile(inner)
            return { batch in
                do {
                    return try f(batch)
                } catch let failure as ExecutionError where failure.range == nil {
                    throw ExecutionError(failure.message, range: box.range)
                }
            }
        }
    }

    private func compileArithmetic(_ op: ArithmeticOperator, _ a: BoundExpression, _ b: BoundExpression,
                                          _ t: DataType) -> CompiledExpression {
        let fa = compile(a), fb = compile(b)
        switch t {
        case .double:
            return { ArithmeticKernels.double(op, try fa($0), try fb($0)) }
        default:
            if op == .modulo { return { ArithmeticKernels.int64Modulo(try fa($0), try fb($0)) } }
            return { try ArithmeticKernels.int64(op, try fa($0), try fb($0)) }
        }
    }

    /// CASE: the first arm whose condition is true (not NULL) picks the row's result.
    private func compileCase(_ whens: [BoundWhen], _ elseResult: BoundExpression?, _ t: DataType) -> CompiledExpression {
        let conditions = whens.map { compile($0.condition) }
        let results = whens.map { compile($0.result) }
        let fallback = elseResult.map(compile)
        return { batch in
            let n = batch.count
            var choice = [Int](repeating: whens.count, count: n)
            var undecided = n
            for (k, cond) in conditions.enumerated() where undecided > 0 {
                let c = try cond(batch)
                let values = c.bools
                for i in 0..<n where choice[i] == whens.count && values[i] && c.isValid(i) {
                    choice[i] = k
                    undecided -= 1
                }
            }
            var vectors = try results.map { try $0(batch) }
            vectors.append(try fallback?(batch) ?? Vector.nulls(t, count: n))
            return Pick.rows(vectors, choice: choice, type: t)
        }
    }
}

/// What compiled expressions share: the cancellation flag, the parameters a correlated subquery reads,
/// how many threads operators may use, and the profiler of EXPLAIN ANALYZE.
final class CompileContext {
    let cancellation: CancellationFlag
    let parameters: ParameterBox
    let settings: ExecutionSettings
    let profiler: PlanProfiler?

    init(cancellation: CancellationFlag, parameters: ParameterBox = ParameterBox(),
         settings: ExecutionSettings = .standard, profiler: PlanProfiler? = nil) {
        self.cancellation = cancellation
        self.parameters = parameters
        self.settings = settings
        self.profiler = profiler
    }
}

/// The values of a correlated subquery's outer columns for the current execution.
final class ParameterBox {
    var values: [Value] = []
}

extension ComparisonOperator {
    /// The operator with its operands swapped: `c < x` is `x > c`.
    var flipped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessEqual: return .greaterEqual
        case .greater: return .less
        case .greaterEqual: return .lessEqual
        }
    }
}

/// Builds a vector whose row i comes from `vectors[choice[i]]` (CASE, COALESCE).
enum Pick {
    static func rows(_ vectors: [Vector], choice: [Int], type: DataType) -> Vector {
        let n = choice.count
        var validity = Validity.allValid(n)
        var anyNull = false
        for i in 0..<n where !vectors[choice[i]].isValid(i) {
            Validity.clear(&validity, i)
            anyNull = true
        }
        let data: VectorData
        switch vectors[0].data {
        case .int64:
            let arrays = vectors.map { $0.int64s }
            data = .int64((0..<n).map { arrays[choice[$0]][$0] })
        case .double:
            let arrays = vectors.map { $0.doubles }
            data = .double((0..<n).map { arrays[choice[$0]][$0] })
        case .bool:
            let arrays = vectors.map { $0.bools }
            data = .bool((0..<n).map { arrays[choice[$0]][$0] })
        case .text:
            let texts = vectors.map { $0.text }
            if case let .coded(_, d0) = texts[0],
               texts.allSatisfy({ if case let .coded(_, d) = $0 { return d === d0 } else { return false } }) {
                let codes = texts.map { t -> [UInt32] in if case let .coded(c, _) = t { return c } else { return [] } }
                data = .text(.coded((0..<n).map { codes[choice[$0]][$0] }, d0))
            } else {
                data = .text(.strings((0..<n).map { texts[choice[$0]].string(at: $0) }))
            }
        }
        return Vector(data, validity: anyNull ? validity : nil, count: n)
    }
}
