import InsqStorage

/// Encodes a batch's key vectors row by row into one flat array of `width` words per row:
/// the key columns, then a word of NULL flags.
struct RowKeys {
    let encoders: [KeyEncoder]
    private var scratch: [[UInt64]]

    init(count: Int) {
        encoders = (0..<count).map { _ in KeyEncoder() }
        scratch = [[UInt64]](repeating: [], count: count)
    }

    var width: Int { encoders.count + 1 }

    /// Keys encoded the same way (the same text ids) with encoders of their own, for another thread.
    func copy() -> RowKeys {
        RowKeys(encoders: encoders.map(KeyEncoder.init(copying:)))
    }

    private init(encoders: [KeyEncoder]) {
        self.encoders = encoders
        scratch = [[UInt64]](repeating: [], count: encoders.count)
    }

    /// Flat keys for every row; `hasNull[i]` tells whether row i has a NULL (or, probing, an unknown text) key.
    mutating func encode(_ vectors: [Vector], rows: Int, intern: Bool) -> (keys: [UInt64], hasNull: [Bool]) {
        let w = width
        var flat = [UInt64](repeating: 0, count: rows * w)
        var hasNull = [Bool](repeating: false, count: rows)
        for (k, v) in vectors.enumerated() {
            encoders[k].encode(v, intern: intern, into: &scratch[k])
            let words = scratch[k]
            let bit = UInt64(1) << UInt64(k & 63)
            // Only text keys can be unknown to a probe; for numbers the sentinel's bits are a real value (-1).
            var isText = false
            if case .text = v.data { isText = true }
            for i in 0..<rows {
                if !v.isValid(i) {
                    flat[i * w + w - 1] |= bit
                    hasNull[i] = true
                } else {
                    flat[i * w + k] = words[i]
                    if isText && words[i] == KeyEncoder.missing { hasNull[i] = true }
                }
            }
        }
        return (flat, hasNull)
    }
}
