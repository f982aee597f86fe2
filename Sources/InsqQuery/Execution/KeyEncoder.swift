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

    init() {}

    /// An encoder that knows `other`'s text ids but has its own dictionary cache, for another thread.
    init(copying other: KeyEncoder) {
        textIds = other.textIds
    }

    /// Encodes `v` into `out` (resized to v.count). With `intern` false, unseen text becomes `missing`.
    func encode(_ v: Vector, intern: Bool, into out: inout [UInt64]) {
        let n = v.count
        if out.count != n { out = [UInt64](repeating: 0, count: n) }
        switch v.data {
        case let .int64(a):
            out.withUnsafeMutableBufferPointer { o in
                a.withUnsafeBufferPointer { x in for i in 0..<n { o[i] = UInt64(bitPattern: x[i]) } }
            }
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
            // The cache is a stored property: the loop works on a local copy, free of per-row exclusivity checks.
            var t = translation
            translation = []
            out.withUnsafeMutableBufferPointer { o in
                codes.withUnsafeBufferPointer { cp in
                    for i in 0..<n {
                        let c = Int(cp[i])
                        var id = t[c]
                        if id == Self.missing - 1 {
                            id = lookup(dict.strings[c], intern: intern)
                            // A probe-only miss is not cached as final: a later intern could add it.
                            if id != Self.missing || !intern { t[c] = id }
                        }
                        o[i] = id
                    }
                }
            }
            translation = t
        case let .text(.strings(s)):
            for i in 0..<n { out[i] = lookup(s[i], intern: intern) }
        }
    }

    /// For each text id of `other`, the id this encoder gives the same text (interning it).
    func translation(from other: KeyEncoder) -> [UInt64] {
        var ids = [UInt64](repeating: Self.missing, count: other.textIds.count)
        for (text, id) in other.textIds { ids[Int(id)] = lookup(text, intern: true) }
        return ids
    }

    /// The texts, indexed by their ids.
    func texts() -> [String] {
        var texts = [String](repeating: "", count: textIds.count)
        for (text, id) in textIds { texts[Int(id)] = text }
        return texts
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
/// The batch methods move the arrays into locals for the loop: stored properties would pay
/// exclusivity and uniqueness checks on every access.
struct KeyTable {
    let width: Int
    private(set) var keys: [UInt64] = []
    private var slots: [Int32]
    private(set) var count = 0

    init(width: Int, capacity: Int = 1024) {
        self.width = width
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        keys.reserveCapacity(capacity * width)
    }

    @inline(__always) private static func hash(_ key: UnsafePointer<UInt64>, _ width: Int) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for j in 0..<width {
            h = (h ^ key[j]) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always) private static func equal(_ keys: UnsafePointer<UInt64>, _ id: Int, _ key: UnsafePointer<UInt64>, _ width: Int) -> Bool {
        let base = keys + id &* width
        for j in 0..<width where base[j] != key[j] { return false }
        return true
    }

    /// A table holding `count` keys laid out `width` words apart, with ids in their order.
    init(width: Int, adopting keys: [UInt64], count: Int) {
        self.width = width
        var size = 16
        while size < max(count, 1024) * 2 { size <<= 1 }
        slots = Self.rehash(keys, count: count, width: width, size: size)
        self.keys = keys
        self.count = count
    }

    /// The id of `key`, or nil.
    func find(_ key: UnsafeBufferPointer<UInt64>) -> Int? {
        var result: Int? = nil
        findAll(key, rows: 1, skip: nil) { _, id in result = id }
        return result
    }

    /// The id of `key`, adding it when new.
    mutating func findOrInsert(_ key: UnsafeBufferPointer<UInt64>) -> Int {
        var ids = [0]
        var newRows: [Int] = []
        findOrInsertAll(key, rows: 1, ids: &ids, newRows: &newRows)
        return ids[0]
    }

    /// Looks up `rows` keys laid out `width` words apart; calls `found(row, id)` for each key present.
    func findAll(_ flat: UnsafeBufferPointer<UInt64>, rows: Int, skip: [Bool]?, _ found: (Int, Int) -> Void) {
        let width = self.width
        let mask = slots.count - 1
        keys.withUnsafeBufferPointer { kp in
            slots.withUnsafeBufferPointer { sp in
                guard let keyBase = kp.baseAddress, let flatBase = flat.baseAddress else { return }
                for i in 0..<rows {
                    if let skip, skip[i] { continue }
                    let key = flatBase + i &* width
                    var s = Self.hash(key, width) & mask
                    while true {
                        let id = Int(sp[s])
                        if id < 0 { break }
                        if Self.equal(keyBase, id, key, width) {
                            found(i, id)
                            break
                        }
                        s = (s &+ 1) & mask
                    }
                }
            }
        }
    }

    /// Finds or adds `rows` keys; `ids[i]` receives row i's id and `newRows` the rows that added a key.
    mutating func findOrInsertAll(_ flat: UnsafeBufferPointer<UInt64>, rows: Int, ids: inout [Int], newRows: inout [Int]) {
        let width = self.width
        var localKeys = keys
        var localSlots = slots
        keys = []
        slots = []
        var localCount = count
        guard let flatBase = flat.baseAddress else { return }
        var mask = localSlots.count - 1
        for i in 0..<rows {
            let key = flatBase + i &* width
            // Input is often clustered (a person's payments are adjacent): a row whose key equals the
            // previous row's takes its id without hashing.
            if i > 0 {
                let previous = key - width
                var same = true
                for j in 0..<width where previous[j] != key[j] { same = false }
                if same {
                    ids[i] = ids[i - 1]
                    continue
                }
            }
            var s = Self.hash(key, width) & mask
            var id = -1
            while true {
                let existing = Int(localSlots[s])
                if existing < 0 { break }
                let same = localKeys.withUnsafeBufferPointer { kp in Self.equal(kp.baseAddress!, existing, key, width) }
                if same {
                    id = existing
                    break
                }
                s = (s &+ 1) & mask
            }
            if id < 0 {
                id = localCount
                localSlots[s] = Int32(id)
                for j in 0..<width { localKeys.append(key[j]) }
                localCount += 1
                newRows.append(i)
                if localCount * 2 > localSlots.count {
                    localSlots = Self.rehash(localKeys, count: localCount, width: width, size: localSlots.count * 2)
                    mask = localSlots.count - 1
                }
            }
            ids[i] = id
        }
        keys = localKeys
        slots = localSlots
        count = localCount
    }

    private static func rehash(_ keys: [UInt64], count: Int, width: Int, size: Int) -> [Int32] {
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        keys.withUnsafeBufferPointer { kp in
            guard let base = kp.baseAddress else { return }
            for id in 0..<count {
                var s = hash(base + id * width, width) & mask
                while slots[s] >= 0 { s = (s &+ 1) & mask }
                slots[s] = Int32(id)
            }
        }
        return slots
    }
}
