extension PaymentGenerator {
    /// When payments of one month fall due.
    struct Schedule {
        let month: Int
        let yearIndex: Int
        /// Yearly payments are made in January, or in the month a newcomer enrols.
        var isYearly: Bool
        let isQuarterly: Bool
        let monthPeriod: Int32
        let yearPeriod: Int32
        /// Monthly and quarterly contributions are due on the 15th of the following month.
        let monthDue: Int32
        /// Yearly contributions of residents are collected before the year (due 31 December) or at enrolment.
        var yearDue: Int32
        var yearEarlySpan: Int
        /// Employees' yearly contributions are due by the end of March (or 45 days after enrolment).
        let employerYearDue: Int32
        /// The government pays its share by 30 June (or 60 days after enrolment).
        var subsidyDue: Int32
        /// 1 May of the year: Qinghai's window for late payers opens.
        let mayFirst: Int32

        /// The schedule of every month 0 ..< 48 for persons insured before it began.
        static let table: [Schedule] = (0..<SampleCalendar.monthCount).map { Schedule(month: $0) }

        private init(month: Int) {
            self.month = month
            yearIndex = month / 12
            isYearly = month % 12 == 0
            isQuarterly = month % 3 == 0
            monthPeriod = SampleCalendar.monthStart(month)
            yearPeriod = SampleCalendar.yearStart(SampleCalendar.firstYear + yearIndex)
            monthDue = SampleCalendar.monthStart(month + 1) + 14
            yearDue = yearPeriod - 1
            yearEarlySpan = 110
            employerYearDue = max(yearPeriod + 89, monthPeriod + 45)
            subsidyDue = yearPeriod + 180
            mayFirst = SampleCalendar.monthStart(yearIndex * 12 + 4)
        }

        /// The month in which a person enrolled during the window: yearly payments are due at enrolment.
        func forNewcomer(enrolledOn: Int32) -> Schedule {
            var schedule = self
            schedule.isYearly = true
            schedule.yearDue = enrolledOn + 30
            schedule.yearEarlySpan = 25
            schedule.subsidyDue = max(subsidyDue, enrolledOn + 60)
            return schedule
        }
    }

    /// The per-year amounts and chances of `SampleShape`, copied next to the generator so that the hot loop
    /// reads plain arrays rather than lazily initialised globals.
    struct PaymentRates {
        let debtorUnpaid = SampleShape.debtorUnpaid
        let quangNinhDebtorUnpaid = SampleShape.quangNinhDebtorUnpaid
        let chinaResidentContribution = SampleShape.chinaResidentContribution
        let chinaResidentSubsidy = SampleShape.chinaResidentSubsidy
        let chinaCriticalIllness = SampleShape.chinaCriticalIllness
        let chinaPensionTiers = SampleShape.chinaPensionTiers
        let vietnamHousehold = (0..<4).map { SampleShape.vietnamHousehold(yearIndex: $0) }
        let chinaPensionSubsidy = SampleShape.chinaPensionSubsidy
    }
}
