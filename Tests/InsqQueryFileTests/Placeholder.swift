import Testing
@Test func placeholderInsqQueryFileTests() { #expect(Bool(true)) }
