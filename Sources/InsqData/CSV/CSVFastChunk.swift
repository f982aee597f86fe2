import InsqStorage

/// How the fast parser reads a column: the declared types leniently, the inferred ones strictly, or not at all.
enum CSVFastKind: Sendable {
    case skip, empty, text
    case bigint, decimal, double, date, boolean
    case canonicalInteger, strictDecimal, strictDouble, strictDate, strictBoolean

    /// Bytes per value in the output (0: no values are kept).
    var stride: Int {
        switch self {
        case .skip, .empty: return 0
        case .boolean, .strictBoolean: return 1
        case .text, .date, .strictDate: return 4
        default: return 8
        }
    }
}

/// One column's reading rule and its output for the current chunk, in raw storage reused from chunk to chunk.
struct CSVFastSlot {
    var kind: CSVFastKind = .skip
    var scale = 0
    var precision = 0
    /// 10^precision for declared decimals (no value may reach it), else Int64.max.
    var limit = Int64.max
    /// 10^scale.
    var factor: UInt64 = 1
    /// Most integer digits of an inferred BIGINT or DECIMAL value.
    var digits = 0
    /// `capacity` values of `kind.stride` bytes, bound to the kind's value type.
    var values: UnsafeMutableRawPointer?
    var bits: UnsafeMutablePointer<UInt64>
    var interner = CSVFastInterner()

    init(wordCapacity: Int) {
        bits = .allocate(capacity: wordCapacity)
    }

    static func plan(_ target: CSVColumnTarget?) -> (CSVFastKind, scale: Int, precision: Int) {
        switch target {
        case nil: return (.skip, 0, 0)
        case let .declared(type)?:
            switch type {
            case .bigint: return (.bigint, 0, 0)
            case let .decimal(precision, scale): return (.decimal, scale, precision)
            case .double: return (.double, 0, 0)
            case .date: return (.date, 0, 0)
            case .boolean: return (.boolean, 0, 0)
            case .text, .null: return (.text, 0, 0)
            }
        case let .inferred(type)?:
            switch type.kind {
            case .empty: return (.empty, 0, 0)
            case .text: return (.text, 0, 0)
            case .boolean: return (.strictBoolean, 0, 0)
            case .date: return (.strictDate, 0, 0)
            case .bigint: return (.canonicalInteger, 0, 0)
            case let .decimal(scale): return (.strictDecimal, scale, 0)
            case .double: return (.strictDouble, 0, 0)
            }
        }
    }
}

/// The typed columns of one chunk read by `CSVFastParser`; each worker keeps one and refills it per chunk.
final class CSVFastChunk: @unchecked Sendable {
    let width: Int
    let slots: UnsafeMutablePointer<CSVFastSlot>
    /// Field terminators of one batch (see `CSVFastParser`), and how many fields a batch takes.
    let bounds: UnsafeMutablePointer<Int32>
    let batchFields: Int
    /// Rows the value buffers hold room for.
    private(set) var capacity: Int
    var rows = 0
    var lineBreaks = 0
    /// The targets the slots were last planned for (planning again only when they change).
    private var planned: [CSVColumnTarget?] = []

    init(width: Int, capacity: Int = 4096) {
        self.width = width
        self.capacity = max(64, (capacity + 63) & ~63)
        slots = .allocate(capacity: max(width, 1))
        batchFields = max(8192, 2 * width)
        bounds = .allocate(capacity: batchFields + 16)
        for c in 0..<width { (slots + c).initialize(to: CSVFastSlot(wordCapacity: self.capacity >> 6)) }
    }

    deinit {
        for c in 0..<width {
            slots[c].values?.deallocate()
            slots[c].bits.deallocate()
            slots[c].interner.deallocate()
        }
        slots.deallocate()
        bounds.deallocate()
    }

    /// Prepares for a chunk read with `targets` (nil: a column not wanted).
    func begin(targets: [CSVColumnTarget?]) {
        rows = 0
        lineBreaks = 0
        let replan = planned != targets
        for c in 0..<width {
            let slot = slots + c
            if replan {
                let (kind, scale, precision) = CSVFastSlot.plan(targets[c])
                if kind.stride != slot.pointee.kind.stride || slot.pointee.values == nil {
                    slot.pointee.values?.deallocate()
                    slot.pointee.values = Self.allocate(kind, capacity)
                }
                slot.pointee.kind = kind
                slot.pointee.scale = scale
                slot.pointee.precision = precision
                slot.pointee.limit = kind == .decimal ? DecimalText.power(precision) ?? Int64.max : Int64.max
                slot.pointee.factor = UInt64(DecimalText.power(scale) ?? 1)
            }
            slot.pointee.digits = 0
            slot.pointee.interner.removeAll()
            slot.pointee.bits.update(repeating: 0, count: capacity >> 6)
        }
        if replan { planned = targets }
    }

    /// Doubles the room, keeping the rows read so far.
    func grow() {
        let grown = capacity * 2
        for c in 0..<width {
            let slot = slots + c
            let kind = slot.pointee.kind
            let values = Self.allocate(kind, grown)
            if let old = slot.pointee.values {
                values?.copyMemory(from: old, byteCount: rows * kind.stride)
                old.deallocate()
            }
            slot.pointee.values = values
            let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: grown >> 6)
            bits.initialize(from: slot.pointee.bits, count: capacity >> 6)
            (bits + (capacity >> 6)).initialize(repeating: 0, count: (grown - capacity) >> 6)
            slot.pointee.bits.deallocate()
            slot.pointee.bits = bits
        }
        capacity = grown
    }

    private static func allocate(_ kind: CSVFastKind, _ capacity: Int) -> UnsafeMutableRawPointer? {
        let stride = max(kind.stride, 1)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity * stride, alignment: 8)
        switch kind.stride {
        case 8 where kind == .double || kind == .strictDouble: raw.bindMemory(to: Double.self, capacity: capacity)
        case 8: raw.bindMemory(to: Int64.self, capacity: capacity)
        case 4 where kind == .text: raw.bindMemory(to: UInt32.self, capacity: capacity)
        case 4: raw.bindMemory(to: Int32.self, capacity: capacity)
        case 1: raw.bindMemory(to: Bool.self, capacity: capacity)
        default: break
        }
        return raw
    }

    /// The inferred type read for column `c` (meaningful for inferred targets only).
    func type(_ c: Int, floor: CSVInferredType) -> CSVInferredType {
        switch slots[c].kind {
        case .canonicalInteger: return floor.joined(CSVInferredType(kind: .bigint, integerDigits: slots[c].digits))
        case .strictDecimal:
            return floor.joined(CSVInferredType(kind: .decimal(scale: slots[c].scale), integerDigits: slots[c].digits))
        default: return floor
        }
    }
}
