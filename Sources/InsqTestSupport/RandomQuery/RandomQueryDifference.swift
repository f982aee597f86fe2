import InsqStorage

extension RandomQueryRunner {
    /// A query whose answers differ, with both answers.
    public struct Difference: Sendable, CustomStringConvertible {
        public var index: Int
        public var query: GeneratedQuery
        public var reason: String
        public var insq: EngineAnswer
        public var sqlite: EngineAnswer
        /// insq's column types (empty when insq failed).
        public var types: [DataType]
        /// For a row cliff, where the answers agree: EXPLAIN (ANALYZE, TIMING OFF)'s lines instead of the rows.
        public var plan: [String] = []

        public var description: String {
            let text = "random query #\(index) differs (\(reason)):\n  \(query.sql)\n"
            if !plan.isEmpty { return text + "EXPLAIN (ANALYZE, TIMING OFF):\n" + plan.map { "    \($0)\n" }.joined() }
            return text + AnswerComparison(types: types).describeDifference(insq: insq, sqlite: sqlite,
                                                                            isOrdered: query.orderKeys != nil)
        }
    }
}
