import Testing
@Test func placeholderRandomQueries() { #expect(Bool(true)) }
