import InsqStorage
import Foundation

// TEMPORARY debugging aid (not for commit).
enum DebugPlan {
    static func text(_ plan: LogicalPlan, _ indent: String = "") -> String {
        let est = Int(CardinalityEstimator().rows(plan))
        var line = indent
        switch plan {
        case let .scan(t, cols): line += "SCAN \(t.name) \(cols.map { t.schema[$0].name })"
        case .singleRow: line += "ROW"
        case let .filter(_, p): line += "FILTER \(p)"
        case let .project(_, e): line += "PROJECT \(e.count) cols"
        case let .aggregate(_, k, a): line += "AGG keys=\(k.count) aggs=\(a.count)"
        case let .join(_, _, j): line += "JOIN \(j.kind) keys=\(j.leftKeys)=\(j.rightKeys) residual=\(j.residual.map { "\($0)" } ?? "-")"
        case let .multiJoin(i, c): line += "MULTI \(i.count) \(c.count)"
        case .distinct: line += "DISTINCT"
        case .sort: line += "SORT"
        case .limit: line += "LIMIT"
        case .setOperation: line += "SETOP"
        case .window: line += "WINDOW"
        }
        line += "  ~\(est)\n"
        return line + plan.inputs.map { text($0, indent + "  ") }.joined()
    }
    static func dump(_ plan: LogicalPlan) {
        if ProcessInfo.processInfo.environment["INSQ_PLAN"] != nil { FileHandle.standardError.write(text(plan).data(using: .utf8)!) }
    }
}
