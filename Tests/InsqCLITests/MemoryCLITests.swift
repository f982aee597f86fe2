import Testing

/// The store's memory promise: a loaded table costs at most 1.3 × its column bytes (values, bitmaps,
/// dictionary text and codes). Measured from outside the engine, as `.memory` reads it from the process,
/// so that allocator slack and builder over-allocation count too.
@Suite struct MemoryCLITests {
    /// The `N.NN` of `= N.NN × column data` in `.memory`'s output.
    private func ratio(_ output: String) -> Double? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("process heap:") }),
              let equals = line.range(of: "= "), let times = line.range(of: " ×") else { return nil }
        return Double(line[equals.upperBound..<times.lowerBound])
    }

    @Test func generatedSampleStaysWithinOnePointThreeTimesItsColumnBytes() throws {
        let directory = try TemporaryDirectory()
        // Large enough (about 220 MB of columns) that the runtime's own few megabytes do not decide the ratio.
        let run = try InsqProcess.run(["--sf", "0.2", "-c", ".memory"], directory: directory)
        #expect(run.exitCode == 0)
        let measured = try #require(ratio(run.output), "\(run.output)")
        #expect(measured <= 1.3, "\(run.output)")
    }

    @Test func importedCSVStaysWithinOnePointThreeTimesItsColumnBytes() throws {
        let directory = try TemporaryDirectory()
        var text = "id,amount,paid_on,channel,note\n"
        let channels = ["bank", "school", "post_office", "online"]
        for i in 0..<400_000 {
            text += "\(i),\(i % 9973).\(i % 100 < 10 ? "0" : "")\(i % 100),2024-0\(i % 9 + 1)-1\(i % 9),"
            text += "\(channels[i % 4]),\(i % 3 == 0 ? "" : "note \(i % 5000)")\n"
        }
        _ = try directory.write("pay.csv", text)
        let run = try InsqProcess.run(["pay.csv", "-c", ".memory"], directory: directory)
        #expect(run.exitCode == 0, "\(run.errors)")
        let measured = try #require(ratio(run.output), "\(run.output)")
        #expect(measured <= 1.3, "\(run.output)")
    }
}
