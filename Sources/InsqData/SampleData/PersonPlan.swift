/// What a person's payments depend on, decided together with the person's row (first pass) and kept,
/// compactly, for the second pass that writes the payments.
struct PersonPlan {
    var id: Int32 = 0
    var birthDate: Int32 = 0
    /// Nil when never insured.
    var enrolledOn: Int32?
    /// Monthly salary or declared income, in cents.
    var income: Int64 = 0
    var city: UInt16 = 0
    var province: UInt8 = 0
    var country: Country = .china
    var category: Category = .resident
    /// The channel of the person's own contributions.
    var channel: Channel = .tax
    /// Month index of the first and last payment period (0 = January 2021).
    var firstMonth: UInt8 = 0
    var lastMonth = UInt8(SampleCalendar.monthCount - 1)
    /// Pension tier (China) or state support level in per cent (Vietnam) of voluntary participants.
    var level: UInt8 = 0
    /// How many times the person is treated (benefits paid out).
    var benefitCount: UInt8 = 0
    var isFemale = false
    var isFloating = false
    var isRural = false
    var isDebtor = false
    /// Vietnamese household on the near-poor list: the state pays most of its health insurance.
    var isNearPoor = false
}

/// Facts shared by all chunks of one generation run, computed once.
struct SampleContext: Sendable {
    let seed: UInt64
    /// Cumulative category weights per province.
    let categoryWeights: [[Double]]
    let qinghai: UInt8
    let jiangsu: UInt8
    let quangNinh: UInt8
    let bacGiang: UInt8

    init(seed: UInt64, regions: RegionSet) {
        self.seed = seed
        func cumulative(_ weights: [Double]) -> [Double] {
            var total = 0.0
            return weights.map { total += $0; return total }
        }
        categoryWeights = regions.provinces.map { province in
            if province.name == "Bac Giang" { return cumulative(SampleShape.bacGiangCategories) }
            return cumulative(province.country == .china ? SampleShape.chinaCategories : SampleShape.vietnamCategories)
        }
        let names = regions.provinces.map(\.name)
        func index(_ name: String) -> UInt8 { UInt8(names.firstIndex(of: name) ?? 255) }
        qinghai = index("Qinghai")
        jiangsu = index("Jiangsu")
        quangNinh = index("Quang Ninh")
        bacGiang = index("Bac Giang")
    }

    /// The random stream of a chunk's persons (pass 1) or of its payments (pass 2).
    func random(chunk: Int, isPayments: Bool) -> SeededRandom {
        SeededRandom(seed: seed, stream: UInt64(chunk) << 1 | (isPayments ? 1 : 0))
    }
}
