import Testing
@Test func placeholderInsqQueryTests() { #expect(Bool(true)) }
