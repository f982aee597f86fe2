import Testing
@Test func placeholderInsqShellTests() { #expect(Bool(true)) }
