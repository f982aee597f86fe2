import Foundation

/// Drives insq on a pseudo-terminal through Python's standard `pty` module, as a person at a keyboard would:
/// it sends keys, waits until expected text appears in what insq prints, and reports the exit code.
///
/// Keys go in one write each, and only while the line editor is reading (the terminal in raw mode).
/// Expectations should match insq's output rather than the echo of typed text, because libedit redraws
/// lines with cursor escapes.
struct PseudoTerminal {
    /// One step of a session.
    enum Step: Encodable {
        /// Type these bytes (`"\r"` is Enter, `"\u{1B}[A"` Up, `"\t"` Tab, `"\u{03}"` Ctrl-C, `"\u{04}"` Ctrl-D).
        case send(String)
        /// Press Ctrl-C once the line editor has handed the line over and the terminal is back in cooked mode,
        /// that is while the statement runs: the terminal turns it into SIGINT.
        case interruptRunningStatement
        /// Wait until this text appears after the previous match; fail if it does not.
        case expect(String)
        /// Wait for insq to exit.
        case exit

        private enum Key: String, CodingKey { case send, cooked, expect, exit, timeout }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            switch self {
            case let .send(text): try container.encode(text, forKey: .send)
            case .interruptRunningStatement:
                try container.encode("\u{03}", forKey: .send)
                try container.encode(true, forKey: .cooked)
            case let .expect(text): try container.encode(text, forKey: .expect)
            case .exit: try container.encode(true, forKey: .exit)
            }
            // Generous, so that a loaded machine does not fail the test; a healthy run takes far less.
            try container.encode(60, forKey: .timeout)
        }
    }

    /// What the session produced.
    struct Outcome: Decodable {
        /// Everything insq wrote to the terminal, escapes included.
        var output: String
        /// Why the session stopped early, if it did: an expectation not met or no exit.
        var failure: String?
        var exitCode: Int32?
    }

    private struct Request: Encodable {
        var argv: [String]
        var env: [String: String]
        var cwd: String
        var steps: [Step]
    }

    /// Runs insq with `arguments` on a new pseudo-terminal (80 columns, 30 lines) in its own session.
    static func run(_ arguments: [String], steps: [Step], directory: TemporaryDirectory) throws -> Outcome {
        let request = Request(argv: [try InsqProcess.binaryPath()] + arguments,
                              env: InsqProcess.environment(home: directory.path), cwd: directory.path, steps: steps)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", driver]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(request))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SetupError("the pty driver (python3) failed with status \(process.terminationStatus)")
        }
        return try JSONDecoder().decode(Outcome.self, from: data)
    }

    /// The Python side: reads the request as JSON on stdin, writes the outcome as JSON on stdout.
    private static let driver = #"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

request = json.load(sys.stdin)
pid, fd = pty.fork()
if pid == 0:
    try:
        os.chdir(request["cwd"])
        os.execve(request["argv"][0], request["argv"], request["env"])
    finally:
        os._exit(127)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 80, 0, 0))
received = bytearray()
cursor = 0
failure = None
code = None
closed = False

def pump(deadline):
    """Reads what is available before the deadline; False once the terminal is closed."""
    global closed
    if closed:
        return False
    ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
    if ready:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if not data:
            closed = True
            return False
        received.extend(data)
    return True

def is_cooked():
    try:
        return bool(termios.tcgetattr(fd)[3] & termios.ICANON)
    except termios.error:
        return True

for step in request["steps"]:
    deadline = time.monotonic() + step["timeout"]
    if "send" in step:
        # libedit draws the prompt before it switches the terminal to raw mode; keys sent in between would be
        # taken by the cooked line discipline (echoed, and Ctrl-D turned into an end-of-file marker). So wait
        # until the line editor is really reading: ICANON off on the terminal, which the master can see.
        # A "cooked" key waits for the opposite: the line was taken and a statement runs.
        wanted = bool(step.get("cooked"))
        while is_cooked() != wanted:
            if closed or time.monotonic() >= deadline:
                failure = "the terminal was not in %s mode when %r was to be sent" % (
                    "cooked" if wanted else "raw", step["send"])
                break
            pump(min(deadline, time.monotonic() + 0.005))
        if failure:
            break
        os.write(fd, step["send"].encode("utf-8"))
    elif "expect" in step:
        needle = step["expect"].encode("utf-8")
        while True:
            at = received.find(needle, cursor)
            if at >= 0:
                cursor = at + len(needle)
                break
            if time.monotonic() >= deadline or not pump(deadline):
                failure = "did not see %r" % step["expect"]
                break
    elif "exit" in step:
        while time.monotonic() < deadline and pump(deadline):
            pass
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                code = os.waitstatus_to_exitcode(status)
                break
            time.sleep(0.02)
        if code is None:
            failure = "insq did not exit"
    if failure:
        break

if code is None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
json.dump({"output": received.decode("utf-8", "replace"), "failure": failure, "exitCode": code}, sys.stdout)
"""#
}
