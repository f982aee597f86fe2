import InsqStorage

/// Small helpers shared by the per-group state loops, which run over raw buffers: class-stored arrays
/// would pay exclusivity and uniqueness checks per row.
enum GroupedLoops {
    /// Row i's validity bit as 0 or 1.
    @inline(__always) static func bit(_ validity: UnsafeBufferPointer<UInt64>, _ i: Int) -> Int64 {
        Int64(bitPattern: (validity[i >> 6] >> UInt64(i & 63)) & 1)
    }

    /// Lengthens `a` with `fill` up to `count` elements.
    @inline(__always) static func grow<T>(_ a: inout [T], to count: Int, with fill: T) {
        if a.count < count { a.append(contentsOf: repeatElement(fill, count: count - a.count)) }
    }

    /// A validity bitmap of `count` groups that is valid where `present(g)`.
    static func validity(count: Int, _ present: (Int) -> Bool) -> ValidityBitmap {
        var bits = [UInt64](repeating: 0, count: (count + 63) >> 6)
        bits.withUnsafeMutableBufferPointer { b in
            for g in 0..<count where present(g) { b[g >> 6] |= 1 << UInt64(g & 63) }
        }
        var bitmap = ValidityBitmap(count: count)
        bitmap.words = bits
        return bitmap
    }
}
