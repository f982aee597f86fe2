import CLibEdit
import Glibc
import InsqShell

/// A `LineReader` on a terminal, built on libedit's native API: emacs key bindings, history kept in a file,
/// Tab completion, and UTF-8 input.
///
/// Ctrl-C is read as a key ("key mode": the terminal's ISIG is off while a line is edited): it ends the
/// line with `^C` on screen and `readLine` reports `.interrupted`. Ctrl-D on an empty line ends the input.
/// Use one reader from one thread.
public final class LibEditLineReader: LineReader {
    /// libedit's `EditLine *`.
    private let editLine: OpaquePointer
    private let history: CommandHistory
    /// The prompt libedit draws, owned by this object (`strdup`).
    private var promptText: UnsafeMutablePointer<CChar>?
    /// Set by the Ctrl-C key binding while `el_gets` runs.
    private var wasInterrupted = false
    private let complete: (String) -> CompletionResult

    /// `$HOME/.insq_history`, or nil when HOME is not set.
    public static var defaultHistoryPath: String? {
        guard let home = getenv("HOME"), home.pointee != 0 else { return nil }
        var path = String(cString: home)
        if !path.hasSuffix("/") { path += "/" }
        return path + ".insq_history"
    }

    /// Sets up libedit on standard input and output; nil when libedit cannot start.
    /// - Parameters:
    ///   - historyPath: the history file, loaded now and rewritten after each entry.
    ///   - complete: completion candidates for the text before the cursor.
    public init?(historyPath: String?, complete: @escaping (String) -> CompletionResult) {
        Self.prepareLocale()
        guard let history = CommandHistory(path: historyPath) else { return nil }
        guard let editLine = el_init("insq", insq_stdin(), insq_stdout(), insq_stderr()) else { return nil }
        self.editLine = editLine
        self.history = history
        self.complete = complete
        configure()
    }

    deinit {
        el_end(editLine)
        free(promptText)
    }

    /// libedit drops every non-ASCII character unless LC_CTYPE names a UTF-8 locale, and the Swift runtime
    /// does not call setlocale. Only LC_CTYPE is set: LC_NUMERIC would change how C formats numbers.
    private static func prepareLocale() {
        let name = setlocale(LC_CTYPE, "").map { String(cString: $0) }
        if name == nil || name == "C" || name == "POSIX" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    private func configure() {
        insq_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        insq_el_set_prompt(editLine) { editLine in
            LibEditLineReader.reader(of: editLine)?.promptText
        }
        insq_el_set_editor(editLine, "emacs")
        // Restores the terminal before libedit passes a signal on, so a kill never leaves it raw.
        insq_el_set_signal(editLine, 1)
        // Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys while editing; cooked mode keeps ISIG for running queries.
        insq_el_setty(editLine, "-d", "-isig")
        insq_el_set_history(editLine, history.handle)

        insq_el_addfn(editLine, "insq-complete", "Complete the word before the cursor") { editLine, _ in
            guard let editLine, let reader = LibEditLineReader.reader(of: editLine) else { return UInt8(CC_ERROR) }
            return reader.completeWord()
        }
        insq_el_addfn(editLine, "insq-interrupt", "Discard the line (Ctrl-C)") { editLine, _ in
            guard let editLine, let reader = LibEditLineReader.reader(of: editLine) else { return UInt8(CC_ERROR) }
            reader.wasInterrupted = true
            el_cursor(editLine, 1 << 20)
            el_insertstr(editLine, "^C")
            el_push(editLine, "\n")
            return UInt8(CC_REFRESH)
        }
        insq_el_addfn(editLine, "insq-suspend", "Suspend insq (Ctrl-Z)") { _, _ in
            raise(SIGTSTP)
            return UInt8(CC_REFRESH)
        }
        insq_el_bind(editLine, "^I", "insq-complete")
        insq_el_bind(editLine, "^C", "insq-interrupt")
        insq_el_bind(editLine, "^Z", "insq-suspend")
        insq_el_bind(editLine, "^R", "em-inc-search-prev")
        // The user's ~/.editrc, if any, may change bindings; a missing file is silent.
        el_source(editLine, nil)
    }

    private static func reader(of editLine: OpaquePointer?) -> LibEditLineReader? {
        guard let editLine, let data = insq_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<LibEditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    public func readLine(prompt: String) -> LineReadResult {
        free(promptText)
        promptText = strdup(prompt)
        wasInterrupted = false
        var count: Int32 = 0
        guard let line = el_gets(editLine, &count) else {
            if count == -1 && errno == EINTR { return .interrupted }
            // Ctrl-D on an empty line, or the terminal is gone: end on a fresh line.
            writeToTerminal("\n")
            return .endOfInput
        }
        // libedit reuses its buffer, so copy at once.
        var text = String(cString: line)
        if wasInterrupted { return .interrupted }
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    public func addHistory(_ entry: String) {
        history.add(entry)
    }

    /// Completes the word before the cursor: inserts the rest of a single candidate (and a blank) or of the
    /// candidates' common start, or lists the candidates under the line.
    private func completeWord() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let buffer = info.buffer, let cursor = info.cursor else {
            return UInt8(CC_ERROR)
        }
        let length = max(0, buffer.distance(to: cursor))
        let before = UnsafeRawBufferPointer(start: UnsafeRawPointer(buffer), count: length)
        let result = complete(String(decoding: before, as: UTF8.self))
        let typed = result.word.count
        switch result.candidates.count {
        case 0:
            return UInt8(CC_REFRESH_BEEP)
        case 1:
            el_insertstr(editLine, String(result.candidates[0].dropFirst(typed)) + " ")
            return UInt8(CC_REFRESH)
        default:
            let common = result.commonPrefix
            if common.count > typed {
                el_insertstr(editLine, String(common.dropFirst(typed)))
                return UInt8(CC_REFRESH)
            }
            let width = Int(insq_el_columns(editLine))
            writeToTerminal("\n" + result.listing(width: width > 0 ? width : 80))
            return UInt8(CC_REDISPLAY)
        }
    }

    private func writeToTerminal(_ text: String) {
        let file = insq_el_output_file(editLine) ?? insq_stdout()
        fputs(text, file)
        fflush(file)
    }
}
