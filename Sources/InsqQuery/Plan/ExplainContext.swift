/// What EXPLAIN's text needs beyond a node's own columns: the subqueries named so far and the enclosing
/// values a correlated subquery reads.
///
/// A subquery is named by a placeholder while plans are described bottom-up; `numbered` puts in the numbers
/// once the lines are in their final order, so SUBQUERY 1 is the first one printed. A context for
/// fingerprints (`isFingerprint`) names every subquery and outer value alike, so that a subtree reads the same
/// wherever it stands.
final class ExplainContext {
    let isFingerprint: Bool
    /// The texts of the enclosing values of the subqueries being described, innermost last.
    private var outer: [[String]] = []
    /// Every subquery referenced so far, with the texts of its enclosing values, by placeholder index.
    private(set) var subqueries: [(plan: SubqueryPlan, outer: [String])] = []
    private var indexByPlan: [ObjectIdentifier: Int] = [:]
    /// How many scans of each table were described.
    private var scans: [String: Int] = [:]
    /// Placeholder index → number in print order.
    private var numbers: [Int: Int] = [:]

    init(isFingerprint: Bool) {
        self.isFingerprint = isFingerprint
    }

    /// Marks the start and end of a placeholder; neither can occur in a plan's text otherwise.
    private static let mark: Character = "\u{1}"

    /// A name for the subquery in the text of an expression.
    func reference(_ subquery: SubqueryPlan, outer texts: [String]) -> String {
        if isFingerprint { return "SUBQUERY" }
        let key = ObjectIdentifier(subquery.plan)
        let index = indexByPlan[key] ?? subqueries.count
        if index == subqueries.count {
            indexByPlan[key] = index
            subqueries.append((subquery, texts))
        }
        return "SUBQUERY \(Self.mark)\(index)\(Self.mark)"
    }

    /// The subqueries first referenced from placeholder index `start` on.
    func subqueries(from start: Int) -> ArraySlice<(plan: SubqueryPlan, outer: [String])> {
        subqueries[min(start, subqueries.count)...]
    }

    /// Gives the subquery at a placeholder index the next number; returns it, or nil when it has one already.
    func number(_ index: Int) -> Int? {
        guard numbers[index] == nil else { return nil }
        numbers[index] = numbers.count + 1
        return numbers.count
    }

    /// The table's name for its n-th scan: `persons`, then `persons#2`, so that the columns of a self-join differ.
    func label(of table: String) -> String {
        guard !isFingerprint else { return table }
        scans[table, default: 0] += 1
        let n = scans[table, default: 1]
        return n == 1 ? table : table + "#\(n)"
    }

    /// A column of an enclosing query, read by a correlated subquery.
    func outerColumn(depth: Int, index: Int) -> String {
        let level = outer.count - 1 - depth
        guard !isFingerprint, outer.indices.contains(level), outer[level].indices.contains(index) else {
            return "outer(\(depth), \(index))"
        }
        let text = outer[level][index]
        return text.contains(where: { $0 == " " || $0 == "(" }) ? "outer(" + text + ")" : "outer." + text
    }

    /// Describes a subquery's plan with its enclosing values in scope; its scans are numbered afresh.
    func withOuter<T>(_ texts: [String], _ body: () -> T) -> T {
        let enclosingScans = scans
        outer.append(texts)
        scans = [:]
        defer {
            outer.removeLast()
            scans = enclosingScans
        }
        return body()
    }

    /// `text` with every placeholder replaced by its subquery's number.
    func numbered(_ text: String) -> String {
        guard text.contains(Self.mark) else { return text }
        let parts = text.split(separator: Self.mark, omittingEmptySubsequences: false)
        var result = ""
        for (i, part) in parts.enumerated() {
            if i % 2 == 0 { result += part } else { result += Int(part).flatMap { numbers[$0] }.map(String.init) ?? "?" }
        }
        return result
    }
}
