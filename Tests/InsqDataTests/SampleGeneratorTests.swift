import Testing
@testable import InsqData
import InsqStorage

/// The SF 0.01 sample at the default seed, generated once for the shape tests.
private let small = SampleGenerator.generate(scaleFactor: 0.01, seed: SampleGenerator.defaultSeed)

private func table(_ catalog: Catalog, _ name: String) -> Table {
    guard let table = catalog.table(named: name) else { fatalError("no table \(name)") }
    return table
}

private func int64s(_ table: Table, _ column: String) -> [Int64] {
    guard let i = table.columnIndex(column), case let .int64(values) = table.columns[i].data else { return [] }
    return values
}

private func days(_ table: Table, _ column: String) -> [Int32] {
    guard let i = table.columnIndex(column), case let .int32(values) = table.columns[i].data else { return [] }
    return values
}

/// The column's text per row (NULL as nil), decoded once per distinct code.
private func texts(_ table: Table, _ column: String) -> [String?] {
    guard let i = table.columnIndex(column), case let .text(codes, dictionary) = table.columns[i].data else { return [] }
    let c = table.columns[i]
    return codes.enumerated().map { row, code in c.isNull(row) ? nil : dictionary.strings[Int(code)] }
}

private func isNull(_ table: Table, _ column: String) -> [Bool] {
    guard let i = table.columnIndex(column) else { return [] }
    return (0..<table.rowCount).map { table.columns[i].isNull($0) }
}

/// True when two tables hold the same schema and the same values, row for row.
private func sameContents(_ a: Table, _ b: Table) -> Bool {
    guard a.name == b.name, a.schema == b.schema, a.rowCount == b.rowCount else { return false }
    for (x, y) in zip(a.columns, b.columns) {
        guard x.validity == y.validity else { return false }
        switch (x.data, y.data) {
        case let (.int64(p), .int64(q)): if p != q { return false }
        case let (.int32(p), .int32(q)): if p != q { return false }
        case let (.double(p), .double(q)): if p != q { return false }
        case let (.bool(p), .bool(q)): if p != q { return false }
        case let (.text(p, d), .text(q, e)): if p != q || d.strings != e.strings { return false }
        default: return false
        }
    }
    return true
}

/// Per province of each person.
private struct PersonGeography {
    let province: [String]
    let city: [String]

    init(_ catalog: Catalog) {
        let regions = table(catalog, "regions")
        let codes = texts(regions, "region_code")
        let provinces = texts(regions, "province")
        let cities = texts(regions, "city")
        var provinceOf: [String: String] = [:]
        var cityOf: [String: String] = [:]
        for (i, code) in codes.enumerated() {
            provinceOf[code ?? ""] = provinces[i]
            cityOf[code ?? ""] = cities[i]
        }
        let personRegions = texts(table(catalog, "persons"), "region_code")
        province = personRegions.map { provinceOf[$0 ?? ""] ?? "?" }
        city = personRegions.map { cityOf[$0 ?? ""] ?? "?" }
    }
}

@Test func tablesHaveTheBuiltinSchemas() {
    #expect(small.tableNames == ["regions", "persons", "payments"])
    for (name, schema) in BuiltinSchemas.all {
        #expect(table(small, name).schema == schema)
        for (column, declared) in zip(table(small, name).columns, schema) { #expect(column.type == declared.type) }
    }
}

@Test func rowCountsFollowTheScaleFactor() {
    #expect(SampleGenerator.personCount(scaleFactor: 0.1) == 100_000)
    #expect(SampleGenerator.personCount(scaleFactor: 0.0015) == 1_500)
    #expect(SampleGenerator.personCount(scaleFactor: 0) == 0)
    #expect(SampleGenerator.personCount(scaleFactor: -1) == 0)
    #expect(SampleGenerator.personCount(scaleFactor: .nan) == 0)
    #expect(SampleGenerator.personCount(scaleFactor: .infinity) == 0)
    #expect(SampleGenerator.personCount(scaleFactor: 1e12) == SampleGenerator.maximumPersons)

    let persons = table(small, "persons").rowCount
    let payments = table(small, "payments").rowCount
    #expect(persons == 10_000)
    #expect((18...22).contains(payments / persons), "about 20 payments per person, got \(Double(payments) / Double(persons))")
    let tiny = SampleGenerator.generate(scaleFactor: 0.001, seed: 7)
    #expect(table(tiny, "persons").rowCount == 1_000)
    #expect(table(tiny, "payments").rowCount > 10_000)
    let none = SampleGenerator.generate(scaleFactor: 0, seed: 7)
    #expect(table(none, "persons").rowCount == 0)
    #expect(table(none, "payments").rowCount == 0)
    #expect(table(none, "regions").rowCount == table(small, "regions").rowCount)
}

@Test func sameSeedGivesTheSameTablesOnAnyNumberOfThreads() {
    let again = SampleGenerator.generate(scaleFactor: 0.01, seed: SampleGenerator.defaultSeed)
    let sequential = SampleGenerator.generate(scaleFactor: 0.01, seed: SampleGenerator.defaultSeed, isParallel: false)
    for name in ["regions", "persons", "payments"] {
        #expect(sameContents(table(small, name), table(again, name)))
        #expect(sameContents(table(small, name), table(sequential, name)))
    }
    let other = SampleGenerator.generate(scaleFactor: 0.01, seed: 43)
    #expect(sameContents(table(small, "regions"), table(other, "regions")), "regions do not depend on the seed")
    #expect(!sameContents(table(small, "persons"), table(other, "persons")))
    #expect(!sameContents(table(small, "payments"), table(other, "payments")))
}

@Test func aSmallerScaleFactorIsAPrefix() {
    let tiny = SampleGenerator.generate(scaleFactor: 0.001, seed: SampleGenerator.defaultSeed)
    let persons = table(small, "persons")
    let tinyPersons = table(tiny, "persons")
    for (i, column) in tinyPersons.columns.enumerated() {
        for row in stride(from: 0, to: tinyPersons.rowCount, by: 7) {
            #expect(column.value(at: row) == persons.columns[i].value(at: row))
        }
    }
    let tinyPayments = table(tiny, "payments")
    let payments = table(small, "payments")
    for row in stride(from: 0, to: tinyPayments.rowCount, by: 97) {
        #expect(tinyPayments.columns.map { $0.value(at: row) } == payments.columns.map { $0.value(at: row) })
    }
}

@Test func regionsAreAFixedSetOfAbout2000Districts() {
    let regions = table(small, "regions")
    #expect((1_900...2_100).contains(regions.rowCount))
    let codes = texts(regions, "region_code").compactMap { $0 }
    #expect(Set(codes).count == codes.count, "region codes are unique")
    #expect(codes.allSatisfy { $0.split(separator: "-").count == 4 && ($0.hasPrefix("CN-") || $0.hasPrefix("VN-")) })
    #expect(codes.first == "CN-QH-XN-01")
    let districts = texts(regions, "district")
    let cities = texts(regions, "city")
    if let zhangqiu = codes.firstIndex(of: "CN-SD-JN-07") {
        #expect(districts[zhangqiu] == "章丘区")
        #expect(cities[zhangqiu] == "Jinan")
    } else {
        Issue.record("Zhangqiu missing")
    }
    if let first = codes.firstIndex(of: "VN-HT-HT-01") { #expect(districts[first] == "Phường Bắc Hà") }
    for city in ["Xining", "Nanjing", "Suzhou", "Jinan", "Ya'an", "Ha Tinh", "Ha Long", "Bac Giang", "Hanoi"] {
        #expect(cities.contains(city), "city \(city)")
    }
    #expect(int64s(regions, "population").allSatisfy { $0 > 0 })
    #expect(Set(texts(regions, "country")) == ["CN", "VN"])
}

@Test func personsLookLikeAnInsuranceOfficesBooks() {
    let persons = table(small, "persons")
    let categories = texts(persons, "category")
    let employers = texts(persons, "employer")
    #expect(int64s(persons, "person_id") == (1...Int64(persons.rowCount)).map { $0 })
    for (category, employer) in zip(categories, employers) {
        #expect((category == "employee") == (employer != nil), "employer only for employees")
    }
    let counts = Dictionary(grouping: categories.compactMap { $0 }, by: { $0 }).mapValues(\.count)
    #expect(Set(counts.keys) == Set(Category.allCases.map(\.text)))
    #expect(counts.values.allSatisfy { $0 >= 100 })
    let statuses = texts(persons, "status")
    #expect(statuses.filter { $0 == "active" }.count > persons.rowCount * 85 / 100)
    #expect(Set(statuses) == ["active", "suspended", "transferred", "deceased"])
    #expect(Set(texts(persons, "sex")) == ["F", "M"])
    #expect(Set(texts(persons, "residence")) == ["urban", "rural"])
    let names = texts(persons, "name").compactMap { $0 }
    #expect(names.contains { $0.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }, "Han names")
    #expect(names.contains { $0.contains("ễ") || $0.contains("ị") || $0.contains("ă") }, "Vietnamese diacritics")
    #expect(names.contains { $0.allSatisfy(\.isASCII) && $0.contains(" ") }, "romanised names")
    let enrolled = days(persons, "enrolled_on")
    let births = days(persons, "birth_date")
    let nulls = isNull(persons, "enrolled_on")
    for row in 0..<persons.rowCount where !nulls[row] {
        #expect(enrolled[row] >= births[row] && enrolled[row] <= SampleCalendar.windowEnd)
    }
    #expect(nulls.contains(true) && nulls.contains(false))
    let geography = PersonGeography(small)
    let registered = texts(persons, "registered_province")
    let floating = zip(registered, geography.province).filter { $0 != $1 }.count
    #expect((persons.rowCount / 20...persons.rowCount / 4).contains(floating), "floating population: \(floating)")
}

@Test func paymentsAreConsistent() {
    let payments = table(small, "payments")
    let persons = table(small, "persons")
    #expect(int64s(payments, "payment_id") == (1...Int64(payments.rowCount)).map { $0 })
    let owners = int64s(payments, "person_id")
    #expect(zip(owners, owners.dropFirst()).allSatisfy { $0 <= $1 }, "payments in person order")
    #expect(owners.allSatisfy { $0 >= 1 && $0 <= Int64(persons.rowCount) })
    let kinds = texts(payments, "kind")
    let channels = texts(payments, "channel")
    let unpaid = isNull(payments, "paid_on")
    let amounts = int64s(payments, "amount")
    let currencies = texts(payments, "currency")
    let periods = days(payments, "period")
    let dues = days(payments, "due_on")
    for row in 0..<payments.rowCount {
        #expect(amounts[row] > 0)
        if unpaid[row] { #expect(kinds[row] == "contribution") }
        #expect((kinds[row] == "benefit") == (channels[row] == "hospital"))
        #expect(periods[row] >= SampleCalendar.windowStart && periods[row] <= SampleCalendar.windowEnd)
        #expect(dues[row] >= periods[row] - 1)
    }
    // Currency follows the country of the person's region.
    let geography = PersonGeography(small)
    let countryOfProvince = Dictionary(RegionSet.shared.provinces.map { ($0.name, $0.country.currency) },
                                       uniquingKeysWith: { a, _ in a })
    for row in stride(from: 0, to: payments.rowCount, by: 13) {
        #expect(currencies[row] == countryOfProvince[geography.province[Int(owners[row]) - 1]])
    }
    let unpaidShare = Double(unpaid.filter { $0 }.count) / Double(payments.rowCount)
    #expect(unpaidShare > 0.005 && unpaidShare < 0.05, "arrears: \(unpaidShare)")
    // Amounts: CNY in the hundreds to thousands, VND in the hundreds of thousands to millions (medians).
    func median(_ currency: String) -> Int64 {
        let values = zip(amounts, currencies).filter { $1 == currency && true }.map(\.0).sorted()
        return values.isEmpty ? 0 : values[values.count / 2]
    }
    #expect((10_000...500_000).contains(median("CNY")), "CNY median \(median("CNY"))")
    #expect((10_000_000...500_000_000).contains(median("VND")), "VND median \(median("VND"))")
    let treated = Set(zip(owners, kinds).filter { $1 == "benefit" }.map(\.0)).count
    #expect(treated > persons.rowCount / 20 && treated < persons.rowCount / 4, "benefits for a minority: \(treated)")
}

@Test func studentInsuredRatesFollowTheSeeds() {
    let persons = table(small, "persons")
    let geography = PersonGeography(small)
    let categories = texts(persons, "category")
    let uninsured = isNull(persons, "enrolled_on")
    func rate(province: String) -> Double {
        var students = 0
        var insured = 0
        for row in 0..<persons.rowCount where categories[row] == "student" && geography.province[row] == province {
            students += 1
            if !uninsured[row] { insured += 1 }
        }
        return Double(insured) / Double(max(1, students))
    }
    #expect(rate(province: "Qinghai") < 0.45, "Qinghai \(rate(province: "Qinghai"))")
    #expect(rate(province: "Ha Tinh") > 0.97, "Ha Tinh \(rate(province: "Ha Tinh"))")
    #expect(rate(province: "Jiangsu") > 0.8)
}

@Test func qinghaisMigrantsPayLateInMay() {
    let persons = table(small, "persons")
    let payments = table(small, "payments")
    let geography = PersonGeography(small)
    let registered = texts(persons, "registered_province")
    let owners = int64s(payments, "person_id")
    let paid = days(payments, "paid_on")
    let unpaid = isNull(payments, "paid_on")
    let dues = days(payments, "due_on")
    var floatingInMay = 0
    var localInMay = 0
    for row in 0..<payments.rowCount where !unpaid[row] && paid[row] > dues[row] {
        let person = Int(owners[row]) - 1
        guard geography.province[person] == "Qinghai", DateDays.civil(Int(paid[row])).month == 5 else { continue }
        if registered[person] != "Qinghai" { floatingInMay += 1 } else { localInMay += 1 }
    }
    #expect(floatingInMay > 50)
    #expect(floatingInMay > 3 * localInMay)
}

@Test func bacGiangAddsMoreVoluntaryParticipantsEachYear() {
    let persons = table(small, "persons")
    let geography = PersonGeography(small)
    let categories = texts(persons, "category")
    let enrolled = days(persons, "enrolled_on")
    let uninsured = isNull(persons, "enrolled_on")
    var added = [Int: Int]()
    for row in 0..<persons.rowCount
    where categories[row] == "voluntary" && geography.province[row] == "Bac Giang" && !uninsured[row] {
        added[DateDays.civil(Int(enrolled[row])).year, default: 0] += 1
    }
    #expect((added[2024] ?? 0) > (added[2023] ?? 0))
    #expect((added[2023] ?? 0) > (added[2021] ?? 0))
}

@Test func calendarConstantsAreTheDatesTheyName() {
    #expect(SampleCalendar.windowStart == Int32(DateDays.days(year: 2021, month: 1, day: 1)))
    #expect(SampleCalendar.windowEnd == Int32(DateDays.days(year: 2024, month: 12, day: 31)))
    #expect(SampleCalendar.snapshotDay == Int32(DateDays.days(year: 2025, month: 3, day: 31)))
    #expect(SampleCalendar.earliestEnrolment == Int32(DateDays.days(year: 2000, month: 1, day: 1)))
    #expect(SampleCalendar.referenceDay == Int32(DateDays.days(year: 2024, month: 7, day: 1)))
    #expect(SampleCalendar.monthStart(0) == SampleCalendar.windowStart)
    #expect(SampleCalendar.monthIndex(of: SampleCalendar.windowEnd) == 47)
    #expect(SampleCalendar.monthIndex(of: SampleCalendar.windowStart - 1) == -1)
}

@Test func randomStreamsAreUniformEnough() {
    var random = SeededRandom(seed: 1, stream: 2)
    var counts = [Int](repeating: 0, count: 10)
    for _ in 0..<100_000 { counts[random.below(10)] += 1 }
    #expect(counts.allSatisfy { (9_500...10_500).contains($0) }, "\(counts)")
    var a = SeededRandom(seed: 1, stream: 2)
    var b = SeededRandom(seed: 1, stream: 3)
    #expect(a.next() != b.next())
}

@Test func dataDictionaryCoversEveryBuiltinColumn() {
    #expect(DataDictionary.tables.map(\.name) == BuiltinSchemas.all.map(\.name))
    for (name, schema) in BuiltinSchemas.all {
        #expect(DataDictionary.tables.first { $0.name == name }?.columns.map(\.name) == schema.map(\.name))
        #expect((DataDictionary.describe(table: name)?.count ?? 0) > 80)
        for column in schema { #expect(DataDictionary.meaning(table: name, column: column.name) != nil) }
    }
    #expect(DataDictionary.describe(table: "PERSONS") == DataDictionary.meaning(table: "persons"))
    #expect(DataDictionary.meaning(table: "Payments", column: "PAID_ON")?.contains("arrears") == true)
    #expect(DataDictionary.describe(table: "insurance") == nil)
    #expect(DataDictionary.meaning(table: "persons", column: "nmae") == nil)
    // Code columns list their allowed values, which are exactly what the generator uses.
    #expect(Category.allCases.allSatisfy { DataDictionary.meaning(table: "persons", column: "category")?.contains($0.text) == true })
    #expect(Channel.allCases.allSatisfy { DataDictionary.meaning(table: "payments", column: "channel")?.contains($0.text) == true })
    #expect(Scheme.allCases.allSatisfy { DataDictionary.meaning(table: "payments", column: "scheme")?.contains($0.text) == true })
    #expect(Status.allCases.allSatisfy { DataDictionary.meaning(table: "persons", column: "status")?.contains($0.text) == true })
}
