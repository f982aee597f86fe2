/// Finds the known name closest to a misspelt one, for "did you mean" hints (tables, columns, functions,
/// meta-commands, keywords).
public enum NameSuggestion {
    /// The candidate nearest to `name` (ignoring case) when the edit is small for the name's length,
    /// or else the only candidate that starts with `name` (`region` for `region_code`).
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)? = nil
        for candidate in candidates {
            let d = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        guard let found = best else { return nil }
        if found.distance <= max(2, target.count / 3), found.distance * 2 < max(target.count, 2) {
            return found.name
        }
        let lowered = name.lowercased()
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        return target.count >= 3 && prefixed.count == 1 ? prefixed[0] : nil
    }

    /// `; did you mean "x"?`, or nothing when no candidate is close (or the name is already right).
    public static func hint(for name: String, among candidates: [String]) -> String {
        guard let s = nearest(to: name, in: candidates), s.lowercased() != name.lowercased() else { return "" }
        return "; did you mean \"\(s)\"?"
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps.
    public static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { best = min(best, before[j - 2] + 1) }
                row[j] = best
            }
            (before, previous, row) = (previous, row, before)
        }
        return previous[b.count]
    }
}
