import Testing
@Test func placeholderInsqDataTests() { #expect(Bool(true)) }
