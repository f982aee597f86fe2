/// Appending the fast parser's raw chunk columns.
extension CSVColumnAccumulator {
    /// Appends `rows` rows of a fast-parsed chunk column read as this accumulator's type.
    mutating func append(fast slot: CSVFastSlot, rows n: Int) {
        appendBits(UnsafeBufferPointer(start: slot.bits, count: (n + 63) >> 6), n)
        defer { count += n }
        if needsReread { return }
        guard let raw = slot.values, slot.kind != .empty, slot.kind != .skip else {
            appendZeros(n)
            return
        }
        switch slot.kind {
        case .skip, .empty:
            break
        case .bigint, .decimal, .canonicalInteger, .strictDecimal:
            if case .empty = values { values = zeros(like: .int64([]), count) }
            guard case var .int64(a) = take() else { return mismatch() }
            a.append(contentsOf: UnsafeBufferPointer(start: raw.assumingMemoryBound(to: Int64.self), count: n))
            values = .int64(a)
        case .double, .strictDouble:
            if case .empty = values { values = zeros(like: .double([]), count) }
            guard case var .double(a) = take() else { return mismatch() }
            a.append(contentsOf: UnsafeBufferPointer(start: raw.assumingMemoryBound(to: Double.self), count: n))
            values = .double(a)
        case .date, .strictDate:
            if case .empty = values { values = zeros(like: .int32([]), count) }
            guard case var .int32(a) = take() else { return mismatch() }
            a.append(contentsOf: UnsafeBufferPointer(start: raw.assumingMemoryBound(to: Int32.self), count: n))
            values = .int32(a)
        case .boolean, .strictBoolean:
            if case .empty = values { values = zeros(like: .bool([]), count) }
            guard case var .bool(a) = take() else { return mismatch() }
            a.append(contentsOf: UnsafeBufferPointer(start: raw.assumingMemoryBound(to: Bool.self), count: n))
            values = .bool(a)
        case .text:
            if case .empty = values { values = zeros(like: .text([], CSVByteDictionary()), count) }
            guard case .text(var a, let d) = take() else { return mismatch() }
            let interner = slot.interner
            var map = [UInt32](repeating: 0, count: max(interner.count, 1))
            for code in 0..<interner.count {
                let value = interner.value(code)
                map[code] = dictionary.intern(value.start, value.count)
            }
            let start = a.count
            a.append(contentsOf: UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt32.self), count: n))
            map.withUnsafeBufferPointer { m in
                a.withUnsafeMutableBufferPointer { codes in
                    for i in start..<start + n { codes[i] = m[Int(codes[i])] }
                }
            }
            values = .text(a, d)
        }
    }

    /// The address range of the value array's spare capacity (reserved, not yet written), if any.
    var spareCapacity: (start: Int, end: Int)? {
        func range<T>(_ a: [T]) -> (start: Int, end: Int)? {
            a.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return nil }
                let start = Int(bitPattern: base + a.count), end = Int(bitPattern: base + a.capacity)
                return end > start ? (start, end) : nil
            }
        }
        switch values {
        case .empty: return nil
        case let .int64(a): return range(a)
        case let .int32(a): return range(a)
        case let .double(a): return range(a)
        case let .bool(a): return range(a)
        case let .text(a, _): return range(a)
        }
    }
}
