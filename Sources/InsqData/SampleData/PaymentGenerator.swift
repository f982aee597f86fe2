/// The second pass over a chunk: the payment schedule of each person - contributions and subsidies by
/// category and country, benefits for a minority, arrears for debtors, and late payments (Qinghai's
/// migrants pay in the May window) - written straight into the final columns.
struct PaymentGenerator {
    let context: SampleContext
    var random: SeededRandom
    let schedules = Schedule.table
    let rates = PaymentRates()
    /// Benefit months of the current person (reused to avoid allocation).
    var benefitMonths: [Int] = []

    init(chunk: Int, context: SampleContext) {
        self.context = context
        random = context.random(chunk: chunk, isPayments: true)
        benefitMonths.reserveCapacity(8)
    }

    /// Writes the payments of every planned person, in person order.
    mutating func write(_ plans: [PersonPlan], to rows: inout PaymentWriter) {
        for plan in plans { appendPayments(of: plan, to: &rows) }
    }

    /// How many payments `appendPayments` writes for a plan. It mirrors the schedule below; the writer's
    /// bounds check and the tests catch any difference.
    static func paymentCount(of plan: PersonPlan, context: SampleContext) -> Int {
        guard let enrolled = plan.enrolledOn, plan.lastMonth >= plan.firstMonth else { return 0 }
        let first = Int(plan.firstMonth)
        let last = Int(plan.lastMonth)
        let months = last - first + 1
        let quarters = last / 3 - (first + 2) / 3 + 1
        let isNewcomer = enrolled >= SampleCalendar.windowStart
        let years = last / 12 - (first + 11) / 12 + 1 + (isNewcomer && first % 12 != 0 ? 1 : 0)
        var count = Int(plan.benefitCount)
        switch (plan.country, plan.category) {
        case (.china, .employee): count += months + quarters + years * (plan.province == context.jiangsu ? 1 : 2)
        case (.china, .flexible): count += 2 * quarters
        case (.china, .selfEmployed): count += quarters + years
        case (.china, .retiree): count += years
        case (.china, .college), (.china, .student), (.china, .infant), (.china, .resident), (.china, .voluntary):
            count += 2 * years
        case (.vietnam, .employee): count += months + quarters + 2 * years
        case (.vietnam, .flexible), (.vietnam, .selfEmployed), (.vietnam, .voluntary): count += quarters + years
        case (.vietnam, .retiree), (.vietnam, .infant): count += years
        case (.vietnam, .college), (.vietnam, .student): count += 2 * years
        case (.vietnam, .resident): count += plan.isNearPoor ? 2 * years : years
        }
        return count
    }

    /// Appends the person's payments in period order; persons never insured have none.
    private mutating func appendPayments(of plan: PersonPlan, to rows: inout PaymentWriter) {
        guard let enrolled = plan.enrolledOn, plan.lastMonth >= plan.firstMonth else { return }
        planBenefits(plan)
        var nextBenefit = 0
        for month in Int(plan.firstMonth)...Int(plan.lastMonth) {
            let isNewcomer = month == Int(plan.firstMonth) && enrolled >= SampleCalendar.windowStart
            let schedule = isNewcomer ? schedules[month].forNewcomer(enrolledOn: enrolled) : schedules[month]
            if plan.country == .china {
                appendChinese(plan, schedule, to: &rows)
            } else {
                appendVietnamese(plan, schedule, to: &rows)
            }
            while nextBenefit < benefitMonths.count && benefitMonths[nextBenefit] == month {
                appendBenefit(plan, month: month, to: &rows)
                nextBenefit += 1
            }
        }
    }

    private mutating func appendChinese(_ plan: PersonPlan, _ s: Schedule, to rows: inout PaymentWriter) {
        let y = s.yearIndex
        switch plan.category {
        case .employee:
            let salary = plan.income * Int64(100 + 4 * y) / 100
            let isJiangsu = plan.province == context.jiangsu  // maternity is pooled with medical insurance there
            contribution(plan, .medical, s.monthPeriod, percent(salary, isJiangsu ? 1080 : 1000), due: s.monthDue,
                         early: 12, schedule: s, to: &rows)
            if s.isQuarterly {
                contribution(plan, .pension, s.monthPeriod, percent(3 * salary, 2400), due: s.monthDue, early: 12,
                             schedule: s, to: &rows)
            }
            if s.isYearly {
                contribution(plan, .unemployment, s.yearPeriod, percent(12 * salary, 100), due: s.employerYearDue,
                             early: 30, schedule: s, to: &rows)
                if !isJiangsu {
                    contribution(plan, .maternity, s.yearPeriod, percent(12 * salary, 80), due: s.employerYearDue,
                                 early: 30, schedule: s, to: &rows)
                }
            }
        case .flexible, .selfEmployed:
            if s.isQuarterly {
                contribution(plan, .medical, s.monthPeriod, percent(3 * plan.income, 800), due: s.monthDue, early: 30,
                             schedule: s, to: &rows)
                if plan.category == .flexible {
                    contribution(plan, .pension, s.monthPeriod, percent(3 * plan.income, 2000), due: s.monthDue,
                                 early: 30, schedule: s, to: &rows)
                }
            }
            if s.isYearly && plan.category == .selfEmployed {
                contribution(plan, .pension, s.yearPeriod, percent(12 * plan.income, 2000), due: s.yearDue,
                             early: s.yearEarlySpan, schedule: s, to: &rows)
            }
        case .retiree:
            if s.isYearly {
                contribution(plan, .criticalIllness, s.yearPeriod, rates.chinaCriticalIllness[y], due: s.yearDue,
                             early: s.yearEarlySpan, schedule: s, to: &rows)
            }
        case .college, .student, .infant, .resident:
            if s.isYearly {
                contribution(plan, .medical, s.yearPeriod, rates.chinaResidentContribution[y], due: s.yearDue,
                             early: s.yearEarlySpan, schedule: s, to: &rows)
                subsidy(plan, .medical, s.yearPeriod, rates.chinaResidentSubsidy[y], due: s.subsidyDue, to: &rows)
            }
        case .voluntary:
            if s.isYearly {
                contribution(plan, .pension, s.yearPeriod, rates.chinaPensionTiers[Int(plan.level)], due: s.yearDue,
                             early: s.yearEarlySpan, schedule: s, to: &rows)
                subsidy(plan, .pension, s.yearPeriod, rates.chinaPensionSubsidy, due: s.subsidyDue, to: &rows)
            }
        }
    }

    private mutating func appendVietnamese(_ plan: PersonPlan, _ s: Schedule, to rows: inout PaymentWriter) {
        let household = rates.vietnamHousehold[s.yearIndex]
        switch plan.category {
        case .employee:
            let salary = plan.income * Int64(100 + 5 * s.yearIndex) / 100
            contribution(plan, .medical, s.monthPeriod, dong(percent(salary, 450)), due: s.monthDue, early: 12,
                         schedule: s, to: &rows)
            if s.isQuarterly {
                contribution(plan, .pension, s.monthPeriod, dong(percent(3 * salary, 2200)), due: s.monthDue, early: 12,
                             schedule: s, to: &rows)
            }
            if s.isYearly {
                contribution(plan, .unemployment, s.yearPeriod, dong(percent(12 * salary, 200)), due: s.employerYearDue,
                             early: 30, schedule: s, to: &rows)
                contribution(plan, .maternity, s.yearPeriod, dong(percent(12 * salary, 50)), due: s.employerYearDue,
                             early: 30, schedule: s, to: &rows)
            }
        case .flexible, .selfEmployed, .voluntary:
            if s.isQuarterly {
                contribution(plan, .pension, s.monthPeriod, dong(percent(3 * plan.income, 2200)), due: s.monthDue,
                             early: 30, schedule: s, to: &rows)
            }
            if s.isYearly {
                if plan.category == .voluntary {
                    // The state supports voluntary participants with 10 %, 25 % or 30 % of the minimum contribution.
                    let support = 150_000_000 * 12 * 22 / 100 * Int64(plan.level) / 100
                    subsidy(plan, .pension, s.yearPeriod, support, due: s.subsidyDue, to: &rows)
                } else {
                    contribution(plan, .medical, s.yearPeriod, household, due: s.yearDue, early: s.yearEarlySpan,
                                 schedule: s, to: &rows)
                }
            }
        case .retiree:
            // The social-insurance fund pays retirees' health insurance.
            if s.isYearly { subsidy(plan, .medical, s.yearPeriod, household, due: s.subsidyDue, to: &rows) }
        case .college, .student:
            if s.isYearly {
                contribution(plan, .medical, s.yearPeriod, household * 7 / 10, due: s.yearDue, early: s.yearEarlySpan,
                             schedule: s, to: &rows)
                subsidy(plan, .medical, s.yearPeriod, household - household * 7 / 10, due: s.subsidyDue, to: &rows)
            }
        case .infant:
            // Children under six are insured at the state's expense.
            if s.isYearly { subsidy(plan, .medical, s.yearPeriod, household, due: s.subsidyDue, to: &rows) }
        case .resident:
            if s.isYearly {
                let own = plan.isNearPoor ? household * 3 / 10 : household
                contribution(plan, .medical, s.yearPeriod, own, due: s.yearDue, early: s.yearEarlySpan, schedule: s,
                             to: &rows)
                if plan.isNearPoor {
                    subsidy(plan, .medical, s.yearPeriod, household - own, due: s.subsidyDue, to: &rows)
                }
            }
        }
    }

    /// `base` × basis points / 10,000, rounded to the cent.
    private func percent(_ base: Int64, _ basisPoints: Int64) -> Int64 {
        (base * basisPoints + 5_000) / 10_000
    }

    /// Rounds cents to whole dong.
    private func dong(_ cents: Int64) -> Int64 {
        (cents + 50) / 100 * 100
    }

    /// A person's own contribution: paid early, late, in Qinghai's May window, or never (arrears).
    private mutating func contribution(_ plan: PersonPlan, _ scheme: Scheme, _ period: Int32, _ amount: Int64,
                                       due: Int32, early: Int, schedule: Schedule, to rows: inout PaymentWriter) {
        let unpaid = plan.isDebtor
            ? (plan.province == context.quangNinh ? rates.quangNinhDebtorUnpaid : rates.debtorUnpaid)[schedule.yearIndex]
            : SampleShape.strayUnpaid
        var paid = PersonRows.nullDay
        if !random.chance(unpaid) {
            let may = schedule.mayFirst
            // Migrants in Qinghai may pay the year's (or the first quarter's) contribution late, in May.
            let isWindowCandidate = plan.isFloating && plan.province == context.qinghai && due < may
                && plan.category != .employee && period == schedule.yearPeriod
            if isWindowCandidate && random.chance(SampleShape.qinghaiMayWindow) {
                paid = may + Int32(random.below(31))
            } else {
                let late = plan.isDebtor ? SampleShape.debtorLatePayment
                    : plan.isFloating ? SampleShape.floatingLatePayment : SampleShape.latePayment
                paid = random.chance(late) ? due + 1 + Int32(random.below(75)) : due - Int32(random.below(early))
            }
            if paid > SampleCalendar.snapshotDay { paid = PersonRows.nullDay }
        }
        rows.append(person: plan.id, scheme: scheme, kind: .contribution, period: period, amount: amount,
                    currency: plan.country, due: due, paid: paid, channel: plan.channel)
    }

    /// The government's share, always paid, through the tax channel.
    private mutating func subsidy(_ plan: PersonPlan, _ scheme: Scheme, _ period: Int32, _ amount: Int64, due: Int32,
                                  to rows: inout PaymentWriter) {
        let paid = min(due - Int32(random.below(60)), SampleCalendar.snapshotDay)
        rows.append(person: plan.id, scheme: scheme, kind: .subsidy, period: period, amount: amount,
                    currency: plan.country, due: due, paid: paid, channel: .tax)
    }

    /// Picks the months in which the person is treated (the first pass chose how often).
    private mutating func planBenefits(_ plan: PersonPlan) {
        benefitMonths.removeAll(keepingCapacity: true)
        let first = Int(plan.firstMonth)
        let span = Int(plan.lastMonth) - first + 1
        for _ in 0..<Int(plan.benefitCount) { benefitMonths.append(first + random.below(span)) }
        benefitMonths.sort()
    }

    /// A benefit paid out by a hospital for treatment in `month`.
    private mutating func appendBenefit(_ plan: PersonPlan, month: Int, to rows: inout PaymentWriter) {
        let period = SampleCalendar.monthStart(month)
        let age = Int(period - plan.birthDate) / 365
        let u = random.unit()
        let skew = u * u * u
        let scheme: Scheme
        let amount: Int64
        let isChina = plan.country == .china
        if plan.isFemale && plan.category == .employee && (22...40).contains(age) && random.chance(0.3) {
            scheme = .maternity
            amount = isChina ? 500_000 + Int64(1_500_000 * u) : dong(1_000_000_000 + Int64(400_000_000 * u))
        } else if random.chance(0.06) {
            scheme = .criticalIllness
            amount = isChina ? 2_000_000 + Int64(13_000_000 * skew) : dong(5_000_000_000 + Int64(25_000_000_000 * skew))
        } else {
            scheme = .medical
            let factor: Int64 = plan.category == .retiree ? 3 : 2
            amount = isChina ? (15_000 + Int64(800_000 * skew)) * factor / 2
                : dong((50_000_000 + Int64(2_700_000_000 * skew)) * factor / 2)
        }
        let treated = period + Int32(random.below(28))
        let paid = min(treated + 3 + Int32(random.below(45)), SampleCalendar.snapshotDay)
        rows.append(person: plan.id, scheme: scheme, kind: .benefit, period: period, amount: amount,
                    currency: plan.country, due: treated + 30, paid: paid, channel: .hospital)
    }
}
