extension AnswerComparison {
    /// Both answers where they differ, for a failure message: small answers in full (unordered ones sorted so
    /// that equal rows line up), the rows around the first one out of place when only the order differs,
    /// else the rows only one engine gave.
    public func describeDifference(insq: EngineAnswer, sqlite: EngineAnswer, isOrdered: Bool) -> String {
        guard case let .rows(mine) = insq, case let .rows(theirs) = sqlite, mine.count + theirs.count > 24 else {
            func shown(_ answer: EngineAnswer) -> EngineAnswer {
                guard !isOrdered, case let .rows(rows) = answer else { return answer }
                return .rows(sorted(rows))
            }
            return Self.render("insq", shown(insq)) + Self.render("SQLite", shown(sqlite))
        }
        var text = "insq: \(mine.count) rows; SQLite: \(theirs.count) rows\n"
        if isOrdered, rowsEqual(sorted(mine), sorted(theirs)) {
            let first = mine.indices.first { i in i >= theirs.count || !rowsEqual([mine[i]], [theirs[i]]) } ?? 0
            let window = max(0, first - 2)..<min(mine.count, first + 4)
            text += "first row out of place: \(first + 1)\n"
            text += Self.render("insq rows \(window.lowerBound + 1)...", .rows(Array(mine[window])))
            text += Self.render("SQLite rows \(window.lowerBound + 1)...", .rows(Array(theirs[window])))
            return text
        }
        let a = sorted(mine), b = sorted(theirs)
        var onlyMine: [[String]] = [], onlyTheirs: [[String]] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, rowsEqual([a[i]], [b[j]]) {
                i += 1; j += 1
            } else if j >= b.count || (i < a.count && sorted([a[i], b[j]])[0] == a[i]) {
                onlyMine.append(a[i]); i += 1
            } else {
                onlyTheirs.append(b[j]); j += 1
            }
        }
        text += Self.render("only in insq's answer", .rows(onlyMine))
        text += Self.render("only in SQLite's answer", .rows(onlyTheirs))
        return text
    }

    /// A titled answer: its rows (up to `limit`), tab-separated, or its error.
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
