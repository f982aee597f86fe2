import Testing
@Test func placeholderInsqCLITests() { #expect(Bool(true)) }
