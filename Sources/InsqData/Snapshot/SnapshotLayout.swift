import InsqStorage

/// Constants and sizes of the snapshot format (see FORMAT.md).
enum SnapshotLayout {
    /// The first 8 bytes: a non-ASCII byte, "INSQ", CR LF and Ctrl-Z, so text-mode mangling is noticed.
    static let magic: [UInt8] = [0x89, 0x49, 0x4E, 0x53, 0x51, 0x0D, 0x0A, 0x1A]
    /// The last 8 bytes.
    static let endMagic: [UInt8] = [0x1A, 0x0A, 0x0D, 0x51, 0x53, 0x4E, 0x49, 0x89]
    /// The format this code writes and the newest it reads.
    static let formatVersion: UInt32 = 1
    /// Written little-endian, so the bytes are 0D 0C 0B 0A.
    static let endianMarker: UInt32 = 0x0A0B_0C0D

    /// Bit of a column's flags byte in the directory: the column was declared NOT NULL.
    static let notNullFlag: UInt8 = 1
    static let headerSize = 48
    static let footerSize = 24
    /// Fixed part of a column block before the bitmap: kind, type, flags, row count (+ dictionary sizes for text).
    static let blockHeaderSize = 16
    static let textBlockHeaderSize = 32
    static let checksumSize = 8

    /// Rounds up to a multiple of 8.
    @inline(__always) static func padded(_ n: Int) -> Int { (n + 7) & ~7 }

    /// Words of a validity bitmap for `rows` rows.
    @inline(__always) static func bitmapWords(_ rows: Int) -> Int { (rows + 63) >> 6 }
}

/// How a column's values are laid out in its block.
enum PhysicalKind: UInt8 {
    case int64 = 1, int32 = 2, double = 3, bool = 4, text = 5

    init(_ data: ColumnData) {
        switch data {
        case .int64: self = .int64
        case .int32: self = .int32
        case .double: self = .double
        case .bool: self = .bool
        case .text: self = .text
        }
    }

    /// Bytes per row of the value array (codes for text).
    var width: Int {
        switch self {
        case .int64, .double: return 8
        case .int32, .text: return 4
        case .bool: return 1
        }
    }
}

/// A DataType as three bytes: tag, precision, scale.
enum TypeCode {
    static func encode(_ type: DataType) -> (UInt8, UInt8, UInt8) {
        switch type {
        case .bigint: return (1, 0, 0)
        case .double: return (2, 0, 0)
        case let .decimal(p, s): return (3, UInt8(clamping: p), UInt8(clamping: s))
        case .date: return (4, 0, 0)
        case .boolean: return (5, 0, 0)
        case .text: return (6, 0, 0)
        case .null: return (7, 0, 0)
        }
    }

    /// The type, or nil for an unknown tag or a decimal outside 1...18 digits with 0...precision scale.
    static func decode(_ tag: UInt8, _ precision: UInt8, _ scale: UInt8) -> DataType? {
        switch (tag, precision, scale) {
        case (1, 0, 0): return .bigint
        case (2, 0, 0): return .double
        case (3, _, _):
            let p = Int(precision), s = Int(scale)
            guard p >= 1, p <= DataType.maxDecimalPrecision, s <= p else { return nil }
            return .decimal(precision: p, scale: s)
        case (4, 0, 0): return .date
        case (5, 0, 0): return .boolean
        case (6, 0, 0): return .text
        case (7, 0, 0): return .null
        default: return nil
        }
    }

    /// Whether `encode` gives back the type unchanged (a decimal's precision and scale fit a byte).
    static func isEncodable(_ type: DataType) -> Bool {
        let (t, p, s) = encode(type)
        return decode(t, p, s) == type
    }
}
