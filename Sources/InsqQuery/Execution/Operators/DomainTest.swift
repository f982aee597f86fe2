import InsqStorage

/// A condition on one TEXT or DATE column with no typed loop of its own (`month(paid_on) = 5`,
/// `length(name) = 4`), evaluated once per distinct value instead of once per row: per dictionary entry
/// for text, per day between the column's smallest and largest for dates. The answers form a table the
/// rows then look up.
final class DomainTest {
    private let column: Int
    private let storage: Column
    /// The condition compiled over a single input: the column.
    private let predicate: CompiledExpression
    /// The row-by-row form, for when the domain is too large or evaluating it fails.
    private let fallback: ScanConjunct

    init(column: Int, storage: Column, predicate: @escaping CompiledExpression, fallback: ScanConjunct) {
        self.column = column
        self.storage = storage
        self.predicate = predicate
        self.fallback = fallback
    }

    /// Days spanned (or dictionary entries, in a small table) at most; beyond this a table costs more than it saves.
    private static let maximumDays = 1 << 16

    /// The table lookup, or the row-by-row fallback.
    func resolve() -> ScanConjunct {
        do {
            // A condition true for NULL (`coalesce(d, …)`) would need NULL rows too; such are rare.
            if try answers(Vector.nulls(storage.type, count: 1)).first == true { return fallback }
            switch storage.data {
            case let .text(_, dict):
                // A dictionary about as large as the table (names) is no cheaper to answer than the rows.
                guard dict.count <= Self.maximumDays || dict.count * 4 <= storage.count else { return fallback }
                let codes = Vector(.text(.coded((0..<UInt32(dict.count)).map { $0 }, dict)), validity: nil, count: dict.count)
                return .codeTable(column, try answers(codes))
            case let .int32(days):
                guard let (low, high) = Self.range(days), Int(high) - Int(low) < Self.maximumDays else { return fallback }
                let domain = Vector(.int64((Int64(low)...Int64(high)).map { $0 }), validity: nil, count: Int(high) - Int(low) + 1)
                return .dayTable(column, low: low, try answers(domain))
            default:
                return fallback
            }
        } catch {
            // The domain holds values no selected row may have (a cast that fails on them): ask row by row.
            return fallback
        }
    }

    /// Whether the condition is true (not false, not NULL) for each value of a vector.
    private func answers(_ values: Vector) throws -> [Bool] {
        let result = try predicate(Batch(columns: [values], count: values.count))
        return (0..<values.count).map { result.isValid($0) && result.bools[$0] }
    }

    /// The smallest and largest stored day, NULL rows' placeholders included, so every row's value is in range.
    private static func range(_ days: [Int32]) -> (Int32, Int32)? {
        guard !days.isEmpty else { return nil }
        var low = Int32.max, high = Int32.min
        days.withUnsafeBufferPointer { p in
            for d in p {
                low = min(low, d)
                high = max(high, d)
            }
        }
        return (low, high)
    }
}
