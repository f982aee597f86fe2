/// A query's plan as EXPLAIN prints it, node by node in pre-order, and with EXPLAIN ANALYZE what each node's
/// operator did: rows, batches, time and memory.
public struct PlanProfile: Sendable {
    /// What the operator built for a node did (summed over the runs of a correlated subquery).
    public struct Measurement: Sendable, Hashable {
        public var rows: Int
        public var batches: Int
        /// How many times the node's operator was built and run: 1, or once per distinct outer value of a
        /// correlated subquery.
        public var runs: Int
        /// Time spent in the operator's `next()`, without the time spent in the profiled operators it called.
        public var time: Duration
        /// The most the process's heap had grown since the query began, sampled when the operator returned a
        /// batch (at its first and last call, and at most once a millisecond otherwise). It counts everything
        /// alive at that moment, the operator's inputs' state included; memory held only inside a call is missed.
        public var peakHeapGrowth: Int
    }

    /// One line of the plan.
    public struct Node: Sendable, Hashable {
        /// Nesting below the plan's root; a subquery's plan is one level below the node that uses it.
        public var depth: Int
        /// The number of the subquery whose plan this node is the root of (`SUBQUERY 1: ...`).
        public var subquery: Int?
        /// `SCAN`, `FILTER`, `PROJECT`, `AGGREGATE`, `HASH JOIN INNER`, `SORT`, `LIMIT`, `UNION ALL`, ...
        public var operatorName: String
        /// Keys, predicate or expressions, with column names.
        public var detail: String
        /// The cardinality estimator's row count.
        public var estimatedRows: Int
        /// Nil when the node had no operator of its own or the query did not run.
        public var measurement: Measurement?
        /// The operator name of the ancestor whose operator does this node's work, when the plan ran.
        public var fusedInto: String?

        /// Rows the node's operator produced; nil when it was fused into another or never ran.
        public var actualRows: Int? { measurement?.rows }
    }

    public var nodes: [Node]
    /// Whether the query ran (EXPLAIN ANALYZE).
    public var isAnalyzed: Bool
    /// Rows the query returned.
    public var resultRows: Int
    /// Wall time of planning and running the query.
    public var time: Duration
    /// The most the heap grew at any sample.
    public var peakHeapGrowth: Int

    /// The text EXPLAIN returns, one line per node; with `showsTiming`, times and memory too, and a last line
    /// with the totals.
    public func lines(showsTiming: Bool = true) -> [String] {
        var lines = nodes.map { line($0, showsTiming: showsTiming) }
        if isAnalyzed && showsTiming {
            lines.append("total: " + Self.count(resultRows, "row") + ", " + Self.milliseconds(time) + ", peak heap +"
                         + Self.bytes(peakHeapGrowth))
        }
        return lines
    }

    private func line(_ node: Node, showsTiming: Bool) -> String {
        var text = String(repeating: "  ", count: node.depth)
        if let subquery = node.subquery { text += "SUBQUERY \(subquery): " }
        text += node.operatorName + (node.detail.isEmpty ? "" : " " + node.detail)
        var notes = "~" + Self.count(node.estimatedRows, "row")
        if let m = node.measurement {
            notes += "; actual " + Self.count(m.rows, "row") + (m.runs > 1 ? " in \(m.runs) runs" : "")
            if showsTiming {
                notes += ", " + Self.count(m.batches, "batch", plural: "batches") + ", " + Self.milliseconds(m.time)
                    + ", heap +" + Self.bytes(m.peakHeapGrowth)
            }
        } else if let parent = node.fusedInto {
            notes += "; fused into " + parent
        } else if isAnalyzed {
            notes += "; not run"
        }
        return text + "  (" + notes + ")"
    }

    /// `1 row`, `12 rows`.
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
    }

    /// `0.042 ms`.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction + " ms"
    }

    /// `512 B`, `12.3 KB`, `4.0 MB` (powers of 1024).
    static func bytes(_ n: Int) -> String {
        guard n >= 1024 else { return "\(max(0, n)) B" }
        var value = Double(n) / 1024
        var unit = "KB"
        for next in ["MB", "GB", "TB"] where value >= 1024 {
            value /= 1024
            unit = next
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(unit)"
    }
}
