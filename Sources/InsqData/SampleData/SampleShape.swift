/// The tunable numbers of the sample: who is in which category, who is insured, how much they pay.
/// Amounts are in cents (DECIMAL(14,2) scaled integers).
enum SampleShape {
    /// Category weights in `Category` order (employee, flexible, self_employed, retiree, college, student,
    /// infant, resident, voluntary).
    static let chinaCategories: [Double] = [0.245, 0.07, 0.05, 0.13, 0.04, 0.14, 0.06, 0.245, 0.02]
    static let vietnamCategories: [Double] = [0.195, 0.03, 0.06, 0.08, 0.03, 0.17, 0.09, 0.245, 0.10]
    /// Bac Giang adds voluntary participants year on year.
    static let bacGiangCategories: [Double] = [0.175, 0.03, 0.06, 0.08, 0.03, 0.17, 0.09, 0.205, 0.16]

    /// Youngest and oldest age (on 2024-07-01) per category.
    static func ageRange(_ category: Category) -> ClosedRange<Int> {
        switch category {
        case .employee, .flexible: return 20...59
        case .selfEmployed: return 22...64
        case .retiree: return 60...89
        case .college: return 18...22
        case .student: return 6...17
        case .infant: return 0...5
        case .resident: return 18...79
        case .voluntary: return 25...59
        }
    }

    /// How much more (or less) likely than average a person of the category is to be a migrant.
    static func floatingFactor(_ category: Category) -> Double {
        switch category {
        case .employee, .flexible, .selfEmployed: return 1.6
        case .retiree: return 0.3
        case .voluntary: return 0.5
        case .college, .student, .infant: return 0.8
        case .resident: return 0.9
        }
    }

    /// Share of persons of the category who are insured (students use their city's rate instead).
    static func insuredRate(_ category: Category, country: Country) -> Double {
        switch category {
        case .employee: return 0.985
        case .retiree: return 0.99
        case .flexible: return 0.86
        case .selfEmployed: return 0.80
        case .infant: return country == .china ? 0.90 : 0.985
        case .resident: return country == .china ? 0.84 : 0.90
        case .voluntary: return 1
        case .college, .student: return 0.9
        }
    }

    /// Share of the insured who enrolled before 2021, and the relative weight of enrolment in 2021 ... 2024.
    static func enrolmentYears(_ category: Category, isBacGiang: Bool) -> (before: Double, years: [Double]) {
        switch category {
        case .voluntary: return isBacGiang ? (0.06, [0.08, 0.14, 0.24, 0.46]) : (0.45, [0.12, 0.13, 0.14, 0.16])
        case .student, .college: return (0.80, [1, 1.1, 1.2, 1.3])
        case .employee, .retiree: return (0.78, [1, 1.1, 1.2, 1.3])
        default: return (0.70, [1, 1.15, 1.3, 1.45])
        }
    }

    /// How likely an insured person of the city is to fall into arrears, times this for migrants.
    static let floatingArrearsFactor = 1.6
    /// Chance that a debtor leaves a contribution unpaid, by year 2021 ... 2024.
    static let debtorUnpaid: [Double] = [0.20, 0.28, 0.38, 0.52]
    /// Quang Ninh collected its debts: old arrears were paid, few new ones arose.
    static let quangNinhDebtorUnpaid: [Double] = [0.55, 0.35, 0.15, 0.08]
    /// Chance that anyone else leaves a contribution unpaid.
    static let strayUnpaid = 0.002

    /// Chance that a floating resident of Qinghai pays a yearly contribution in the May window (1-31 May).
    static let qinghaiMayWindow = 0.45
    /// Chance of paying after the due date outside the May window.
    static let latePayment = 0.035
    static let floatingLatePayment = 0.10
    static let debtorLatePayment = 0.25

    /// Chance of drawing benefits at all, and the most benefit events a person has, by category.
    static func benefits(_ category: Category) -> (chance: Double, most: Int) {
        switch category {
        case .retiree: return (0.45, 6)
        case .infant: return (0.22, 3)
        case .student: return (0.10, 2)
        case .college: return (0.07, 2)
        default: return (0.08, 3)
        }
    }

    // MARK: Amounts (cents)

    /// China: urban-resident medical insurance per year 2021 ... 2024, the person's and the government's part.
    static let chinaResidentContribution: [Int64] = [28_000, 32_000, 35_000, 38_000]
    static let chinaResidentSubsidy: [Int64] = [58_000, 61_000, 64_000, 67_000]
    /// China: retirees' supplementary critical-illness premium per year.
    static let chinaCriticalIllness: [Int64] = [6_000, 6_000, 7_000, 7_000]
    /// China: resident pension tiers per year, and the government's top-up.
    static let chinaPensionTiers: [Int64] = [20_000, 30_000, 50_000, 100_000, 200_000]
    static let chinaPensionSubsidy: Int64 = 4_500

    /// Vietnam: statutory base salary (VND, in cents) for January of 2021 ... 2024 and from July.
    static let vietnamBaseJanuary: [Int64] = [149_000_000, 149_000_000, 149_000_000, 180_000_000]
    static let vietnamBaseJuly: [Int64] = [149_000_000, 149_000_000, 180_000_000, 234_000_000]

    /// Vietnam: household health insurance for a year, 4.5 % of twelve base salaries.
    static func vietnamHousehold(yearIndex: Int) -> Int64 {
        vietnamBaseJanuary[yearIndex] * 12 * 45 / 1000
    }
}
