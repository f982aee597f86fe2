#if canImport(Glibc)
import Glibc
#endif

/// A fixed-width unsigned record that radix sort can take apart into digits.
protocol RadixRecord: Comparable {
    init()
    /// A record holding only a row number in its low bits.
    init(index: UInt64)
    /// ORs `value` into the record with its lowest bit at `shift` (the value fits below the record's top).
    mutating func insert(_ value: UInt64, at shift: Int)
    /// The bits `shift ..< shift + width of mask` of the record.
    func digit(at shift: Int, mask: UInt64) -> Int
    /// Whether the two records agree in every bit from `shift` up.
    func agrees(with other: Self, from shift: Int) -> Bool
}

extension UInt64: RadixRecord {
    @inline(__always) init(index: UInt64) { self = index }
    @inline(__always) mutating func insert(_ value: UInt64, at shift: Int) { self |= value &<< UInt64(shift) }
    @inline(__always) func digit(at shift: Int, mask: UInt64) -> Int { Int(truncatingIfNeeded: (self &>> UInt64(shift)) & mask) }
    @inline(__always) func agrees(with other: UInt64, from shift: Int) -> Bool {
        shift >= 64 || (self ^ other) &>> UInt64(shift) == 0
    }
}

/// A 128-bit sort record: two words, the high one compared first.
struct WideKey: RadixRecord {
    var high: UInt64 = 0
    var low: UInt64 = 0

    init() {}
    @inline(__always) init(index: UInt64) { low = index }

    @inline(__always) static func < (a: WideKey, b: WideKey) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    @inline(__always) mutating func insert(_ value: UInt64, at shift: Int) {
        if shift >= 64 {
            high |= value &<< UInt64(shift - 64)
        } else {
            low |= value &<< UInt64(shift)
            if shift > 0 { high |= value &>> UInt64(64 - shift) }
        }
    }

    @inline(__always) func digit(at shift: Int, mask: UInt64) -> Int {
        if shift >= 64 { return Int(truncatingIfNeeded: (high &>> UInt64(shift - 64)) & mask) }
        let straddle = shift > 0 ? high &<< UInt64(64 - shift) : 0
        return Int(truncatingIfNeeded: ((low &>> UInt64(shift)) | straddle) & mask)
    }

    @inline(__always) func agrees(with other: WideKey, from shift: Int) -> Bool {
        if shift >= 64 { return high.agrees(with: other.high, from: shift - 64) }
        return high == other.high && low.agrees(with: other.low, from: shift)
    }
}

/// Most-significant-digit radix sort over a bit range of records, stable (bits below the range keep input order):
/// each piece is split by its top digit, with digits sized to the piece, down to pieces of a few rows, which are
/// sorted by comparison (the same order: whole records are unique).
enum RadixSort {
    /// Pieces of at most this many rows are sorted by comparison.
    static let smallPiece = 16

    /// Sorts `records` by `bits`; pieces of at least `parallelRows` rows are split on `threads` threads.
    static func sort<R: RadixRecord>(_ records: inout [R], bits: Range<Int>, threads: Int = 1, parallelRows: Int = 1 << 20) {
        let n = records.count
        guard n > 1, !bits.isEmpty else { return }
        if n <= smallPiece {
            records.sort()
            return
        }
        // Records are plain words, so the scratch needs no initializing (which would touch every page once more).
        let scratch = UnsafeMutablePointer<R>.allocate(capacity: n)
        defer { scratch.deallocate() }
        LargeMemory.preferHugePages(scratch, count: n)
        records.withUnsafeMutableBufferPointer { a in
            if threads > 1 {
                parallelSort(a.baseAddress!, scratch, 0..<n, bits, intoOther: false, threads: threads, parallelRows: parallelRows)
            } else {
                sort(a.baseAddress!, scratch, 0..<n, bits, intoOther: false)
            }
        }
    }

    /// `sort` with the split of a large piece shared by threads: each counts and then scatters a contiguous part
    /// (the parts' records land in part order within each digit, so the split stays stable); the pieces it makes are
    /// split again the same way when large, and otherwise dealt out to the threads in runs of about equal rows.
    private static func parallelSort<R: RadixRecord>(_ data: UnsafeMutablePointer<R>, _ other: UnsafeMutablePointer<R>,
                                                     _ range: Range<Int>, _ bits: Range<Int>, intoOther: Bool, threads: Int,
                                                     parallelRows: Int) {
        let count = range.count
        if count < parallelRows || bits.isEmpty {
            sort(data, other, range, bits, intoOther: intoOther)
            return
        }
        let digitBits = min(11, bits.count)
        let shift = bits.upperBound - digitBits
        let mask = UInt64((1 << digitBits) - 1)
        let buckets = 1 << digitBits
        let parts = (0..<threads).map { t in
            (range.lowerBound + count * t / threads)..<(range.lowerBound + count * (t + 1) / threads)
        }
        // The work items cannot throw.
        let counts = try! ParallelMap.run(threads) { t in
            var c = [Int](repeating: 0, count: buckets)
            c.withUnsafeMutableBufferPointer { c in for i in parts[t] { c[data[i].digit(at: shift, mask: mask)] &+= 1 } }
            return c
        }
        var bucketStarts = [Int](repeating: range.lowerBound, count: buckets + 1)
        for d in 0..<buckets { bucketStarts[d + 1] = bucketStarts[d] + counts.reduce(0) { $0 + $1[d] } }
        let lower = bits.lowerBound..<shift
        // A top digit equal on every row splits nothing: go on with the bits below it.
        if (0..<buckets).contains(where: { bucketStarts[$0 + 1] - bucketStarts[$0] == count }) {
            parallelSort(data, other, range, lower, intoOther: intoOther, threads: threads, parallelRows: parallelRows)
            return
        }
        _ = try! ParallelMap.run(threads) { t in
            var next = (0..<buckets).map { d in bucketStarts[d] + counts[..<t].reduce(0) { $0 + $1[d] } }
            next.withUnsafeMutableBufferPointer { next in
                for i in parts[t] {
                    let x = data[i]
                    let d = x.digit(at: shift, mask: mask)
                    other[next[d]] = x
                    next[d] &+= 1
                }
            }
        }
        var small: [Range<Int>] = []
        for d in 0..<buckets where bucketStarts[d] < bucketStarts[d + 1] {
            let piece = bucketStarts[d]..<bucketStarts[d + 1]
            if piece.count >= parallelRows {
                parallelSort(other, data, piece, lower, intoOther: !intoOther, threads: threads, parallelRows: parallelRows)
            } else {
                small.append(piece)
            }
        }
        let smallRows = small.reduce(0) { $0 + $1.count }
        var shares = [[Range<Int>]](repeating: [], count: threads)
        var done = 0
        for piece in small {
            shares[min(threads - 1, done * threads / max(1, smallRows))].append(piece)
            done += piece.count
        }
        _ = try! ParallelMap.run(threads) { t in
            for piece in shares[t] { sort(other, data, piece, lower, intoOther: !intoOther) }
        }
    }

    /// Sorts `data[range]` by `bits`, leaving the result in `data[range]`, or in `other[range]` when `intoOther`;
    /// the other buffer's range is scratch.
    private static func sort<R: RadixRecord>(_ data: UnsafeMutablePointer<R>, _ other: UnsafeMutablePointer<R>,
                                             _ range: Range<Int>, _ bits: Range<Int>, intoOther: Bool) {
        let count = range.count
        if count <= smallPiece || bits.isEmpty {
            let target = (intoOther ? other : data) + range.lowerBound
            if intoOther { target.update(from: data + range.lowerBound, count: count) }
            if !bits.isEmpty { insertionSort(target, count) }
            return
        }
        // Two to four rows per bucket, at most 2,048 buckets (their counters and write positions stay in L1).
        let digitBits = min(11, max(4, Int.bitWidth - count.leadingZeroBitCount - 2), bits.count)
        let shift = bits.upperBound - digitBits
        let mask = UInt64((1 << digitBits) - 1)
        let buckets = 1 << digitBits
        withUnsafeTemporaryAllocation(of: Int.self, capacity: buckets + 1) { starts in
            starts.initialize(repeating: 0)
            for i in range { starts[data[i].digit(at: shift, mask: mask) &+ 1] &+= 1 }
            // A top digit equal on every row splits nothing: go on with the bits below it.
            if starts[data[range.lowerBound].digit(at: shift, mask: mask) &+ 1] == count {
                sort(data, other, range, bits.lowerBound..<shift, intoOther: intoOther)
                return
            }
            starts[0] = range.lowerBound
            for k in 1...buckets { starts[k] &+= starts[k - 1] }
            // starts[d] now holds where digit d's records go; the scatter advances it to the next digit's start.
            for i in range {
                let x = data[i]
                let d = x.digit(at: shift, mask: mask)
                other[starts[d]] = x
                starts[d] &+= 1
            }
            var start = range.lowerBound
            for k in 0..<buckets {
                let end = starts[k]
                if end > start { sort(other, data, start..<end, bits.lowerBound..<shift, intoOther: !intoOther) }
                start = end
            }
        }
    }

    /// Sorts a small piece in place (the library sort costs more in its set-up than in comparing a few dozen rows).
    @inline(__always)
    private static func insertionSort<R: RadixRecord>(_ p: UnsafeMutablePointer<R>, _ n: Int) {
        var i = 1
        while i < n {
            let x = p[i]
            var j = i
            while j > 0 && x < p[j - 1] {
                p[j] = p[j - 1]
                j -= 1
            }
            p[j] = x
            i += 1
        }
    }
}

/// Fresh memory faults once per page on first touch; with 4 KiB pages, filling a large sort buffer costs more in
/// those faults than the sorting does, so large buffers ask Linux for 2 MiB pages (where it allows them on request).
enum LargeMemory {
    static func preferHugePages<T>(_ pointer: UnsafeMutablePointer<T>, count: Int) {
        #if os(Linux)
        let page = 2 << 20
        let bytes = count * MemoryLayout<T>.stride
        guard bytes >= 8 * page else { return }
        let start = (Int(bitPattern: pointer) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: pointer) + bytes) & ~(page - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, Int32(MADV_HUGEPAGE)) }
        #endif
    }
}
