import InsqStorage

/// Parses the text fields of one CSV column into a typed buffer of the column's declared type.
struct CSVColumnParser {
    private enum Physical { case bigint, double, decimal, date, boolean, text }

    let type: DataType
    private let physical: Physical
    /// Exclusive bound on the magnitude of a scaled decimal (10^precision), nil when unbounded.
    private let decimalLimit: Int64?
    private var ints: [Int64] = []
    private var days: [Int32] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var codes: [UInt32] = []
    private var dictionary = TextDictionaryBuilder()
    private var validity = ValidityBitmap(count: 0)

    init(type: DataType) {
        self.type = type
        switch type {
        case .bigint: physical = .bigint
        case .double: physical = .double
        case .decimal: physical = .decimal
        case .date: physical = .date
        case .boolean: physical = .boolean
        case .text, .null: physical = .text
        }
        if case let .decimal(precision, _) = type { decimalLimit = DecimalText.power(precision) } else { decimalLimit = nil }
    }

    mutating func appendNull() {
        validity.append(false)
        switch physical {
        case .bigint, .decimal: ints.append(0)
        case .double: doubles.append(0)
        case .date: days.append(0)
        case .boolean: bools.append(false)
        case .text: codes.append(0)
        }
    }

    /// Appends the field's value; false (and nothing appended) when the text is not a value of the type.
    /// An empty unquoted field is NULL; a quoted empty field is the empty string for TEXT and NULL otherwise.
    mutating func append(_ field: CSVField, from reader: CSVReader) -> Bool {
        if field.start == field.end && (!field.isQuoted || physical != .text) {
            appendNull()
            return true
        }
        if physical == .text {
            codes.append(dictionary.intern(reader.text(of: field)))
            validity.append(true)
            return true
        }
        // No number, date or Boolean contains a quote, so a field with a doubled quote is never one.
        guard !field.hasDoubledQuotes else { return false }
        let text = Self.trimmedText(reader.content(of: field))
        switch physical {
        case .bigint:
            guard let v = Int64(text) else { return false }
            ints.append(v)
        case .decimal:
            guard let v = DecimalText.parse(text, scale: type.scale) else { return false }
            if let limit = decimalLimit, v.magnitude >= limit.magnitude { return false }
            ints.append(v)
        case .double:
            guard let v = Double(text) else { return false }
            doubles.append(v)
        case .date:
            guard let v = DateDays.parse(text) else { return false }
            days.append(v)
        case .boolean:
            switch text.lowercased() {
            case "true", "1": bools.append(true)
            case "false", "0": bools.append(false)
            default: return false
            }
        case .text:
            break
        }
        validity.append(true)
        return true
    }

    /// The field's text without leading and trailing spaces and tabs (numbers and dates may be padded).
    private static func trimmedText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    func build() -> Column {
        let data: ColumnData
        switch physical {
        case .bigint, .decimal: data = .int64(ints)
        case .double: data = .double(doubles)
        case .date: data = .int32(days)
        case .boolean: data = .bool(bools)
        case .text:
            var strings = dictionary
            if strings.strings.isEmpty { _ = strings.intern("") }
            data = .text(codes, strings.build())
        }
        return Column(type: type, data: data, validity: validity)
    }
}
