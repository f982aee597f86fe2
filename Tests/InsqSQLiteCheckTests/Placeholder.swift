import Testing
@Test func placeholderInsqSQLiteCheckTests() { #expect(Bool(true)) }
