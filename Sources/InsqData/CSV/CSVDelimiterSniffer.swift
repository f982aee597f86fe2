/// Guesses the field separator from the first lines: the candidate (comma, semicolon, tab, pipe) that splits
/// every sampled record into the same number of fields, more than one, counting only separators outside quotes.
enum CSVDelimiterSniffer {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, isWholeFile: Bool,
                      sampleBytes: Int = 64 << 10, maxRecords: Int = 20) -> UInt8 {
        let end = min(bytes.count, from + sampleBytes)
        let complete = isWholeFile && end == bytes.count
        var best: (delimiter: UInt8, consistent: Bool, fields: Int)? = nil
        for candidate in candidates {
            let counts = fieldCounts(bytes, from: from, end: end, delimiter: candidate, maxRecords: maxRecords,
                                     includeUnterminated: complete)
            guard let first = counts.first, first > 1 else { continue }
            let consistent = counts.allSatisfy { $0 == first }
            if let b = best, (b.consistent && !consistent) || (b.consistent == consistent && b.fields >= first) { continue }
            best = (candidate, consistent, first)
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }

    /// Fields per non-blank record, for records that end within the sample.
    private static func fieldCounts(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int, delimiter: UInt8,
                                    maxRecords: Int, includeUnterminated: Bool) -> [Int] {
        var counts: [Int] = []
        var inQuotes = false
        var fields = 1
        var blank = true
        var i = from
        while i < end && counts.count < maxRecords {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                inQuotes.toggle()
                blank = false
            } else if !inQuotes && c == delimiter {
                fields += 1
                blank = false
            } else if !inQuotes && c == UInt8(ascii: "\n") {
                if !blank { counts.append(fields) }
                fields = 1
                blank = true
            } else if c != UInt8(ascii: "\r") {
                blank = false
            }
            i += 1
        }
        if includeUnterminated && !blank && counts.count < maxRecords { counts.append(fields) }
        return counts
    }
}
