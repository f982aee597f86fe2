/// Appends values one at a time into a column of a fixed type (for loaders, results and tests, not hot loops).
public struct ColumnBuilder: Sendable {
    public let type: DataType
    private var ints: [Int64] = []
    private var days: [Int32] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var codes: [UInt32] = []
    private var dictionary = TextDictionaryBuilder()
    private var validity = ValidityBitmap(count: 0)

    public init(type: DataType, capacity: Int = 0) {
        self.type = type
        switch Self.physical(type) {
        case 0: ints.reserveCapacity(capacity)
        case 1: days.reserveCapacity(capacity)
        case 2: doubles.reserveCapacity(capacity)
        case 3: bools.reserveCapacity(capacity)
        default: codes.reserveCapacity(capacity)
        }
    }

    private static func physical(_ type: DataType) -> Int {
        switch type {
        case .bigint, .decimal: return 0
        case .date: return 1
        case .double: return 2
        case .boolean: return 3
        case .text, .null: return 4
        }
    }

    public var count: Int { validity.count }

    /// Appends a value already of this builder's type (or NULL).
    /// A value of another type is converted where that is exact, else stored as NULL; loaders check types first.
    public mutating func append(_ value: Value) {
        let valid = !value.isNull
        validity.append(valid)
        switch Self.physical(type) {
        case 0:
            switch value {
            case let .bigint(v): ints.append(type.scale == 0 ? v : v &* (DecimalText.power(type.scale) ?? 1))
            case let .decimal(v, s):
                let target = type.scale
                if s == target { ints.append(v) }
                else if s < target { ints.append(v &* (DecimalText.power(target - s) ?? 1)) }
                else { ints.append(v / (DecimalText.power(s - target) ?? 1)) }
            default: ints.append(0)
            }
        case 1:
            if case let .date(d) = value { days.append(d) } else { days.append(0) }
        case 2:
            switch value {
            case let .double(v): doubles.append(v)
            case let .bigint(v): doubles.append(Double(v))
            case let .decimal(v, s): doubles.append(Double(v) / Double(DecimalText.power(s) ?? 1))
            default: doubles.append(0)
            }
        case 3:
            if case let .boolean(b) = value { bools.append(b) } else { bools.append(false) }
        default:
            if valid { codes.append(dictionary.intern(value.description)) } else { codes.append(0) }
        }
    }

    public mutating func appendNull() { append(.null) }

    public func build() -> Column {
        let data: ColumnData
        switch Self.physical(type) {
        case 0: data = .int64(ints)
        case 1: data = .int32(days)
        case 2: data = .double(doubles)
        case 3: data = .bool(bools)
        default:
            var d = dictionary
            if d.strings.isEmpty { _ = d.intern("") }
            data = .text(codes, d.build())
        }
        return Column(type: type, data: data, validity: validity)
    }
}
