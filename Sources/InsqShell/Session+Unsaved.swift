/// Leaving with unsaved work: the REPL asks, scripts warn.
extension Session {
    /// Tables and views changed since the last save that still exist (a scratch table created and dropped
    /// again holds nothing to lose), without repeats, in the order of their first change.
    public var unsavedTableNames: [String] {
        var seen = Set<String>()
        return unsavedChanges.filter {
            (catalog.table(named: $0) != nil || catalog.view(named: $0) != nil) && seen.insert($0.lowercased()).inserted
        }
    }

    /// The REPL's question before quitting, or nil when nothing is unsaved.
    public var unsavedQuitQuestion: String? {
        let names = unsavedTableNames
        return names.isEmpty ? nil : "Unsaved tables: \(names.joined(separator: ", ")). Quit anyway? (y/N) "
    }

    /// The warning a script ends with, or nil when nothing is unsaved.
    public var unsavedScriptWarning: String? {
        let names = unsavedTableNames
        guard !names.isEmpty else { return nil }
        return "warning: unsaved tables: \(names.joined(separator: ", ")) (use .save FILE to keep them)\n"
    }
}
