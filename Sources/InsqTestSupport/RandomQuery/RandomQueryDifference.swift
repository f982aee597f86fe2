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
            var text = "random query #\(index) differs (\(reason)):\n  \(query.sql)\n"
            if !plan.isEmpty { return text + "EXPLAIN (ANALYZE, TIMING OFF):\n" + plan.map { "    \($0)\n" }.joined() }
            let comparison = AnswerComparison(types: types)
            guard case let .rows(mine) = insq, case let .rows(theirs) = sqlite, mine.count + theirs.count > 24 else {
                // Small answers in full; unordered ones sorted so that equal rows line up.
                func shown(_ answer: EngineAnswer) -> EngineAnswer {
                    guard query.orderKeys == nil, case let .rows(rows) = answer else { return answer }
                    return .rows(comparison.sorted(rows))
                }
                return text + Self.render("insq", shown(insq)) + Self.render("SQLite", shown(sqlite))
            }
            text += "insq: \(mine.count) rows; SQLite: \(theirs.count) rows\n"
            if query.orderKeys != nil, comparison.rowsEqual(comparison.sorted(mine), comparison.sorted(theirs)) {
                let first = mine.indices.first { i in i >= theirs.count || !comparison.rowsEqual([mine[i]], [theirs[i]]) } ?? 0
                let window = max(0, first - 2)..<min(mine.count, first + 4)
                text += "first row out of place: \(first + 1)\n"
                text += Self.render("insq rows \(window.lowerBound + 1)...", .rows(Array(mine[window])))
                text += Self.render("SQLite rows \(window.lowerBound + 1)...", .rows(Array(theirs[window])))
                return text
            }
            let a = comparison.sorted(mine), b = comparison.sorted(theirs)
            var onlyMine: [[String]] = [], onlyTheirs: [[String]] = []
            var i = 0, j = 0
            while i < a.count || j < b.count {
                if i < a.count, j < b.count, comparison.rowsEqual([a[i]], [b[j]]) {
                    i += 1; j += 1
                } else if j >= b.count || (i < a.count && comparison.sorted([a[i], b[j]])[0] == a[i]) {
                    onlyMine.append(a[i]); i += 1
                } else {
                    onlyTheirs.append(b[j]); j += 1
                }
            }
            text += Self.render("only in insq's answer", .rows(onlyMine))
            text += Self.render("only in SQLite's answer", .rows(onlyTheirs))
            return text
        }

        static func render(_ title: String, _ answer: EngineAnswer, limit: Int = 24) -> String {
            switch answer {
            case let .error(message):
                return "\(title): error: \(message)\n"
            case let .rows(rows):
                var text = "\(title): \(rows.count) row\(rows.count == 1 ? "" : "s")\n"
                for row in rows.prefix(limit) { text += "    " + row.joined(separator: "\t") + "\n" }
                if rows.count > limit { text += "    ... \(rows.count - limit) more\n" }
                return text
            }
        }
    }
}
