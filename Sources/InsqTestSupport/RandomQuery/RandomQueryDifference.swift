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

        public var description: String {
            "random query #\(index) differs (\(reason)):\n  \(query.sql)\n"
                + AnswerComparison(types: types).describeDifference(insq: insq, sqlite: sqlite,
                                                                    isOrdered: query.orderKeys != nil)
        }
    }
}
