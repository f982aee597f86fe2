/// Growing a column by the rows of another (INSERT), and columns of NULLs.
extension Column {
    /// `count` NULLs of `type`.
    public static func nulls(type: DataType, count: Int) -> Column {
        var builder = ColumnBuilder(type: type, capacity: count)
        for _ in 0..<count { builder.appendNull() }
        return builder.build()
    }

    /// This column's rows followed by `other`'s, which must have the same physical type. Text from another
    /// dictionary is re-encoded into this column's, which gains only the strings `other`'s rows use, so that
    /// inserting a few rows picked from a large column does not bring its whole dictionary along.
    public func appending(_ other: Column) -> Column {
        let validity = Self.joinedValidity(self, other)
        switch (data, other.data) {
        case let (.int64(a), .int64(b)): return Column(type: type, data: .int64(a + b), validity: validity)
        case let (.int32(a), .int32(b)): return Column(type: type, data: .int32(a + b), validity: validity)
        case let (.double(a), .double(b)): return Column(type: type, data: .double(a + b), validity: validity)
        case let (.bool(a), .bool(b)): return Column(type: type, data: .bool(a + b), validity: validity)
        case let (.text(a, mine), .text(b, theirs)):
            if mine === theirs { return Column(type: type, data: .text(a + b, mine), validity: validity) }
            var strings = mine.strings
            var added: [String: UInt32] = [:]
            var recoded = [UInt32?](repeating: nil, count: theirs.count)
            var codes = a
            codes.reserveCapacity(a.count + b.count)
            for (row, code) in b.enumerated() {
                // A NULL row's code means nothing; any valid code will do.
                guard !other.isNull(row), Int(code) < theirs.count else {
                    codes.append(0)
                    continue
                }
                if let known = recoded[Int(code)] {
                    codes.append(known)
                    continue
                }
                let text = theirs.strings[Int(code)]
                let mapped: UInt32
                if let existing = mine.code(of: text) ?? added[text] {
                    mapped = existing
                } else {
                    mapped = UInt32(strings.count)
                    strings.append(text)
                    added[text] = mapped
                }
                recoded[Int(code)] = mapped
                codes.append(mapped)
            }
            return Column(type: type, data: .text(codes, TextDictionary(strings)), validity: validity)
        default:
            preconditionFailure("appending a \(other.type) column to a \(type) column")
        }
    }

    /// The validity of `first`'s rows followed by `second`'s, or nil when neither has a NULL.
    private static func joinedValidity(_ first: Column, _ second: Column) -> ValidityBitmap? {
        guard first.validity != nil || second.validity != nil else { return nil }
        var joined = ValidityBitmap(count: first.count + second.count)
        for row in 0..<first.count where first.isNull(row) { joined.set(row, valid: false) }
        for row in 0..<second.count where second.isNull(row) { joined.set(first.count + row, valid: false) }
        return joined
    }
}
