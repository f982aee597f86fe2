import InsqStorage

/// Turns one key column's values into UInt64 words that compare equal exactly when the values are equal,
/// so hash tables for GROUP BY, DISTINCT and joins work on integers whatever the key type.
final class KeyEncoder {
    /// Text keys get small integer ids; a dictionary's codes are translated once per dictionary.
    private var textIds: [String: UInt64] = [:]
    private var translatedDictionary: TextDictionary?
    private var translation: [UInt64] = []
    /// Marks a text value unknown to a probe-only encoder.
    static let missing: UInt64 = UInt64.max

    /// Encodes `v` into `out` (resized to v.count). With `intern` false, unseen text becomes `missing`.
    func encode(_ v: Vector, intern: Bool, into out: inout [UInt64]) {
        let n = v.count
        if out.count != n { out = [UInt64](repeating: 0, count: n) }
        switch v.data {
        case let .int64(a):
            for i in 0..<n { out[i] = UInt64(bitPattern: a[i]) }
        case let .double(a):
            for i in 0..<n {
                let x = a[i]
                out[i] = x == 0 ? 0 : (x.isNaN ? Double.nan.bitPattern : x.bitPattern)
            }
        case let .bool(a):
            for i in 0..<n { out[i] = a[i] ? 1 : 0 }
        case let .text(.coded(codes, dict)):
            if translatedDictionary !== dict {
                translatedDictionary = dict
                translation = [UInt64](repeating: Self.missing - 1, count: dict.count)
            }
            for i in 0..<n {
                let c = Int(codes[i])
                var id = translation[c]
                if id == Self.missing - 1 {
                    id = lookup(dict.strings[c], intern: intern)
                    // A probe-only miss is not cached as final: a later intern could add it.
                    if id != Self.missing || !intern { translation[c] = id }
                }
                out[i] = id
            }
        case let .text(.strings(s)):
            for i in 0..<n { out[i] = lookup(s[i], intern: intern) }
        }
    }

    private func lookup(_ s: String, intern: Bool) -> UInt64 {
        if let id = textIds[s] { return id }
        guard intern else { return Self.missing }
        let id = UInt64(textIds.count)
        textIds[s] = id
        return id
    }
}

/// Open-addressing hash table from fixed-width UInt64 keys to dense ids 0, 1, 2, ... in first-seen order.
struct KeyTable {
    let width: Int
    private(set) var keys: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(width: Int, capacity: Int = 1024) {
        self.width = width
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always) private static func hash(_ key: UnsafeBufferPointer<UInt64>) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for w in key {
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always) private func equal(_ id: Int, _ key: UnsafeBufferPointer<UInt64>) -> Bool {
        let base = id &* width
        for j in 0..<width where keys[base + j] != key[j] { return false }
        return true
    }

    /// The id of `key`, or nil.
    func find(_ key: UnsafeBufferPointer<UInt64>) -> Int? {
        var s = Self.hash(key) & mask
        while true {
            let id = Int(slots[s])
            if id < 0 { return nil }
            if equal(id, key) { return id }
            s = (s + 1) & mask
        }
    }

    /// The id of `key`, adding it when new.
    mutating func findOrInsert(_ key: UnsafeBufferPointer<UInt64>) -> Int {
        var s = Self.hash(key) & mask
        while true {
            let id = Int(slots[s])
            if id < 0 { break }
            if equal(id, key) { return id }
            s = (s + 1) & mask
        }
        let id = count
        slots[s] = Int32(id)
        keys.append(contentsOf: key)
        count += 1
        if count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        keys.withUnsafeBufferPointer { all in
            for id in 0..<count {
                let key = UnsafeBufferPointer(rebasing: all[(id * width)..<((id + 1) * width)])
                var s = Self.hash(key) & mask
                while slots[s] >= 0 { s = (s + 1) & mask }
                slots[s] = Int32(id)
            }
        }
    }
}

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

    /// Flat keys for every row; `hasNull[i]` tells whether row i has a NULL (or, probing, an unknown text) key.
    mutating func encode(_ vectors: [Vector], rows: Int, intern: Bool) -> (keys: [UInt64], hasNull: [Bool]) {
        let w = width
        var flat = [UInt64](repeating: 0, count: rows * w)
        var hasNull = [Bool](repeating: false, count: rows)
        for (k, v) in vectors.enumerated() {
            encoders[k].encode(v, intern: intern, into: &scratch[k])
            let words = scratch[k]
            let bit = UInt64(1) << UInt64(k & 63)
            for i in 0..<rows {
                if !v.isValid(i) {
                    flat[i * w + w - 1] |= bit
                    hasNull[i] = true
                } else {
                    flat[i * w + k] = words[i]
                    if words[i] == KeyEncoder.missing { hasNull[i] = true }
                }
            }
        }
        return (flat, hasNull)
    }
}
