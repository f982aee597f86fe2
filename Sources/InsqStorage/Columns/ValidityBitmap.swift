/// One bit per row, set when the row holds a value (not NULL).
public struct ValidityBitmap: Sendable, Equatable {
    public var words: [UInt64]
    public private(set) var count: Int

    /// A bitmap of `count` rows, all valid or all null.
    public init(count: Int, allValid: Bool = true) {
        self.count = count
        words = [UInt64](repeating: allValid ? ~0 : 0, count: (count + 63) >> 6)
    }

    @inlinable public func isValid(_ row: Int) -> Bool {
        words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    @inlinable public mutating func set(_ row: Int, valid: Bool) {
        let bit: UInt64 = 1 << UInt64(row & 63)
        if valid { words[row >> 6] |= bit } else { words[row >> 6] &= ~bit }
    }

    /// Appends one row.
    public mutating func append(_ valid: Bool) {
        if count & 63 == 0 { words.append(0) }
        count += 1
        set(count - 1, valid: valid)
    }

    /// Number of null rows.
    public var nullCount: Int {
        var valid = 0
        for (i, w) in words.enumerated() {
            let bitsInWord = min(64, count - i * 64)
            let mask: UInt64 = bitsInWord == 64 ? ~0 : (1 << UInt64(bitsInWord)) - 1
            valid += (w & mask).nonzeroBitCount
        }
        return count - valid
    }
}
