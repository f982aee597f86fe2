import InsqStorage

/// The fixed code lists of the built-in tables (DATA-MODEL.md); each case's raw value is its dictionary code.
enum Category: UInt8, CaseIterable {
    case employee, flexible, selfEmployed, retiree, college, student, infant, resident, voluntary

    var text: String {
        switch self {
        case .employee: return "employee"
        case .flexible: return "flexible"
        case .selfEmployed: return "self_employed"
        case .retiree: return "retiree"
        case .college: return "college"
        case .student: return "student"
        case .infant: return "infant"
        case .resident: return "resident"
        case .voluntary: return "voluntary"
        }
    }
}

/// Person status codes.
enum Status: UInt8, CaseIterable {
    case active, suspended, transferred, deceased
    var text: String { "\(self)" }
}

/// Insurance scheme codes.
enum Scheme: UInt8, CaseIterable {
    case medical, maternity, unemployment, pension, criticalIllness
    var text: String { self == .criticalIllness ? "critical_illness" : "\(self)" }
}

/// Payment kind codes.
enum PaymentKind: UInt8, CaseIterable {
    case contribution, subsidy, benefit
    var text: String { "\(self)" }
}

/// Payment channel codes.
enum Channel: UInt8, CaseIterable {
    case employer, tax, postOffice, school, bank, online, hospital
    var text: String { self == .postOffice ? "post_office" : "\(self)" }
}

/// Country codes; a country fixes the currency, the name book and the amounts.
enum Country: UInt8, CaseIterable {
    case china, vietnam
    var code: String { self == .china ? "CN" : "VN" }
    var currency: String { self == .china ? "CNY" : "VND" }
}

/// The dictionaries of the small code columns, built once and shared by every generated table.
enum SampleVocabulary {
    static let sexes = TextDictionary(["F", "M"])
    static let residences = TextDictionary(["urban", "rural"])
    static let categories = TextDictionary(Category.allCases.map(\.text))
    static let statuses = TextDictionary(Status.allCases.map(\.text))
    static let schemes = TextDictionary(Scheme.allCases.map(\.text))
    static let kinds = TextDictionary(PaymentKind.allCases.map(\.text))
    static let channels = TextDictionary(Channel.allCases.map(\.text))
    static let countries = TextDictionary(Country.allCases.map(\.code))
    static let currencies = TextDictionary(Country.allCases.map(\.currency))
}
