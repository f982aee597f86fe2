/// A line diff of expected against actual text, for failure messages.
public enum TextDiff {
    /// Lines prefixed `-` (only expected), `+` (only actual) or ` ` (both), from a longest common subsequence.
    public static func lines(expected: [String], actual: [String]) -> [String] {
        let n = expected.count, m = actual.count
        // lengths[i][j]: length of the LCS of expected[i...] and actual[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = expected[i] == actual[j]
                    ? lengths[i + 1][j + 1] + 1
                    : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] == actual[j] {
                out.append("  " + expected[i]); i += 1; j += 1
            } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
                out.append("- " + expected[i]); i += 1
            } else {
                out.append("+ " + actual[j]); j += 1
            }
        }
        return out
    }

    /// A readable block: a legend line and the diff, each line indented.
    public static func render(expected: [String], actual: [String], indent: String = "    ",
                              legend: String = "(- expected, + actual)") -> String {
        var text = indent + legend
        for line in lines(expected: expected, actual: actual) { text += "\n" + indent + line }
        if expected.isEmpty && actual.isEmpty { text += "\n" + indent + "(both empty)" }
        return text
    }
}
