/// The persons of one chunk, column by column in compact types; widened when chunks are joined.
/// The buffers hold exactly the chunk's persons and are released by `ChunkJoining`.
struct PersonRows {
    static let nullEmployer = UInt32.max
    static let nullDay = Int32.min

    private(set) var count = 0
    private let capacity: Int
    var name: RowBuffer<UInt32>
    var sex: RowBuffer<UInt8>
    var birthDate: RowBuffer<Int32>
    var region: RowBuffer<UInt16>
    var registeredProvince: RowBuffer<UInt8>
    var residence: RowBuffer<UInt8>
    var category: RowBuffer<UInt8>
    /// `nullEmployer` for NULL.
    var employer: RowBuffer<UInt32>
    /// `nullDay` for NULL.
    var enrolledOn: RowBuffer<Int32>
    var status: RowBuffer<UInt8>

    init(capacity: Int) {
        self.capacity = capacity
        name = RowBuffer(capacity: capacity)
        sex = RowBuffer(capacity: capacity)
        birthDate = RowBuffer(capacity: capacity)
        region = RowBuffer(capacity: capacity)
        registeredProvince = RowBuffer(capacity: capacity)
        residence = RowBuffer(capacity: capacity)
        category = RowBuffer(capacity: capacity)
        employer = RowBuffer(capacity: capacity)
        enrolledOn = RowBuffer(capacity: capacity)
        status = RowBuffer(capacity: capacity)
    }

    mutating func append(name: UInt32, isFemale: Bool, birthDate: Int32, region: Int, registeredProvince: Int,
                         isRural: Bool, category: Category, employer: UInt32, enrolledOn: Int32, status: Status) {
        precondition(count < capacity, "more persons than the chunk holds")
        self.name.store(name, at: count)
        sex.store(isFemale ? 0 : 1, at: count)
        self.birthDate.store(birthDate, at: count)
        self.region.store(UInt16(region), at: count)
        self.registeredProvince.store(UInt8(registeredProvince), at: count)
        residence.store(isRural ? 1 : 0, at: count)
        self.category.store(category.rawValue, at: count)
        self.employer.store(employer, at: count)
        self.enrolledOn.store(enrolledOn, at: count)
        self.status.store(status.rawValue, at: count)
        count += 1
    }
}

/// A buffer of plain values with a manual lifetime: a chunk owns it until the join copies and releases it.
struct RowBuffer<T: BitwiseCopyable> {
    let base: UnsafeMutablePointer<T>

    init(capacity: Int) {
        base = .allocate(capacity: max(1, capacity))
    }

    @inline(__always) func store(_ value: T, at index: Int) {
        base[index] = value
    }

    func release() {
        base.deallocate()
    }
}

/// One chunk of the sample after the first pass: its persons, their plans, and their payment count.
struct SampleChunk {
    var persons: PersonRows
    var plans: [PersonPlan]
    var paymentCount: Int
}

/// Raw pointers to the final payment columns, which the second pass fills in parallel, each chunk its own
/// rows. (The columns are written in place: copying 50 bytes per payment out of per-chunk buffers cost as
/// much as generating them, and fresh memory is slow to touch on a virtual machine.)
struct PaymentColumnPointers: @unchecked Sendable {
    // Sendable because workers write disjoint row ranges, and the arrays behind the pointers are only read
    // after every worker has finished.
    let personID: UnsafeMutablePointer<Int64>
    let scheme: UnsafeMutablePointer<UInt32>
    let kind: UnsafeMutablePointer<UInt32>
    let period: UnsafeMutablePointer<Int32>
    let amount: UnsafeMutablePointer<Int64>
    let currency: UnsafeMutablePointer<UInt32>
    let dueOn: UnsafeMutablePointer<Int32>
    /// `PersonRows.nullDay` for NULL (unpaid), cleared when the validity bitmap is built.
    let paidOn: UnsafeMutablePointer<Int32>
    let channel: UnsafeMutablePointer<UInt32>
}

/// Appends one chunk's payments to its range of rows in the final columns.
struct PaymentWriter {
    let columns: PaymentColumnPointers
    private(set) var row: Int
    let end: Int

    init(columns: PaymentColumnPointers, rows: Range<Int>) {
        self.columns = columns
        row = rows.lowerBound
        end = rows.upperBound
    }

    @inline(__always)
    mutating func append(person: Int32, scheme: Scheme, kind: PaymentKind, period: Int32, amount: Int64,
                         currency: Country, due: Int32, paid: Int32, channel: Channel) {
        // The first pass counted this chunk's payments; writing more would overwrite the next chunk.
        precondition(row < end, "payment count of a chunk differs from its first pass")
        columns.personID[row] = Int64(person)
        columns.scheme[row] = UInt32(scheme.rawValue)
        columns.kind[row] = UInt32(kind.rawValue)
        columns.period[row] = period
        columns.amount[row] = amount
        columns.currency[row] = UInt32(currency.rawValue)
        columns.dueOn[row] = due
        columns.paidOn[row] = paid
        columns.channel[row] = UInt32(channel.rawValue)
        row += 1
    }
}

/// The final payment columns (all but payment_id), allocated at their exact size and filled in place.
struct PaymentColumns {
    var personID: [Int64] = []
    var scheme: [UInt32] = []
    var kind: [UInt32] = []
    var period: [Int32] = []
    var amount: [Int64] = []
    var currency: [UInt32] = []
    var dueOn: [Int32] = []
    var paidOn: [Int32] = []
    var channel: [UInt32] = []

    /// Columns of `count` rows; `fill` must write every row through the pointers it is given.
    static func make(count: Int, fill: (PaymentColumnPointers) -> Void) -> PaymentColumns {
        var c = PaymentColumns()
        guard count > 0 else { return c }
        // Nested so that all nine buffers are valid while `fill` runs, as the unsafe-capacity API requires.
        c.personID = uninitialized(count) { personID in
            c.scheme = uninitialized(count) { scheme in
                c.kind = uninitialized(count) { kind in
                    c.period = uninitialized(count) { period in
                        c.amount = uninitialized(count) { amount in
                            c.currency = uninitialized(count) { currency in
                                c.dueOn = uninitialized(count) { dueOn in
                                    c.paidOn = uninitialized(count) { paidOn in
                                        c.channel = uninitialized(count) { channel in
                                            fill(PaymentColumnPointers(
                                                personID: personID, scheme: scheme, kind: kind, period: period,
                                                amount: amount, currency: currency, dueOn: dueOn, paidOn: paidOn,
                                                channel: channel))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return c
    }

    /// An array of `count` plain values that `body` initialises through a pointer (count > 0).
    private static func uninitialized<T: BitwiseCopyable>(_ count: Int, _ body: (UnsafeMutablePointer<T>) -> Void) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            body(base)
            initialized = count
        }
    }
}
