import Foundation
import InsqStorage

/// One engine's answer in comparable form: rows of cell texts, or the error it gave.
public enum EngineAnswer: Sendable, Equatable {
    case rows([[String]])
    case error(String)
}

/// Cell texts both engines' values are compared in: numbers to 12 significant digits (compared with a
/// tolerance, as SQLite holds DECIMAL as REAL and sums in floating point while insq is exact), DATE as `YYYY-MM-DD`, BOOLEAN as `true`/`false`
/// (SQLite's 1/0 read as the type insq gives the column), NULL as `NULL`.
public enum ComparableCell {
    public static func insq(_ value: Value) -> String {
        switch value {
        case .null: return CanonicalValue.nullText
        case let .bigint(i): return String(i)
        case let .double(d): return number(d)
        case let .decimal(v, s): return number(Double(v) / FixtureProfile.pow10(s))
        case let .date(d): return DateDays.format(d)
        case let .boolean(b): return b ? "true" : "false"
        case let .text(s): return CanonicalValue.text(s)
        }
    }

    /// SQLite's value read as insq's column type says.
    public static func sqlite(_ value: SQLiteHarness.Value, as type: DataType) -> String {
        switch value {
        case .null:
            return CanonicalValue.nullText
        case let .integer(i):
            switch type {
            case .double, .decimal: return number(Double(i))
            case .boolean: return i != 0 ? "true" : "false"
            default: return String(i)
            }
        case let .real(d):
            switch type {
            case .bigint where d.rounded() == d && Swift.abs(d) < 9e15: return String(Int64(d))
            case .boolean: return d != 0 ? "true" : "false"
            default: return number(d)
            }
        case let .text(s):
            return CanonicalValue.text(s)
        }
    }

    /// A double to 12 significant digits (the comparison allows for more rounding than that).
    public static func number(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return "0" }
        return String(format: "%.12g", d)
    }
}

/// How the two answers to one generated query relate.
public enum AnswerVerdict: Sendable, Equatable {
    /// The same rows (in the same order where the query fixes it); `rows` were compared.
    case agree(rows: Int)
    /// Both engines rejected the query.
    case bothFailed
    case differ(String)
}

/// Compares two engines' answers. Numbers are equal when they agree to about nine significant digits (SQLite
/// computes DECIMAL values in floating point, insq exactly), or within an absolute tolerance the caller sets.
public struct AnswerComparison {
    /// Which columns hold numbers.
    let isNumeric: [Bool]
    /// Numbers x and y are equal when |x - y| <= relativeTolerance × max(|x|, |y|) + absoluteTolerance.
    let relativeTolerance: Double
    let absoluteTolerance: Double

    /// `types` are insq's output column types.
    public init(types: [DataType], relativeTolerance: Double = 1e-9, absoluteTolerance: Double = 1e-9) {
        isNumeric = types.map(\.isNumeric)
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
    }

    /// Compares the answers to a generated query. `types` are insq's output column types (how SQLite's values
    /// are read); nil when insq failed.
    public static func compare(_ query: GeneratedQuery, insq: EngineAnswer, sqlite: EngineAnswer,
                               types: [DataType]?) -> AnswerVerdict {
        let comparison = AnswerComparison(types: types ?? [])
        return comparison.verdict(insq: insq, sqlite: sqlite) { comparison.compare(query, $0, $1) }
    }

    /// Compares whole answers: row by row when `isOrdered` (the query's ORDER BY fixes every row's place),
    /// else as multisets.
    public func compare(insq: EngineAnswer, sqlite: EngineAnswer, isOrdered: Bool) -> AnswerVerdict {
        verdict(insq: insq, sqlite: sqlite) { mine, theirs in
            guard isOrdered else { return multisetVerdict(mine, theirs) }
            if rowsEqual(mine, theirs) { return .agree(rows: mine.count) }
            return rowsEqual(sorted(mine), sorted(theirs)) ? .differ("same rows in a different order") : .differ("different rows")
        }
    }

    /// The verdict when an engine failed or the answers' sizes differ, else what `compareRows` says of the rows.
    private func verdict(insq: EngineAnswer, sqlite: EngineAnswer,
                         compareRows: ([[String]], [[String]]) -> AnswerVerdict) -> AnswerVerdict {
        switch (insq, sqlite) {
        case (.error, .error):
            return .bothFailed
        case let (.error(message), .rows):
            return .differ("insq failed, SQLite answered: \(message)")
        case let (.rows, .error(message)):
            return .differ("SQLite failed, insq answered: \(message)")
        case let (.rows(mine), .rows(theirs)):
            if let row = theirs.first, row.count != isNumeric.count {
                return .differ("SQLite gave \(row.count) columns, insq \(isNumeric.count)")
            }
            guard mine.count == theirs.count else { return .differ("\(mine.count) rows against \(theirs.count)") }
            return compareRows(mine, theirs)
        }
    }

    func compare(_ query: GeneratedQuery, _ mine: [[String]], _ theirs: [[String]]) -> AnswerVerdict {
        if let keys = query.orderKeys {
            if rowsEqual(mine, theirs) { return .agree(rows: mine.count) }
            guard rowsEqual(sorted(mine), sorted(theirs)) else { return .differ("different rows") }
            // Floating point can order rows that are equal to nine digits either way. When the ORDER BY covers
            // every column, insq's rows must be in order and SQLite's, put in that order, must equal them.
            if !query.hasHiddenOrderKey, !query.hasLimit {
                let precedes = { (a: [String], b: [String]) in self.orderPrecedes(a, b, keys: keys) }
                let isOrdered = zip(mine, mine.dropFirst()).allSatisfy { !precedes($1, $0) }
                if isOrdered, rowsEqual(stableSorted(theirs, by: precedes), mine) { return .agree(rows: mine.count) }
            }
            return .differ("same rows in a different order")
        }
        return multisetVerdict(mine, theirs)
    }

    /// Compares rows as multisets of equal size.
    func multisetVerdict(_ mine: [[String]], _ theirs: [[String]]) -> AnswerVerdict {
        // Most answers agree to the last digit: plain text order is enough to see that.
        if mine.sorted(by: Self.rowTextPrecedes) == theirs.sorted(by: Self.rowTextPrecedes) { return .agree(rows: mine.count) }
        return rowsEqual(sorted(mine), sorted(theirs)) ? .agree(rows: mine.count) : .differ("different rows")
    }

    static func rowTextPrecedes(_ a: [String], _ b: [String]) -> Bool {
        a.lexicographicallyPrecedes(b) { textPrecedes($0, $1) }
    }

    func cellsEqual(_ a: String, _ b: String, column: Int) -> Bool {
        if a == b { return true }
        guard column < isNumeric.count, isNumeric[column], let x = Double(a), let y = Double(b) else { return false }
        return Swift.abs(x - y) <= relativeTolerance * Swift.max(Swift.abs(x), Swift.abs(y)) + absoluteTolerance
    }

    func rowsEqual(_ a: [[String]], _ b: [[String]]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.count == y.count && x.indices.allSatisfy { cellsEqual(x[$0], y[$0], column: $0) }
        }
    }

    /// -1, 0 or 1: numbers by value rounded to nine significant digits (a total order, unlike equality
    /// within a tolerance, so that both answers sort alike), other cells by Unicode scalars.
    func order(_ a: String, _ b: String, column: Int) -> Int {
        if a == b { return 0 }
        if column < isNumeric.count, isNumeric[column], let x = Self.quantized(a), let y = Self.quantized(b) {
            return x == y ? 0 : (x < y ? -1 : 1)
        }
        return Self.textPrecedes(a, b) ? -1 : 1
    }

    static func quantized(_ text: String) -> Double? {
        guard let value = Double(text) else { return nil }
        if Swift.abs(value) < 1e-9 { return 0 }
        return Double(String(format: "%.9g", value))
    }

    /// A cell as it sorts: a number rounded to nine digits, or text.
    private enum SortKey: Comparable {
        case number(Double)
        case text([UInt32])

        static func < (a: SortKey, b: SortKey) -> Bool {
            switch (a, b) {
            case let (.number(x), .number(y)): return x < y
            case let (.text(x), .text(y)): return x.lexicographicallyPrecedes(y)
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
    }

    /// Rows in one canonical order, for comparing as multisets (keys computed once per row).
    func sorted(_ rows: [[String]]) -> [[String]] {
        let keyed = rows.map { row in
            (row, row.enumerated().map { i, cell -> SortKey in
                if i < isNumeric.count, isNumeric[i], let x = Self.quantized(cell) { return .number(x) }
                return .text(cell.unicodeScalars.map(\.value))
            })
        }
        return keyed.sorted { $0.1.lexicographicallyPrecedes($1.1) }.map(\.0)
    }

    /// The ORDER BY of the query, applied to comparable cells.
    func orderPrecedes(_ a: [String], _ b: [String], keys: [OutputOrderKey]) -> Bool {
        for key in keys where key.column < a.count && key.column < b.count {
            let x = a[key.column], y = b[key.column]
            if order(x, y, column: key.column) == 0 { continue }
            let null = CanonicalValue.nullText
            if x == null { return key.nullsFirst }
            if y == null { return !key.nullsFirst }
            let ascending = order(x, y, column: key.column) < 0
            return key.isDescending ? !ascending : ascending
        }
        return false
    }

    private func stableSorted(_ rows: [[String]], by precedes: ([String], [String]) -> Bool) -> [[String]] {
        rows.enumerated().sorted { a, b in
            if precedes(a.element, b.element) { return true }
            if precedes(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Text order by Unicode scalars, which is UTF-8 byte order and independent of locale.
    static func textPrecedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }
}
