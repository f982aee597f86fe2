import InsqStorage

/// Reads one column block: its fixed head, bitmap and values straight into the column's arrays, then checks
/// the block's checksum and its contents (dictionary codes in range, booleans 0 or 1, valid UTF-8).
enum SnapshotBlockReader {
    static func read(_ entry: SnapshotDirectory.ColumnEntry, table: SnapshotDirectory.TableEntry,
                     from input: SnapshotInput) throws -> Column {
        let location = "column \(entry.schema.name) of table \(table.name)"
        func malformed(_ message: String) -> SnapshotError {
            SnapshotError(.malformed, file: input.path, "\(location): \(message)")
        }
        var hash = SnapshotHash()
        var offset = entry.offset
        // Fixed head: kind, type, bitmap flag, rows (+ dictionary count and bytes for text).
        let head = try input.bytes(at: offset, count: SnapshotLayout.blockHeaderSize, hash: &hash, location: location)
        offset += head.count
        guard let kind = PhysicalKind(rawValue: head[0]) else { throw malformed("unknown storage kind \(head[0])") }
        guard let type = TypeCode.decode(head[1], head[2], head[3]) else { throw malformed("unknown type tag \(head[1])") }
        guard head[4] <= 1, head[5] == 0, head[6] == 0, head[7] == 0 else { throw malformed("bad block flags") }
        let hasBitmap = head[4] == 1
        var cursor = ByteCursor(head) { malformed("short block head") }
        try cursor.skip(8)
        let rows64 = try cursor.read(UInt64.self)
        guard rows64 == UInt64(table.rowCount) else {
            throw malformed("\(rows64) rows where the table has \(table.rowCount)")
        }
        let rows = table.rowCount  // checked against the file size by the directory
        var dictionaryCount = 0, dictionaryBytes = 0
        if kind == .text {
            let extra = try input.bytes(at: offset, count: 16, hash: &hash, location: location)
            offset += 16
            var textCursor = ByteCursor(extra) { malformed("short block head") }
            let count = try textCursor.read(UInt64.self), bytes = try textCursor.read(UInt64.self)
            guard count <= UInt64(entry.length), bytes <= UInt64(entry.length) else {
                throw malformed("dictionary larger than its block")
            }
            dictionaryCount = Int(count)
            dictionaryBytes = Int(bytes)
        }
        // The block's size follows from its head; it must be the size the directory gives.
        var expected = (kind == .text ? SnapshotLayout.textBlockHeaderSize : SnapshotLayout.blockHeaderSize)
        let bitmapWords = hasBitmap ? SnapshotLayout.bitmapWords(rows) : 0
        expected += bitmapWords * 8 + SnapshotLayout.padded(rows * kind.width) + SnapshotLayout.checksumSize
        if kind == .text {
            expected += SnapshotLayout.padded(dictionaryCount * 4) + SnapshotLayout.padded(dictionaryBytes)
        }
        guard expected == entry.length else { throw malformed("block size does not match its contents") }

        var validity: ValidityBitmap? = nil
        if hasBitmap {
            var bitmap = ValidityBitmap(count: rows)
            try bitmap.words.withUnsafeMutableBytes { (raw) in
                try input.read(into: raw, at: offset, hash: &hash, location: location)
            }
            offset += bitmapWords * 8
            validity = bitmap
        }
        func array<T>(_: T.Type, count: Int) throws -> [T] {
            let values = try readArray(T.self, count: count, input: input, offset: offset, hash: &hash, location: location)
            offset += SnapshotLayout.padded(count * MemoryLayout<T>.stride)
            return values
        }
        let data: ColumnData
        var text: (lengths: [UInt32], bytes: [UInt8])? = nil
        var boolBytes: [UInt8]? = nil
        switch kind {
        case .int64: data = .int64(try array(Int64.self, count: rows))
        case .int32: data = .int32(try array(Int32.self, count: rows))
        case .double: data = .double(try array(Double.self, count: rows))
        case .bool:
            boolBytes = try array(UInt8.self, count: rows)
            data = .bool([])  // replaced below, once the checksum has been verified
        case .text:
            let lengths = try array(UInt32.self, count: dictionaryCount)
            let bytes = try array(UInt8.self, count: dictionaryBytes)
            text = (lengths, bytes)
            data = .int64([])  // replaced below, once the checksum has been verified
        }
        var codes: [UInt32] = []
        if kind == .text { codes = try array(UInt32.self, count: rows) }
        let stored = try input.bytes(at: offset, count: SnapshotLayout.checksumSize, location: location)
        let checksum = stored.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard checksum == hash.finalize() else {
            throw SnapshotError(.checksumMismatch, file: input.path, "checksum mismatch in \(location)")
        }
        if let boolBytes {
            guard let values = booleans(boolBytes) else { throw malformed("a boolean that is neither 0 nor 1") }
            return Column(type: type, data: .bool(values), validity: validity)
        }
        guard let text else { return Column(type: type, data: data, validity: validity) }
        guard let dictionary = dictionaryStrings(text.lengths, text.bytes) else {
            throw malformed("dictionary text is not valid UTF-8 or does not add up")
        }
        var largest: UInt32 = 0
        for code in codes { largest = max(largest, code) }
        guard rows == 0 || Int(largest) < dictionary.count else { throw malformed("a text code outside the dictionary") }
        return Column(type: type, data: .text(codes, TextDictionary(dictionary)), validity: validity)
    }

    /// `count` values read with one bulk copy into the array's storage, plus the padding to 8 bytes.
    private static func readArray<T>(_: T.Type, count: Int, input: SnapshotInput, offset: Int,
                                     hash: inout SnapshotHash, location: String) throws -> [T] {
        let byteCount = count * MemoryLayout<T>.stride
        var failure: (any Error)? = nil
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            do {
                try input.read(into: UnsafeMutableRawBufferPointer(buffer), at: offset, hash: &hash, location: location)
                initialized = count
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        let padding = SnapshotLayout.padded(byteCount) - byteCount
        if padding > 0 {
            // Checksummed with the rest of the block, so a changed padding byte is a checksum mismatch.
            _ = try input.bytes(at: offset + byteCount, count: padding, hash: &hash, location: location)
        }
        return values
    }

    /// The bytes as booleans, or nil when one is neither 0 nor 1.
    private static func booleans(_ bytes: [UInt8]) -> [Bool]? {
        var any: UInt8 = 0
        for b in bytes { any |= b }
        guard any & 0xFE == 0 else { return nil }
        return [Bool](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            initialized = bytes.count
        }
    }

    /// The dictionary's strings, or nil when the lengths do not add up to the bytes or the text is not UTF-8.
    private static func dictionaryStrings(_ lengths: [UInt32], _ bytes: [UInt8]) -> [String]? {
        var total = 0
        for length in lengths { total += Int(length) }
        guard total == bytes.count else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(lengths.count)
        var start = 0
        let ok = bytes.withUnsafeBufferPointer { buffer -> Bool in
            for length in lengths {
                let end = start + Int(length)
                guard let s = String(validating: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self) else {
                    return false
                }
                strings.append(s)
                start = end
            }
            return true
        }
        return ok ? strings : nil
    }
}
