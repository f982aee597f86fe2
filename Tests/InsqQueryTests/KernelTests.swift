import Testing
import InsqStorage
@testable import InsqQuery
import InsqSyntax

@Test func likeMatchesPercentUnderscoreAndEscapes() {
    #expect(LikePattern("Ha%", escape: nil).matches("Ha Tinh"))
    #expect(!LikePattern("Ha%", escape: nil).matches("ha tinh"))
    #expect(LikePattern("%宁", escape: nil).matches("西宁"))
    #expect(LikePattern("H_ T%h", escape: nil).matches("Hà Tĩnh"))
    #expect(LikePattern("a%b%c", escape: nil).matches("axxbyyc"))
    #expect(!LikePattern("a%b%c", escape: nil).matches("axxbyy"))
    #expect(LikePattern("100!%", escape: "!").matches("100%"))
    #expect(!LikePattern("100!%", escape: "!").matches("1000"))
    #expect(LikePattern("%", escape: nil).matches(""))
    #expect(!LikePattern("_", escape: nil).matches(""))
}

@Test func nameSuggestionFindsCloseNames() {
    #expect(NameSuggestion.nearest(to: "nmae", in: ["name", "sex", "status"]) == "name")
    #expect(NameSuggestion.nearest(to: "persns", in: ["persons", "payments", "regions"]) == "persons")
    #expect(NameSuggestion.nearest(to: "zzzzzz", in: ["persons"]) == nil)
}

@Test func substringFollowsSQLite() {
    #expect(TextKernels.substring("hello", start: 2, length: 3) == "ell")
    #expect(TextKernels.substring("hello", start: 0, length: 2) == "h")
    #expect(TextKernels.substring("hello", start: -2, length: nil) == "lo")
    #expect(TextKernels.substring("西宁市", start: 2, length: 1) == "宁")
    #expect(TextKernels.substring("hello", start: 9, length: 2) == "")
    #expect(TextKernels.substring("hello", start: 2, length: -1) == "h")
    #expect(TextKernels.substring("hello", start: 5, length: -3) == "ell")
    #expect(TextKernels.substring("hello", start: 1, length: -2) == "")
    #expect(TextKernels.substring("hello", start: Int64.max, length: Int64.max) == "")
}

@Test func keyTableAssignsDenseIdsInFirstSeenOrder() {
    var table = KeyTable(width: 2, capacity: 2)
    var ids: [Int] = []
    for k in [UInt64(5), 7, 5, 9, 7, 11, 13, 15, 17, 19, 21, 23] {
        ids.append([k, 0].withUnsafeBufferPointer { table.findOrInsert($0) })
    }
    #expect(ids == [0, 1, 0, 2, 1, 3, 4, 5, 6, 7, 8, 9])
    #expect([UInt64(9), 0].withUnsafeBufferPointer { table.find($0) } == 2)
    #expect([UInt64(10), 0].withUnsafeBufferPointer { table.find($0) } == nil)
}

@Test func numberLiteralsTakeExactTypes() {
    #expect(TypeRules.numberLiteral("42") == .constant(.bigint(42), .bigint))
    #expect(TypeRules.numberLiteral("1.50") == .constant(.decimal(150, scale: 2), .decimal(precision: 3, scale: 2)))
    #expect(TypeRules.numberLiteral("1e3") == .constant(.double(1000), .double))
    #expect(TypeRules.numberLiteral("99999999999999999999") == nil)
}

@Test func threeValuedAndOr() {
    // true, false, NULL crossed with true, false, NULL.
    let a = Vector(.bool([true, true, true, false, false, false, false, false, false]),
                   validity: [0b000_111_111], count: 9)
    let b = Vector(.bool([true, false, false, true, false, false, true, false, false]),
                   validity: [0b011_011_011], count: 9)
    let and = LogicalKernels.and(a, b)
    let or = LogicalKernels.or(a, b)
    let expectAnd: [Bool?] = [true, false, nil, false, false, false, nil, false, nil]
    let expectOr: [Bool?] = [true, true, true, true, false, nil, true, nil, nil]
    for i in 0..<9 {
        #expect((and.isValid(i) ? and.bools[i] : nil) == expectAnd[i], "AND row \(i)")
        #expect((or.isValid(i) ? or.bools[i] : nil) == expectOr[i], "OR row \(i)")
    }
}
