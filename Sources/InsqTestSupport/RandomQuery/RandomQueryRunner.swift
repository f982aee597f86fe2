import Foundation
import InsqQuery
import InsqStorage
import InsqSyntax

/// Runs generated queries through insq and SQLite and compares the answers.
public struct RandomQueryRunner {
    public var count: Int
    public var seed: UInt64
    public var features: RandomQueryFeatures
    /// Stop after this many differences (1: at the first).
    public var maxDifferences: Int
    /// When set, each query is written to this file before it runs (to find a query that crashes insq).
    public var tracePath: String?
    /// Print this many of the first queries with their outcome (to see what the generator makes).
    public var shownQueries: Int
    /// insq's time limit per query: a query cancelled after it is counted and listed, not compared.
    public var timeLimit: Double
    /// insq's threads, and how many rows make it split a table (one per thread forces splitting on the fixtures).
    public var settings: ExecutionSettings
    /// With a factor, insq runs each query under EXPLAIN ANALYZE (on one thread, whatever `settings` say), and a
    /// query without a cross product whose operators produce more rows than factor times its largest table
    /// fails as a row cliff (`RowCliff`).
    public var cliffFactor: Int?
    /// Forms the optimizer is known to run per outer value: a query with one is not checked for a cliff.
    public var toleratedCliffs: CliffShapes

    public init(count: Int, seed: UInt64, features: RandomQueryFeatures, maxDifferences: Int = 1, tracePath: String? = nil,
                shownQueries: Int = 0, timeLimit: Double = 20, settings: ExecutionSettings = .standard, cliffFactor: Int? = nil,
                toleratedCliffs: CliffShapes = []) {
        self.settings = settings
        self.cliffFactor = cliffFactor
        self.toleratedCliffs = toleratedCliffs
        self.shownQueries = shownQueries
        self.timeLimit = timeLimit
        self.count = count
        self.seed = seed
        self.features = features
        self.maxDifferences = maxDifferences
        self.tracePath = tracePath
    }

    /// Tallies of a run.
    public struct Counts: Sendable {
        public var queries = 0
        /// Both engines gave the same answer (rows, or both an error).
        public var agreements = 0
        /// Both engines rejected the query (counted among agreements).
        public var bothFailed = 0
        /// Rows compared in agreeing answers.
        public var rowsCompared = 0
        public var emptyResults = 0
        public var ordered = 0
        public var limited = 0
        public var differences = 0
        /// Queries insq did not finish within the time limit (a performance problem, not a wrong answer).
        public var timedOut = 0
        /// Agreeing queries whose operators' row counts were checked for a cliff.
        public var cliffChecks = 0
        /// Agreeing queries not checked because they have a cross product.
        public var crossProducts = 0
        /// Agreeing queries not checked because they have a tolerated cliff shape.
        public var tolerated = 0
        /// Queries with a row cliff (counted among the differences too).
        public var cliffs = 0
    }

    public struct Report: Sendable {
        public var counts = Counts()
        public var differences: [Difference] = []
        public var seconds: Double = 0
        /// Time spent in insq (parse, bind, run, read the values) and then still waiting for SQLite's answer.
        public var insqSeconds: Double = 0
        public var sqliteSeconds: Double = 0
        /// The query insq took longest over, and how long.
        public var slowestInsq: (seconds: Double, index: Int, sql: String) = (0, 0, "")
        /// Queries insq did not finish within the time limit.
        public var timedOutQueries: [String] = []

        public var summary: String {
            let c = counts
            return "random queries: \(c.queries) run, \(c.agreements) agreed (\(c.bothFailed) of them both errors), "
                + "\(c.differences) differed, \(c.timedOut) timed out in insq; \(c.rowsCompared) rows compared; \(c.ordered) ordered, \(c.limited) with LIMIT, "
                + "\(c.emptyResults) empty; \(c.cliffChecks) checked for row cliffs (not \(c.crossProducts) with a cross product, "
                + "\(c.tolerated) with a tolerated shape), "
                + "\(c.cliffs) cliffs; " + String(format: "%.1f s (insq %.1f s, SQLite %.1f s)", seconds, insqSeconds, sqliteSeconds)
                + String(format: "; slowest in insq: #%d, %.2f s", slowestInsq.index, slowestInsq.seconds)
        }
    }

    /// Runs hand-written queries (one per line) through both engines and prints both answers, compared as
    /// multisets, and insq's plan when it has a row cliff: for minimising a difference.
    public static func replay(_ queries: [String], catalog: Catalog, cliffFactor: Int = 10) throws(HarnessError) -> String {
        let sqlite = try SQLiteSession()
        var text = ""
        for sql in queries {
            let (mine, types, profile) = insqAnswer(sql, catalog: catalog, analyzes: true)
            if let profile, let cliff = RowCliff.find(in: profile, factor: cliffFactor) {
                text += "row cliff: \(cliff)\n" + profile.lines(showsTiming: false).map { "    \($0)\n" }.joined()
            }
            let theirs = Self.sqliteAnswer(try sqlite.run(sql), types: types)
            let query = GeneratedQuery(sql: sql, outputKinds: [], outputExactness: [], orderKeys: nil,
                                       hasHiddenOrderKey: false, hasLimit: false)
            let verdict = AnswerComparison.compare(query, insq: mine, sqlite: theirs, types: types)
            text += "\(verdict): \(sql)\n"
            if case .agree = verdict { continue }
            text += Difference(index: 0, query: query, reason: "\(verdict)", insq: mine, sqlite: theirs, types: types ?? []).description
        }
        return text
    }

    public func run(catalog: Catalog) throws(HarnessError) -> Report {
        let start = Date()
        let sqlite = try SQLiteSession()
        let generator = RandomQueryGenerator(profile: FixtureProfile(catalog: catalog), seed: seed, features: features)
        var report = Report()
        for index in 1...max(1, count) {
            let query = generator.next()
            if let tracePath { try? query.sql.write(toFile: tracePath, atomically: false, encoding: .utf8) }
            // SQLite answers in its own process while insq runs the same query here.
            try sqlite.submit(query.sql)
            let insqStart = Date()
            let (mine, types, profile) = Self.insqAnswer(query.sql, catalog: catalog, timeLimit: timeLimit, settings: settings,
                                                         analyzes: cliffFactor != nil)
            let sqliteStart = Date()
            let insqTime = sqliteStart.timeIntervalSince(insqStart)
            report.insqSeconds += insqTime
            if insqTime > report.slowestInsq.seconds { report.slowestInsq = (insqTime, index, query.sql) }
            let sqliteOutcome = try sqlite.answer()
            report.sqliteSeconds += Date().timeIntervalSince(sqliteStart)
            let theirs = Self.sqliteAnswer(sqliteOutcome, types: types)
            report.counts.queries += 1
            if case .error(Self.timedOut) = mine {
                report.counts.timedOut += 1
                report.timedOutQueries.append(query.sql)
                continue
            }
            if query.orderKeys != nil { report.counts.ordered += 1 }
            if query.hasLimit { report.counts.limited += 1 }
            let verdict = AnswerComparison.compare(query, insq: mine, sqlite: theirs, types: types)
            if index <= shownQueries { print("#\(index) \(verdict) (insq \(String(format: "%.3f", insqTime)) s): \(query.sql)") }
            switch verdict {
            case let .agree(rows):
                report.counts.agreements += 1
                report.counts.rowsCompared += rows
                if rows == 0 { report.counts.emptyResults += 1 }
                guard let cliffFactor, let profile else { continue }
                if query.hasCrossProduct {
                    report.counts.crossProducts += 1
                    continue
                }
                if !query.cliffShapes.isDisjoint(with: toleratedCliffs) {
                    report.counts.tolerated += 1
                    continue
                }
                report.counts.cliffChecks += 1
                guard let cliff = RowCliff.find(in: profile, factor: cliffFactor, declaredRows: query.declaredRows) else { continue }
                report.counts.cliffs += 1
                var difference = Difference(index: index, query: query, reason: "row cliff, shapes \(query.cliffShapes): \(cliff)", insq: mine, sqlite: theirs,
                                            types: types ?? [])
                difference.plan = profile.lines(showsTiming: false)
                report.differences.append(difference)
                if report.differences.count >= maxDifferences {
                    report.seconds = Date().timeIntervalSince(start)
                    return report
                }
            case .bothFailed:
                report.counts.agreements += 1
                report.counts.bothFailed += 1
            case let .differ(reason):
                report.counts.differences += 1
                report.differences.append(Difference(index: index, query: query, reason: reason, insq: mine, sqlite: theirs,
                                                      types: types ?? []))
                if report.differences.count >= maxDifferences {
                    report.seconds = Date().timeIntervalSince(start)
                    return report
                }
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// SQLite's answer in comparable cells, its values read as insq's column `types` say.
    static func sqliteAnswer(_ outcome: SQLiteHarness.Outcome, types: [DataType]?) -> EngineAnswer {
        switch outcome {
        case let .error(message):
            return .error(message)
        case let .rows(_, rows):
            let columnTypes = types ?? []
            return .rows(rows.map { row in
                row.enumerated().map { i, v in ComparableCell.sqlite(v, as: i < columnTypes.count ? columnTypes[i] : .text) }
            })
        }
    }

    static let timedOut = "cancelled: over the time limit"

    /// insq's answer in comparable cells, its column types, and with `analyzes` what each operator did (the
    /// query then runs on one thread); cancelled after `timeLimit` seconds.
    static func insqAnswer(_ sql: String, catalog: Catalog, timeLimit: Double = 20, settings: ExecutionSettings = .standard,
                           analyzes: Bool = false) -> (EngineAnswer, [DataType]?, PlanProfile?) {
        let cancellation = CancellationFlag()
        let timer = DispatchWorkItem { cancellation.cancel() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: timer)
        defer { timer.cancel() }
        do {
            var profile: PlanProfile? = nil
            let result: QueryResult
            if analyzes {
                (result, profile) = try QueryEngine.analyze(sql, catalog: catalog, cancellation: cancellation)
            } else {
                result = try QueryEngine.run(sql, catalog: catalog, cancellation: cancellation, settings: settings)
            }
            var rows: [[String]] = []
            rows.reserveCapacity(result.rowCount)
            for r in 0..<result.rowCount {
                rows.append(result.columns.map { ComparableCell.insq($0.value(at: r)) })
            }
            return (.rows(rows), result.schema.map(\.type), profile)
        } catch let diagnostic as Diagnostic {
            let bytes = Array(sql.utf8)
            let start = min(max(0, diagnostic.range.start), bytes.count), end = min(max(start, diagnostic.range.end), bytes.count)
            let at = String(decoding: bytes[start..<end], as: UTF8.self)
            return (.error("\(diagnostic.phase.rawValue) error: \(diagnostic.message) (at \"\(at)\")"), nil, nil)
        } catch is QueryCancelled {
            return (.error(timedOut), nil, nil)
        } catch {
            return (.error("\(error)"), nil, nil)
        }
    }
}
