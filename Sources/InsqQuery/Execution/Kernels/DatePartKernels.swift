import InsqStorage

/// YEAR, MONTH and DAY of date vectors. Days from 1900 to 2100 read a precomputed table (300 KB, built on first
/// use), which is several times cheaper per row than the civil-calendar arithmetic other dates still use.
enum DatePartKernels {
    private static let firstDay = Int64(DateDays.days(year: 1900, month: 1, day: 1))

    /// year << 9 | month << 5 | day, per day from `firstDay`.
    private static let table: [UInt32] = {
        let count = DateDays.days(year: 2100, month: 1, day: 1) - Int(firstDay)
        return (0..<count).map { k in
            let c = DateDays.civil(Int(firstDay) + k)
            return UInt32(c.year) << 9 | UInt32(c.month) << 5 | UInt32(c.day)
        }
    }()

    /// The part `f` (year, month or day) of each of the first `count` days.
    static func part(_ f: ScalarFunction, of days: [Int64], count: Int) -> [Int64] {
        let shift: UInt32 = f == .year ? 9 : (f == .month ? 5 : 0)
        let mask: UInt32 = f == .year ? 0x7fffff : (f == .month ? 0xf : 0x1f)
        let base = firstDay
        return table.withUnsafeBufferPointer { t in
            days.withUnsafeBufferPointer { d in
                [Int64](unsafeUninitializedCapacity: count) { out, initialized in
                    let size = UInt64(t.count)
                    for i in 0..<count {
                        let offset = UInt64(bitPattern: d[i] &- base)
                        if offset < size {
                            out[i] = Int64((t[Int(offset)] >> shift) & mask)
                        } else {
                            let c = DateDays.civil(Int(d[i]))
                            out[i] = Int64(f == .year ? c.year : (f == .month ? c.month : c.day))
                        }
                    }
                    initialized = count
                }
            }
        }
    }
}
