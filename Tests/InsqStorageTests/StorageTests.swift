import Testing
@testable import InsqStorage

@Test func decimalParsesAndFormatsAtScale() {
    #expect(DecimalText.parse("12.5", scale: 2) == 1250)
    #expect(DecimalText.parse("-0.005", scale: 2) == -1)
    #expect(DecimalText.parse("abc", scale: 2) == nil)
    #expect(DecimalText.parse("99999999999999999999", scale: 0) == nil)
    #expect(DecimalText.format(1250, scale: 2) == "12.50")
    #expect(DecimalText.format(-5, scale: 2) == "-0.05")
}

@Test func datesRoundTrip() {
    #expect(DateDays.parse("1970-01-01") == 0)
    #expect(DateDays.parse("2024-02-29") != nil)
    #expect(DateDays.parse("2023-02-29") == nil)
    #expect(DateDays.parse("2024-1-01") == nil)
    for d in stride(from: -800_000, to: 800_000, by: 997) {
        #expect(DateDays.parse(DateDays.format(Int32(d))) == Int32(d) || d < -719162)
    }
}

@Test func columnBuilderKeepsNullsAndDictionary() {
    var b = ColumnBuilder(type: .text)
    b.append(.text("西宁"))
    b.append(.null)
    b.append(.text("西宁"))
    let c = b.build()
    #expect(c.value(at: 0) == .text("西宁"))
    #expect(c.value(at: 1) == .null)
    if case let .text(_, dict) = c.data { #expect(dict.count == 1) } else { Issue.record("not text") }
}
