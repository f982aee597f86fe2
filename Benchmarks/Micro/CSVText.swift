import InsqData
import InsqStorage

/// A CSV text shaped like the fact table, built in memory: `id,person_id,paid_on,amount,kind`.
enum CSVText {
    /// The declared types the import is given (no inference).
    static let types: [String: DataType] = [
        "id": .bigint, "person_id": .bigint, "paid_on": .date,
        "amount": .decimal(precision: 14, scale: 2), "kind": .text,
    ]

    /// `rows` records after a header, with the same distributions as table t (NULL dates as empty fields).
    static func make(rows: Int, persons: Int, seed: UInt64) -> [UInt8] {
        var rng = SeededRandom(seed: seed, stream: 0)
        let dates = (0..<SyntheticData.dayCount).map { Array(DateDays.format(SyntheticData.firstDay + Int32($0)).utf8) }
        let kinds = SyntheticData.kinds.map { Array($0.utf8) }
        var out: [UInt8] = Array("id,person_id,paid_on,amount,kind\n".utf8)
        out.reserveCapacity(rows * 44)
        for i in 0..<rows {
            appendInteger(i + 1, to: &out)
            out.append(UInt8(ascii: ","))
            appendInteger(rng.below(persons) + 1, to: &out)
            out.append(UInt8(ascii: ","))
            let day = rng.below(dates.count)
            if rng.below(100) != 0 { out.append(contentsOf: dates[day]) }
            out.append(UInt8(ascii: ","))
            let cents = 100 + rng.below(999_901)
            appendInteger(cents / 100, to: &out)
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(cents % 100 / 10))
            out.append(UInt8(ascii: "0") + UInt8(cents % 10))
            out.append(UInt8(ascii: ","))
            let k = rng.below(100)
            out.append(contentsOf: kinds[k < 60 ? 0 : 1 + (k - 60) % 14])
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    private static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value, n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n > 0 {
                n -= 1
                out.append(d[n])
            }
        }
    }
}
