import Foundation

/// Command-line settings of the micro-benchmarks (`insq-micro --help`).
struct Options {
    var rows = 20_000_000
    var runs = 5
    var warmups = 1
    var seed: UInt64 = 1
    var filters: [String] = []
    var list = false

    static let usage = """
        usage: insq-micro [--rows N] [--runs N] [--warmups N] [--seed S] [--filter NAME[,NAME...]] [--list]
          --rows N     rows of the fact table t (default 20000000); the dimension has N/20, the sort table
                       and the CSV file N/4 rows
          --runs N     timed runs per benchmark; the median is reported (default 5)
          --warmups N  untimed runs first (default 1)
          --filter X   only benchmarks whose name contains X (comma-separated list, or repeat the option)
          --list       print the benchmark names and exit
        """

    /// Reads the arguments; a bad one prints the usage and exits with status 2.
    static func parse(_ arguments: [String]) -> Options {
        var o = Options()
        var i = 0
        func value(_ name: String) -> String {
            i += 1
            guard i < arguments.count else { fail("\(name) needs a value") }
            return arguments[i]
        }
        func number(_ name: String, min: Int) -> Int {
            let text = value(name).replacingOccurrences(of: "_", with: "")
            guard let n = Int(text), n >= min else { fail("\(name) needs an integer >= \(min)") }
            return n
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--rows": o.rows = number("--rows", min: 1000)
            case "--runs": o.runs = number("--runs", min: 1)
            case "--warmups": o.warmups = number("--warmups", min: 0)
            case "--seed": o.seed = UInt64(number("--seed", min: 0))
            case "--filter": o.filters += value("--filter").split(separator: ",").map(String.init)
            case "--list": o.list = true
            case "-h", "--help": print(usage); exit(0)
            default: fail("unknown option \(arguments[i])")
            }
            i += 1
        }
        return o
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("insq-micro: \(message)\n\(usage)\n".utf8))
        exit(2)
    }
}
