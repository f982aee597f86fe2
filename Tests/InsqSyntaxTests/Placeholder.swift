import Testing
@Test func placeholderInsqSyntaxTests() { #expect(Bool(true)) }
