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

    /// Calls `body` with `pairs` (interleaved group and value word), up to `chunk` pairs at a time.
    static func forEachChunk(of pairs: [UInt64], _ chunk: Int, _ body: (UnsafeBufferPointer<UInt64>) throws -> Void) rethrows {
        try pairs.withUnsafeBufferPointer { pp in
            var start = 0
            while start < pp.count {
                let end = min(pp.count, start + 2 * chunk)
                try body(UnsafeBufferPointer(rebasing: pp[start..<end]))
                start = end
            }
        }
    }

    /// Adds to `counts[g]` the number of `pairs` (interleaved group and value word) of group g.
    static func addCounts(of pairs: [UInt64], into counts: inout [Int64]) {
        pairs.withUnsafeBufferPointer { pp in
            counts.withUnsafeMutableBufferPointer { cp in
                for i in 0..<(pp.count / 2) { cp[Int(truncatingIfNeeded: pp[2 &* i])] &+= 1 }
            }
        }
    }
}
