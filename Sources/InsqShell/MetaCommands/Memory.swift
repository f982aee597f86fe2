import InsqStorage

/// `.memory`: what the tables' columns hold against what the process really has in memory, so that the
/// overhead of the store (allocator slack, dictionaries, the runtime) is visible rather than assumed.
extension Session {
    func showMemory<Out: TextOutputStream>(_ arguments: [String], output: inout Out) throws {
        if let command = MetaCommand.named("memory") {
            try Self.expectArguments(arguments, count: 0, for: command)
        }
        output.write(Self.memoryText(catalog, process: ProcessMemory.current()))
    }

    static func memoryText(_ catalog: Catalog, process: ProcessMemory?) -> String {
        let raw = catalog.tables.reduce(0) { $0 + $1.byteSize }
        var text = "column data: \(ByteCount.text(raw)) in \(catalog.tables.count) table\(catalog.tables.count == 1 ? "" : "s")"
        text += " (values, null bitmaps, dictionary text and codes)\n"
        guard let process else { return text + "process memory: not available on this system\n" }
        text += "process heap: \(ByteCount.text(process.anonymous))"
        if raw > 0 {
            let hundredths = Int((Double(process.anonymous) / Double(raw) * 100).rounded())
            text += " = \(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) × column data"
        }
        text += "\nresident: \(ByteCount.text(process.resident)), peak \(ByteCount.text(process.peak))\n"
        return text
    }
}

/// The process's memory as Linux reports it in `/proc/self/status`.
struct ProcessMemory: Equatable {
    /// Anonymous resident memory (`RssAnon`): heap and other allocations, without the mapped program text.
    let anonymous: Int
    /// All resident memory (`VmRSS`).
    let resident: Int
    /// The most resident memory so far (`VmHWM`).
    let peak: Int

    static func current() -> ProcessMemory? {
        guard let status = try? FileText.read("/proc/self/status") else { return nil }
        return parse(status)
    }

    /// Reads the `kB` fields out of the status text; nil when one is missing.
    static func parse(_ status: String) -> ProcessMemory? {
        var fields: [String: Int] = [:]
        for line in status.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            guard parts.count >= 3, parts[2] == "kB", let kilobytes = Int(parts[1]) else { continue }
            fields[String(parts[0])] = kilobytes * 1024
        }
        guard let anonymous = fields["RssAnon"], let resident = fields["VmRSS"], let peak = fields["VmHWM"] else {
            return nil
        }
        return ProcessMemory(anonymous: anonymous, resident: resident, peak: peak)
    }
}
