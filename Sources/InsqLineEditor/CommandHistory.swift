import CLibEdit
import Glibc

/// Earlier entries, kept in libedit's history format in a file that is rewritten after each entry.
public final class CommandHistory {
    /// libedit's `History *`.
    let handle: OpaquePointer
    /// Where entries are saved; nil keeps them in memory only.
    public let path: String?

    /// Loads the file at `path` if it exists (a missing file is an empty history).
    public init?(path: String?, capacity: Int32 = 1000) {
        guard let handle = history_init() else { return nil }
        self.handle = handle
        self.path = path
        insq_history_setsize(handle, capacity)
        // Drops an entry only when it repeats the one just before it.
        insq_history_setunique(handle, 1)
        if let path { _ = insq_history_load(handle, path) }
    }

    deinit { history_end(handle) }

    /// Adds an entry and saves the file.
    public func add(_ entry: String) {
        insq_history_enter(handle, entry)
        save()
    }

    /// The entries, oldest first.
    public var entries: [String] {
        var result: [String] = []
        var entry = insq_history_oldest(handle)
        while let text = entry {
            result.append(String(cString: text))
            entry = insq_history_newer(handle)
        }
        return result
    }

    /// Writes the history to a temporary file and renames it over the old one, so that an interrupted save
    /// (the terminal closing sends SIGHUP) never leaves a truncated file. SIGHUP is ignored meanwhile.
    public func save() {
        guard let path else { return }
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var previous = sigaction()
        sigaction(SIGHUP, &ignore, &previous)
        defer { sigaction(SIGHUP, &previous, nil) }

        let temporary = "\(path).tmp.\(getpid())"
        if insq_history_save(handle, temporary) >= 0 {
            if rename(temporary, path) != 0 { unlink(temporary) }
        } else {
            unlink(temporary)
        }
    }
}
