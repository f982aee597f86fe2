import Foundation

/// Finds the built `insq` executable and runs it with prepared input, as a user's shell would.
enum InsqProcess {
    /// What one run of insq did.
    struct Run {
        var output: String
        var errors: String
        var exitCode: Int32
    }

    /// The `insq` next to the test bundle (SwiftPM puts executables and tests in one products directory),
    /// else `.build/debug/insq` in the package. `INSQ_BINARY` overrides both.
    static func binaryPath() throws -> String {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["INSQ_BINARY"] { candidates.append(override) }
        let testExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(testExecutable.deletingLastPathComponent().appendingPathComponent("insq").path)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("insq").path)
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug/insq").path)
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw SetupError("insq executable not found; looked at \(candidates)")
        }
        return found
    }

    /// The environment insq runs in: the test's own, with HOME in `home` and a UTF-8 locale.
    static func environment(home: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["LANG"] = "C.UTF-8"
        environment["TERM"] = "xterm"
        environment["SWIFT_BACKTRACE"] = "interactive=no"
        environment.removeValue(forKey: "LC_ALL")
        environment.removeValue(forKey: "LC_CTYPE")
        return environment
    }

    /// Runs insq with `arguments`, `input` on standard input (a pipe, so not a terminal), and returns what it
    /// printed. A run that does not end within `limit` seconds is killed and reported as an error.
    static func run(_ arguments: [String], input: String = "", directory: TemporaryDirectory,
                    limit: TimeInterval = 120) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binaryPath())
        process.arguments = arguments
        process.environment = environment(home: directory.path)
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        let outputPath = directory.path + "/.stdout"
        let errorsPath = directory.path + "/.stderr"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        let outputFile = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let errorsFile = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputFile
        process.standardError = errorsFile
        try process.run()
        inputPipe.fileHandleForWriting.write(Data(input.utf8))
        try inputPipe.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw SetupError("insq \(arguments) did not finish")
        }
        process.waitUntilExit()
        try outputFile.close()
        try errorsFile.close()
        return Run(output: try String(contentsOfFile: outputPath, encoding: .utf8),
                   errors: try String(contentsOfFile: errorsPath, encoding: .utf8),
                   exitCode: process.terminationStatus)
    }
}

/// A test could not be set up or its program did not behave well enough to check.
struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A fresh directory under the system's temporary directory, removed when the value is dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "insq-cli-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes a file in the directory and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func read(_ name: String) -> String? {
        try? String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
