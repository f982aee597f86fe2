import Foundation

// insq-micro: micro-benchmarks of the engine's kernels through its public API (see Benchmarks/README.md).
let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let suite = Suite(options: options)
let entries = suite.entries
if options.list {
    for e in entries { print(e.name) }
    exit(0)
}
var selected = Set(entries.map(\.name).filter { name in
    options.filters.isEmpty || options.filters.contains { name.contains($0) }
})
for e in entries where selected.contains(e.name) { selected.formUnion(e.requirements) }
guard !selected.isEmpty else {
    Report.note("no benchmark matches \(options.filters.joined(separator: ",")); --list shows the names")
    exit(2)
}

let runner = Runner(runs: options.runs, warmups: options.warmups)
var results: [Measurement] = []
for entry in entries where selected.contains(entry.name) {
    switch entry {
    case let .measured(name, prepare):
        let prepared = prepare()
        do {
            let m = try runner.measure(name, prepared)
            Report.note("\(name): \(Report.fixed(m.median / 1e6, 2)) ms")
            results.append(m)
        } catch {
            Report.note("\(name) failed: \(error)")
            exit(1)
        }
    case let .derived(name, plus, minus, rows, bytes):
        func total(_ names: [String]) -> Double {
            names.reduce(0) { sum, n in sum + (results.first { $0.name == n }?.median ?? 0) }
        }
        results.append(Measurement(name: name, rows: rows(), bytes: bytes(), median: total(plus) - total(minus),
                                   minimum: nil, check: "= " + plus.joined(separator: " + ") + " - "
                                       + minus.joined(separator: " - ")))
    }
}

print("insq-micro: t \(Report.grouped(options.rows)) rows; median of \(options.runs) run(s) after \(options.warmups) warm-up(s); "
      + "\(ProcessInfo.processInfo.activeProcessorCount) CPUs")
print(Report.table(results))
print("""
    input MB = bytes of the input columns the query reads (Column.byteSize: 8 B/row for BIGINT and DECIMAL, \
    4 B/row for DATE plus its null bitmap, 4 B/row of TEXT codes plus the dictionary); csv-parse: the CSV text; \
    bandwidth: the buffer. GB/s and M rows/s = input bytes and rows / median. Rows marked ~ are differences \
    of medians (see Benchmarks/README.md).
    """)
if let note = Report.bandwidthNote(results) { print(note) }
