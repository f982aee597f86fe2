import InsqStorage

/// The sample's time frame: payments cover the 48 months 2021-01 ... 2024-12, and the office's books are
/// read on 2025-03-31 (a later due date is not yet in arrears). Month index 0 is January 2021.
enum SampleCalendar {
    static let firstYear = 2021
    static let monthCount = 48
    // Day numbers are literals (checked by the tests) so that hot loops read constants, not lazy globals.
    /// 2021-01-01.
    static let windowStart: Int32 = 18_628
    /// 2024-12-31.
    static let windowEnd: Int32 = 20_088
    /// 2025-03-31.
    static let snapshotDay: Int32 = 20_178
    /// Nobody in the sample enrolled before 2000-01-01.
    static let earliestEnrolment: Int32 = 10_957
    /// Ages are measured on this day, 2024-07-01.
    static let referenceDay: Int32 = 19_905

    /// First day of month index -12 ... 59 (2020-01 ... 2025-12), stored from index -12.
    private static let monthStarts: [Int32] = (-12..<60).map { m in
        Int32(DateDays.days(year: firstYear + Int((m + 12) / 12) - 1, month: (m + 12) % 12 + 1, day: 1))
    }

    /// First day of a month index in -12 ..< 60.
    @inline(__always) static func monthStart(_ month: Int) -> Int32 { monthStarts[month + 12] }

    /// First day of a year (2020 ... 2025).
    @inline(__always) static func yearStart(_ year: Int) -> Int32 { monthStarts[(year - firstYear) * 12 + 12] }

    /// The month index of a day within 2020-01 ... 2025-12 (by search over the month starts).
    static func monthIndex(of day: Int32) -> Int {
        var low = 0
        var high = monthStarts.count - 1
        while low < high {
            let mid = (low + high + 1) >> 1
            if monthStarts[mid] <= day { low = mid } else { high = mid - 1 }
        }
        return low - 12
    }
}
