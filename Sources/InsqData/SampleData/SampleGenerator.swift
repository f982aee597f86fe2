import Dispatch
import InsqStorage

/// Generates the built-in sample: `regions`, `persons` and `payments` with exactly `BuiltinSchemas`' columns.
///
/// Scale factor SF gives SF × 1,000,000 persons (rounded) and about 20 payments per person over 2021-2024;
/// the about 2,000 regions are fixed. The output depends only on (scale factor, seed): persons are made in
/// chunks of 4,096, each from its own random stream, so two threads give the same tables as one, and a
/// smaller scale factor gives a prefix of a larger one (person 1 is the same person at every SF).
public enum SampleGenerator {
    /// The seed `insq` uses when none is given.
    public static let defaultSeed: UInt64 = 42
    /// Persons per chunk: the unit of parallel work and of random streams.
    static let personsPerChunk = 4_096
    /// The largest number of persons (person ids are generated as 32-bit integers).
    public static let maximumPersons = 2_000_000_000

    /// The number of persons at a scale factor: SF × 1,000,000 rounded, at most `maximumPersons`;
    /// 0 for a scale factor that is not a positive finite number.
    public static func personCount(scaleFactor: Double) -> Int {
        guard scaleFactor.isFinite, scaleFactor > 0 else { return 0 }
        let persons = (scaleFactor * 1_000_000).rounded()
        return persons >= Double(maximumPersons) ? maximumPersons : Int(persons)
    }

    /// The sample at `scaleFactor`, deterministic for `seed`, generated on all cores.
    public static func generate(scaleFactor: Double, seed: UInt64) -> Catalog {
        generate(scaleFactor: scaleFactor, seed: seed, isParallel: true)
    }

    /// The sample, optionally on one thread only (the result is the same).
    static func generate(scaleFactor: Double, seed: UInt64, isParallel: Bool) -> Catalog {
        let regions = RegionSet.shared
        let context = SampleContext(seed: seed, regions: regions)
        let persons = personCount(scaleFactor: scaleFactor)
        let chunkCount = (persons + personsPerChunk - 1) / personsPerChunk

        // Pass 1: persons, their plans, and how many payments each chunk will write.
        let chunks = parallelMap(count: chunkCount, isParallel: isParallel) { index in
            let first = index * personsPerChunk + 1
            var generator = PersonGenerator(chunk: index, context: context)
            return generator.generate(ids: first..<min(first + personsPerChunk, persons + 1))
        }
        var paymentTotal = 0
        let rowRanges = chunks.map { chunk in
            defer { paymentTotal += chunk.paymentCount }
            return paymentTotal..<paymentTotal + chunk.paymentCount
        }
        let plans = chunks.map(\.plans)

        // Pass 2: every chunk writes its payments into its own rows of the final columns.
        var payments = PaymentColumns.make(count: paymentTotal) { columns in
            _ = parallelMap(count: chunkCount, isParallel: isParallel) { index in
                let rows = rowRanges[index]
                var writer = PaymentWriter(columns: columns, rows: rows)
                var generator = PaymentGenerator(chunk: index, context: context)
                generator.write(plans[index], to: &writer)
                precondition(writer.row == rows.upperBound, "payment count of a chunk differs from its first pass")
                return true
            }
        }
        let paidValidity = clearNulls(&payments.paidOn, sentinel: PersonRows.nullDay)
        let personTable = joinPersons(chunks, count: persons, regions: regions)
        return Catalog([regions.table(), personTable, paymentTable(payments, paidValidity: paidValidity)])
    }

    /// `work(0) ... work(count - 1)` in order, computed on all cores when `isParallel`.
    private static func parallelMap<T>(count: Int, isParallel: Bool, _ work: @Sendable (Int) -> T) -> [T] {
        guard isParallel && count > 1 else { return (0..<count).map(work) }
        let slots = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(work(index), at: index)
        }
        return slots.takeAll()
    }

    /// The persons table; releases the chunks' person buffers.
    private static func joinPersons(_ chunks: [SampleChunk], count: Int, regions: RegionSet) -> Table {
        typealias J = ChunkJoining
        func part<T>(_ column: KeyPath<PersonRows, RowBuffer<T>>) -> J.Parts<T> {
            J.Parts(chunks, (\SampleChunk.persons).appending(path: column), counts: \.persons.count)
        }
        func codes<T: FixedWidthInteger>(_ column: KeyPath<PersonRows, RowBuffer<T>>) -> [UInt32] {
            J.widen(part(column)) { UInt32(truncatingIfNeeded: $0) }
        }
        let employer = J.concatenateNullable(part(\.employer), sentinel: PersonRows.nullEmployer)
        let enrolled = J.concatenateNullable(part(\.enrolledOn), sentinel: PersonRows.nullDay)
        let columns = [
            Column(type: .bigint, data: .int64(J.sequence(count: count))),
            Column(type: .text, data: .text(J.concatenate(part(\.name)), NameBook.shared.dictionary)),
            Column(type: .text, data: .text(codes(\.sex), SampleVocabulary.sexes)),
            Column(type: .date, data: .int32(J.concatenate(part(\.birthDate)))),
            Column(type: .text, data: .text(codes(\.region), regions.regionCodeDictionary)),
            Column(type: .text, data: .text(codes(\.registeredProvince), regions.provinceDictionary)),
            Column(type: .text, data: .text(codes(\.residence), SampleVocabulary.residences)),
            Column(type: .text, data: .text(codes(\.category), SampleVocabulary.categories)),
            Column(type: .text, data: .text(employer.values, EmployerBook.shared.dictionary), validity: employer.validity),
            Column(type: .date, data: .int32(enrolled.values), validity: enrolled.validity),
            Column(type: .text, data: .text(codes(\.status), SampleVocabulary.statuses)),
        ]
        return Table(name: "persons", schema: BuiltinSchemas.persons, columns: columns)
    }

    private static func paymentTable(_ columns: PaymentColumns, paidValidity: ValidityBitmap) -> Table {
        let columns = [
            Column(type: .bigint, data: .int64(ChunkJoining.sequence(count: columns.personID.count))),
            Column(type: .bigint, data: .int64(columns.personID)),
            Column(type: .text, data: .text(columns.scheme, SampleVocabulary.schemes)),
            Column(type: .text, data: .text(columns.kind, SampleVocabulary.kinds)),
            Column(type: .date, data: .int32(columns.period)),
            Column(type: .decimal(precision: 14, scale: 2), data: .int64(columns.amount)),
            Column(type: .text, data: .text(columns.currency, SampleVocabulary.currencies)),
            Column(type: .date, data: .int32(columns.dueOn)),
            Column(type: .date, data: .int32(columns.paidOn), validity: paidValidity),
            Column(type: .text, data: .text(columns.channel, SampleVocabulary.channels)),
        ]
        return Table(name: "payments", schema: BuiltinSchemas.payments, columns: columns)
    }

    /// Reads `sentinel` as NULL: returns the validity bitmap and stores zero in the NULL rows.
    private static func clearNulls(_ values: inout [Int32], sentinel: Int32) -> ValidityBitmap {
        var words = [UInt64](repeating: 0, count: (values.count + 63) >> 6)
        values.withUnsafeMutableBufferPointer { values in
            words.withUnsafeMutableBufferPointer { words in
                for row in 0..<values.count {
                    let isValid = values[row] != sentinel
                    words[row >> 6] |= UInt64(unsafeBitCast(isValid, to: UInt8.self)) << UInt64(row & 63)
                    values[row] = isValid ? values[row] : 0
                }
            }
        }
        var validity = ValidityBitmap(count: values.count, allValid: false)
        validity.words = words
        return validity
    }
}

/// Result slots that parallel workers write into, each worker to its own index.
private final class ResultSlots<T>: @unchecked Sendable {
    // Safe because every index is written by exactly one worker, and read only after all have finished.
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: T, at index: Int) { slots[index] = result }

    /// All results in index order, leaving the slots empty.
    func takeAll() -> [T] {
        (0..<slots.count).compactMap { index in
            defer { slots[index] = nil }
            return slots[index]
        }
    }
}
