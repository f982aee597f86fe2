/// What the built-in tables and their columns mean (DATA-MODEL.md), for `.schema` and `describe`.
/// Names are matched without regard to ASCII case; tables loaded from other CSV files have no entry.
public enum DataDictionary {
    /// Every built-in table in catalog order: a paragraph on the table, then one line per column.
    public static let tables: [(name: String, description: String, columns: [(name: String, meaning: String)])] = [
        (
            name: "regions",
            description: """
                Where people live: one row per district (a county, urban district, ward or commune), the pooling \
                level below the city, in China (CN) and Vietnam (VN). The sample has about 2,000 districts in 19 \
                provinces, from Qinghai and Jiangsu to Ha Tinh and Quang Ninh.
                """,
            columns: [
                ("region_code", "Key: country-province-city-district code, e.g. CN-QH-XN-01 (Xining, 城东区)."),
                ("country", "Country code: CN (China) or VN (Vietnam)."),
                ("province", "Province, romanised: Qinghai, Jiangsu, Shandong, Sichuan, Guangdong, Ha Tinh, Quang Ninh, Bac Giang, Hanoi, ..."),
                ("city", "City (prefecture, or district-level town in Vietnam), romanised: Xining, Nanjing, Suzhou, Jinan, Ya'an, Ha Tinh, Ha Long, ..."),
                ("district", "County or district, the pooling level below the city, in the local script (城东区, Phường Bắc Hà)."),
                ("population", "Residents of the district: the denominator of coverage rates."),
            ]
        ),
        (
            name: "persons",
            description: """
                Everyone the insurance office knows, insured or not: employees, the self-employed and flexibly \
                employed, retirees, students, infants and other residents. A person with enrolled_on NULL has never \
                been insured; one whose registered_province differs from the province of their region belongs to \
                the floating (migrant) population.
                """,
            columns: [
                ("person_id", "Key: the person's number."),
                ("name", "Full name, in the local script or romanised (Nguyễn Văn An, 王芳, Wang Fang)."),
                ("sex", "F or M."),
                ("birth_date", "Date of birth."),
                ("region_code", "Where the person lives → regions.region_code."),
                ("registered_province", "Province where the person's household is registered; differs from the region's province for the floating (migrant) population."),
                ("residence", "urban or rural."),
                ("category", "employee (urban employee insurance), flexible (flexibly employed), self_employed (individual business), retiree, college, student (primary and secondary), infant (kindergarten and under school age), resident (other non-employed residents), voluntary (voluntary social-insurance participant)."),
                ("employer", "Employing unit, for employees; NULL for everyone else."),
                ("enrolled_on", "First day insured; NULL means never insured."),
                ("status", "active, suspended, transferred or deceased."),
            ]
        ),
        (
            name: "payments",
            description: """
                Money that moves for a person: contributions paid by the person or the employer, the government's \
                subsidies for residents, and benefits paid out for treatment. Employees pay monthly, residents \
                yearly; a payment with paid_on NULL is unpaid (arrears, a debt).
                """,
            columns: [
                ("payment_id", "Key: the payment's number."),
                ("person_id", "Whose payment it is → persons.person_id."),
                ("scheme", "medical, maternity, unemployment, pension or critical_illness."),
                ("kind", "contribution (paid by the person or employer), subsidy (the government's share for residents), benefit (paid out for treatment)."),
                ("period", "First day of the month (employees) or year (residents) that the payment covers."),
                ("amount", "Amount in the currency of the row: exact DECIMAL(14,2), never floating point."),
                ("currency", "CNY (China) or VND (Vietnam)."),
                ("due_on", "When the payment was due."),
                ("paid_on", "When it was paid; NULL means unpaid (arrears, a debt)."),
                ("channel", "employer, tax, post_office, school, bank, online or hospital (benefits)."),
            ]
        ),
    ]

    /// The paragraph describing a built-in table, or nil for any other table.
    public static func describe(table: String) -> String? {
        entry(table)?.description
    }

    /// The same as `describe(table:)`.
    public static func meaning(table: String) -> String? {
        describe(table: table)
    }

    /// The one-line meaning of a column of a built-in table, or nil.
    public static func meaning(table: String, column: String) -> String? {
        let key = column.lowercased()
        return entry(table)?.columns.first { $0.name == key }?.meaning
    }

    private static func entry(_ table: String) -> (name: String, description: String, columns: [(name: String, meaning: String)])? {
        let key = table.lowercased()
        return tables.first { $0.name == key }
    }
}
