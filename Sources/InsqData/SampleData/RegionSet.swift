import InsqStorage

/// The sample's districts flattened from `RegionSpecs`: one row per district, plus the per-city and
/// per-province facts that person generation looks up. Built once; independent of seed and scale factor.
struct RegionSet: Sendable {
    /// A province's facts, indexed by its code in `provinceNames`.
    struct Province: Sendable {
        let country: Country
        let name: String
        let floatingShare: Double
        let studentRate: Double
        /// Other provinces of the same country: where a floating resident's household may be registered.
        let otherProvinces: [UInt8]
    }

    /// A city's facts, indexed by its position in `cities`.
    struct City: Sendable {
        let name: String
        let localName: String
        let province: Int
        let studentRate: Double
        /// Share of insured persons who fall into arrears.
        let arrears: Double
    }

    static let shared = RegionSet()

    private(set) var provinces: [Province] = []
    private(set) var cities: [City] = []
    private(set) var regionCodes: [String] = []
    private(set) var districtNames: [String] = []
    private(set) var cityOfRegion: [Int] = []
    private(set) var population: [Int64] = []
    /// Running total of each district's share of persons (province share split by population).
    private(set) var cumulativePersonWeight: [Double] = []

    /// Dictionaries shared by the regions table and the persons columns that point into it.
    let regionCodeDictionary: TextDictionary
    let provinceDictionary: TextDictionary

    var count: Int { regionCodes.count }

    private init() {
        var stream = SeededRandom(seed: 0x5EED_2E61_0A5, stream: 0)
        var provinceOfRegion: [Int] = []
        for (p, spec) in RegionSpecs.provinces.enumerated() {
            for citySpec in spec.cities {
                let cityIndex = cities.count
                let arrears = citySpec.arrears ?? 0.02 + 0.04 * stream.unit()
                var studentRate = citySpec.studentRate ?? spec.studentRate
                if citySpec.studentRate == nil && spec.studentRate < 0.99 {
                    studentRate = min(0.995, studentRate + 0.06 * (stream.unit() - 0.5))
                }
                cities.append(City(name: citySpec.name, localName: citySpec.localName, province: p,
                                   studentRate: studentRate, arrears: arrears))
                for (d, name) in Self.districts(of: citySpec, country: spec.country).enumerated() {
                    let number = d + 1 < 10 ? "0\(d + 1)" : "\(d + 1)"
                    regionCodes.append("\(spec.country.code)-\(spec.code)-\(citySpec.code)-\(number)")
                    districtNames.append(name)
                    cityOfRegion.append(cityIndex)
                    provinceOfRegion.append(p)
                    let isListed = d < citySpec.districts.count
                    let base = Self.population(country: spec.country, isListed: isListed,
                                               isMunicipal: spec.cities.count == 1, random: &stream)
                    population.append(Int64(Double(base) * citySpec.populationScale) / 10 * 10)
                }
            }
        }
        for (p, spec) in RegionSpecs.provinces.enumerated() {
            let others = RegionSpecs.provinces.indices.filter {
                $0 != p && RegionSpecs.provinces[$0].country == spec.country
            }
            provinces.append(Province(country: spec.country, name: spec.name, floatingShare: spec.floatingShare,
                                      studentRate: spec.studentRate, otherProvinces: others.map { UInt8($0) }))
        }
        var provincePopulation = [Int64](repeating: 0, count: provinces.count)
        for (r, p) in provinceOfRegion.enumerated() { provincePopulation[p] += population[r] }
        let totalShare = RegionSpecs.provinces.reduce(0) { $0 + $1.share }
        var running = 0.0
        for (r, p) in provinceOfRegion.enumerated() {
            let share = RegionSpecs.provinces[p].share / totalShare
            running += share * Double(population[r]) / Double(provincePopulation[p])
            cumulativePersonWeight.append(running)
        }
        regionCodeDictionary = TextDictionary(regionCodes)
        provinceDictionary = TextDictionary(provinces.map(\.name))
    }

    /// The city's listed districts, then generic ones up to `padTo`, skipping names already used.
    private static func districts(of city: CitySpec, country: Country) -> [String] {
        var names = city.districts
        var used = Set(names)
        let stems = country == .china ? RegionSpecs.chineseStems : RegionSpecs.vietnameseStems
        // Start each city at a different stem so that neighbouring cities do not look alike.
        var i = city.code.unicodeScalars.reduce(0) { $0 &* 31 &+ Int($1.value) } % stems.count
        var attempts = 0
        while names.count < city.padTo && attempts < 2 * stems.count {
            let stem = stems[i % stems.count]
            let name: String
            if country == .china {
                name = stem + (i % 3 == 0 ? "镇" : "街道")
            } else {
                name = (i % 3 == 0 ? "Xã " : "Phường ") + stem
            }
            if used.insert(name).inserted { names.append(name) }
            i += 1
            attempts += 1
        }
        return names
    }

    /// Residents of a district: counties and urban districts are large, towns, wards and communes small.
    private static func population(country: Country, isListed: Bool, isMunicipal: Bool,
                                   random: inout SeededRandom) -> Int64 {
        let range: ClosedRange<Int>
        switch (country, isListed, isMunicipal) {
        case (.china, true, _): range = 120_000...1_100_000
        case (.china, false, _): range = 20_000...120_000
        case (.vietnam, _, true): range = 80_000...420_000
        case (.vietnam, _, false): range = 6_000...36_000
        }
        return Int64(random.int(in: range) / 10 * 10)
    }

    func province(ofRegion region: Int) -> Int { cities[cityOfRegion[region]].province }

    /// The `regions` table, in the columns and types of `BuiltinSchemas.regions`.
    func table() -> Table {
        var cityNames = TextDictionaryBuilder()
        var districts = TextDictionaryBuilder()
        var countryCodes: [UInt32] = []
        var provinceCodes: [UInt32] = []
        var cityCodes: [UInt32] = []
        var districtCodes: [UInt32] = []
        for r in 0..<count {
            let city = cities[cityOfRegion[r]]
            countryCodes.append(UInt32(provinces[city.province].country.rawValue))
            provinceCodes.append(UInt32(city.province))
            cityCodes.append(cityNames.intern(city.name))
            districtCodes.append(districts.intern(districtNames[r]))
        }
        let columns = [
            Column(type: .text, data: .text((0..<count).map { UInt32($0) }, regionCodeDictionary)),
            Column(type: .text, data: .text(countryCodes, SampleVocabulary.countries)),
            Column(type: .text, data: .text(provinceCodes, provinceDictionary)),
            Column(type: .text, data: .text(cityCodes, cityNames.build())),
            Column(type: .text, data: .text(districtCodes, districts.build())),
            Column(type: .bigint, data: .int64(population)),
        ]
        return Table(name: "regions", schema: BuiltinSchemas.regions, columns: columns)
    }
}
