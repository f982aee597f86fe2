/// The first pass over a chunk: persons, their plans, and how many payments each will have.
struct PersonGenerator {
    let regions = RegionSet.shared
    let names = NameBook.shared
    let employers = EmployerBook.shared
    let context: SampleContext
    var random: SeededRandom

    init(chunk: Int, context: SampleContext) {
        self.context = context
        random = context.random(chunk: chunk, isPayments: false)
    }

    /// Persons `ids` (1-based person ids): their rows, their plans and their payment count.
    mutating func generate(ids: Range<Int>) -> SampleChunk {
        var persons = PersonRows(capacity: ids.count)
        var plans: [PersonPlan] = []
        plans.reserveCapacity(ids.count)
        var paymentCount = 0
        for id in ids {
            var plan = PersonPlan()
            plan.id = Int32(id)
            appendPerson(&plan, to: &persons)
            paymentCount += PaymentGenerator.paymentCount(of: plan, context: context)
            plans.append(plan)
        }
        return SampleChunk(persons: persons, plans: plans, paymentCount: paymentCount)
    }

    private mutating func appendPerson(_ plan: inout PersonPlan, to rows: inout PersonRows) {
        let region = random.pick(cumulative: regions.cumulativePersonWeight)
        let cityIndex = regions.cityOfRegion[region]
        let city = regions.cities[cityIndex]
        let province = regions.provinces[city.province]
        plan.city = UInt16(cityIndex)
        plan.province = UInt8(city.province)
        plan.country = province.country
        plan.category = Category(rawValue: UInt8(random.pick(cumulative: context.categoryWeights[city.province]))) ?? .resident
        let category = plan.category

        switch category {
        case .employee: plan.isFemale = random.chance(0.45)
        case .retiree: plan.isFemale = random.chance(0.55)
        default: plan.isFemale = random.chance(0.5)
        }
        let age = random.int(in: SampleShape.ageRange(category))
        plan.birthDate = SampleCalendar.referenceDay - Int32(age * 365 + age / 4) - Int32(random.below(365))
        plan.isFloating = random.chance(province.floatingShare * SampleShape.floatingFactor(category))
        let registered = plan.isFloating && !province.otherProvinces.isEmpty
            ? Int(province.otherProvinces[random.below(province.otherProvinces.count)]) : city.province
        let urbanShare: Double
        if plan.isFloating {
            urbanShare = 0.9
        } else if category == .employee {
            urbanShare = plan.country == .china ? 0.92 : 0.8
        } else {
            urbanShare = plan.country == .china ? 0.6 : 0.35
        }
        plan.isRural = !random.chance(urbanShare)
        let block = names.block(country: plan.country, isRomanised: random.chance(plan.country == .china ? 0.25 : 0.2),
                                isFemale: plan.isFemale)
        let name = block.offset + UInt32(random.below(block.count))
        var employer = PersonRows.nullEmployer
        if category == .employee {
            employer = random.chance(0.8)
                ? employers.cityEmployer(city: cityIndex, index: random.below(employers.perCity))
                : employers.nationalEmployer(country: plan.country, index: random.below(employers.perCountry))
        }

        decideEnrolment(&plan, studentRate: city.studentRate)
        let status = decideStatus(&plan, arrears: city.arrears)
        decideMoney(&plan)

        rows.append(name: name, isFemale: plan.isFemale, birthDate: plan.birthDate, region: region,
                    registeredProvince: registered, isRural: plan.isRural, category: category, employer: employer,
                    enrolledOn: plan.enrolledOn ?? PersonRows.nullDay, status: status)
    }

    /// Whether and since when the person is insured; sets the first payment month.
    private mutating func decideEnrolment(_ plan: inout PersonPlan, studentRate: Double) {
        var rate: Double
        switch plan.category {
        case .student: rate = studentRate
        case .college: rate = min(0.995, studentRate + 0.04)
        default: rate = SampleShape.insuredRate(plan.category, country: plan.country)
        }
        if plan.isFloating && plan.category != .employee { rate *= 0.92 }
        guard random.chance(rate) else { return }

        let (before, years) = SampleShape.enrolmentYears(plan.category, isBacGiang: plan.province == context.bacGiang)
        // Children are insured from birth or school; adults from eighteen at the earliest.
        let isChild = plan.category == .infant || plan.category == .student || plan.category == .college
        let earliest = max(plan.birthDate + (isChild ? 0 : 18 * 365 + 4), SampleCalendar.earliestEnrolment)
        var day: Int32
        if plan.category == .infant && plan.birthDate >= SampleCalendar.windowStart {
            day = plan.birthDate + Int32(random.below(90))
        } else if random.chance(before) && earliest < SampleCalendar.windowStart {
            day = earliest + Int32(random.below(Int(SampleCalendar.windowStart - earliest)))
        } else {
            var total = 0.0
            for w in years { total += w }
            var target = random.unit() * total
            var year = 0
            while year < years.count - 1 && target >= years[year] {
                target -= years[year]
                year += 1
            }
            day = SampleCalendar.yearStart(SampleCalendar.firstYear + year) + Int32(random.below(365))
            if day < earliest { day = earliest + Int32(random.below(60)) }
        }
        day = min(day, SampleCalendar.windowEnd)
        plan.enrolledOn = day
        plan.firstMonth = day < SampleCalendar.windowStart ? 0 : UInt8(SampleCalendar.monthIndex(of: day))
    }

    /// Status, the last payment month of those who left, who falls into arrears, who is treated.
    private mutating func decideStatus(_ plan: inout PersonPlan, arrears: Double) -> Status {
        let roll = random.unit()
        let deceased = plan.category == .retiree ? 0.05 : 0.003
        if plan.enrolledOn != nil {
            plan.isDebtor = random.chance(arrears * (plan.isFloating ? SampleShape.floatingArrearsFactor : 1))
            let (chance, most) = SampleShape.benefits(plan.category)
            if random.chance(chance) { plan.benefitCount = UInt8(1 + random.below(most)) }
        }
        let status: Status
        if roll < deceased {
            status = .deceased
        } else if roll < deceased + 0.025 {
            status = .transferred
        } else {
            return plan.isDebtor && random.chance(0.4) ? .suspended : .active
        }
        let first = Int(plan.firstMonth)
        plan.lastMonth = UInt8(first + random.below(SampleCalendar.monthCount - first))
        return status
    }

    /// Income, pension level and channel of the person's own contributions.
    private mutating func decideMoney(_ plan: inout PersonPlan) {
        let u = random.unit()
        let isChina = plan.country == .china
        switch plan.category {
        case .employee:
            plan.income = isChina ? 350_000 + Int64(2_150_000 * u * u) : 500_000_000 + Int64(2_500_000_000 * u * u)
        case .flexible, .selfEmployed, .voluntary:
            plan.income = isChina ? 400_000 + Int64(500_000 * u) : 150_000_000 + Int64(random.below(91)) * 5_000_000
        default:
            break
        }
        if plan.category == .voluntary {
            if isChina {
                plan.level = UInt8(min(random.below(5), random.below(5)))
            } else {
                plan.level = plan.isRural && random.chance(0.25) ? 30 : random.chance(0.15) ? 25 : 10
            }
        }
        plan.isNearPoor = !isChina && plan.category == .resident && plan.isRural && random.chance(0.3)
        plan.channel = pickChannel(plan.category, isChina: isChina)
    }

    private mutating func pickChannel(_ category: Category, isChina: Bool) -> Channel {
        let u = random.unit()
        switch category {
        case .employee: return .employer
        case .college, .student: return isChina && u < 0.2 ? .online : .school
        case .retiree: return isChina ? .bank : .postOffice
        case .flexible, .selfEmployed, .resident, .infant:
            if isChina { return u < 0.45 ? .tax : u < 0.8 ? .online : .bank }
            return u < 0.6 ? .postOffice : u < 0.8 ? .online : .bank
        case .voluntary:
            if isChina { return u < 0.6 ? .online : .bank }
            return u < 0.7 ? .postOffice : u < 0.9 ? .online : .bank
        }
    }
}
