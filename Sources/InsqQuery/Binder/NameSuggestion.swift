/// Finds the closest known name to a misspelt one (edit distance), for "did you mean" hints.
enum NameSuggestion {
    static func nearest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        var best: (String, Int)? = nil
        for c in candidates {
            let d = distance(target, Array(c.lowercased().unicodeScalars))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (candidate, d) = best else { return nil }
        // A name that is the start of exactly one candidate (`region` for `region_code`) is a good hint too.
        let lowered = name.lowercased()
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        if d > max(2, target.count / 3), target.count >= 3, prefixed.count == 1 { return prefixed[0] }
        // Suggest only when the edit is small relative to the name's length.
        return d <= max(2, target.count / 3) ? candidate : nil
    }

    /// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prevPrev = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, current[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prevPrev[j - 2] + 1) }
                current[j] = v
            }
            (prevPrev, prev, current) = (prev, current, prevPrev)
        }
        return prev[b.count]
    }

    /// `; did you mean "x"?` or nothing.
    static func hint(for name: String, among candidates: [String]) -> String {
        guard let s = nearest(to: name, among: candidates), s.lowercased() != name.lowercased() else { return "" }
        return "; did you mean \"\(s)\"?"
    }
}
