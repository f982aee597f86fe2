import Foundation

/// A benchmark ready to run: the rows and bytes its input holds, and one run (returning a check text).
struct Prepared {
    let rows: Int
    let bytes: Int
    let body: () throws -> String
}

/// One entry of the suite: measured by running it, or derived from other entries' medians.
enum Entry {
    /// `prepare` builds the data it needs on first use (outside the timed region).
    case measured(name: String, prepare: () -> Prepared)
    /// The sum of the `plus` medians minus the sum of the `minus` medians, reading `rows` rows and `bytes` bytes.
    case derived(name: String, plus: [String], minus: [String], rows: () -> Int, bytes: () -> Int)

    var name: String {
        switch self {
        case let .measured(name, _), let .derived(name, _, _, _, _): return name
        }
    }

    /// Entries whose medians this one needs.
    var requirements: [String] {
        if case let .derived(_, plus, minus, _, _) = self { return plus + minus }
        return []
    }
}

/// What one entry gave: times in nanoseconds (`minimum` is nil for a derived entry).
struct Measurement {
    let name: String
    let rows: Int
    let bytes: Int
    let median: Double
    let minimum: Double?
    let check: String
}

/// Runs entries: warm-ups, then `runs` timed runs, and takes the median.
struct Runner {
    let runs: Int
    let warmups: Int

    /// Nanoseconds of CLOCK_MONOTONIC.
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    func measure(_ name: String, _ prepared: Prepared) throws -> Measurement {
        var check = ""
        for _ in 0..<warmups { check = try prepared.body() }
        var times: [Double] = []
        for _ in 0..<runs {
            let start = Self.now()
            check = try prepared.body()
            times.append(Double(Self.now() - start))
        }
        return Measurement(name: name, rows: prepared.rows, bytes: prepared.bytes,
                           median: Self.median(times), minimum: times.min(), check: check)
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
