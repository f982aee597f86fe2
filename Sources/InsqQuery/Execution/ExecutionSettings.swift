#if canImport(Glibc)
import Glibc
#endif

/// How many threads a query may use, and how many driving-table rows each thread needs before work is split.
public struct ExecutionSettings: Sendable, Equatable {
    /// Threads per parallel operator; 1 runs everything on the calling thread.
    public var threads: Int
    /// A driving table with fewer than `threads × minimumRowsPerThread` rows uses fewer threads: starting and
    /// merging a partial costs more than it saves on small inputs. Tests set 1 to split even tiny fixtures.
    public var minimumRowsPerThread: Int

    public init(threads: Int = ExecutionSettings.defaultThreads, minimumRowsPerThread: Int = 100_000) {
        self.threads = max(1, threads)
        self.minimumRowsPerThread = max(1, minimumRowsPerThread)
    }

    /// The defaults: `INSQ_THREADS` when set to a positive number, otherwise two threads (or one on one core).
    public static let standard = ExecutionSettings()

    /// Everything on the calling thread.
    public static let singleThreaded = ExecutionSettings(threads: 1)

    /// `INSQ_THREADS`, or the smaller of 2 and the processors online (the engine is tuned for two cores).
    public static var defaultThreads: Int {
        if let text = getenv("INSQ_THREADS").map({ String(cString: $0) }), let n = Int(text), n > 0 { return n }
        return max(1, min(2, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// How many contiguous parts a driving table of `rows` rows is read in.
    func parts(forRows rows: Int) -> Int {
        min(threads, max(1, rows / minimumRowsPerThread))
    }
}
