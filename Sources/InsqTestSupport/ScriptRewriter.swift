/// Replaces line ranges of a `.test` file (record mode), keeping everything else byte for byte.
struct ScriptRewriter {
    private var edits: [(range: Range<Int>, lines: [String])] = []

    var isEmpty: Bool { edits.isEmpty }
    var count: Int { edits.count }

    /// Replaces `range` (an empty range inserts) with `lines`; ranges must not overlap.
    mutating func replace(_ range: Range<Int>, with lines: [String]) {
        edits.append((range, lines))
    }

    /// Writes a record's `----` block: replaces the old block or inserts one after the SQL.
    mutating func setExpectation(of layout: RecordLayout, to lines: [String]) {
        let range = layout.expectationLines ?? layout.sqlEnd..<layout.sqlEnd
        replace(range, with: ["----"] + lines)
    }

    func apply(to original: [String]) -> [String] {
        var lines = original
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            lines.replaceSubrange(edit.range, with: edit.lines)
        }
        return lines
    }
}
