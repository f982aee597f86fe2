import InsqQuery
import InsqStorage
import InsqSyntax

/// What Tab can insert at the cursor.
public struct CompletionResult: Hashable, Sendable {
    /// The partial word just before the cursor that the candidates complete.
    public var word: String
    /// Full words that start with `word` (ignoring case), sorted and without duplicates.
    public var candidates: [String]

    public init(word: String, candidates: [String]) {
        self.word = word
        self.candidates = candidates
    }

    /// The longest start all candidates share (ignoring case), spelt as in the first candidate;
    /// never shorter than `word`. Inserting what follows `word` in it is always safe.
    public var commonPrefix: String {
        guard var prefix = candidates.first.map(Array.init) else { return word }
        for candidate in candidates.dropFirst() {
            let other = Array(candidate)
            var length = 0
            while length < prefix.count && length < other.count
                    && prefix[length].lowercased() == other[length].lowercased() {
                length += 1
            }
            prefix.removeSubrange(length...)
        }
        return prefix.count >= word.count ? String(prefix) : word
    }

    /// The candidates in columns that fit in `width` terminal cells, ordered down each column as `ls` does;
    /// every line ends with a line break.
    public func listing(width: Int) -> String {
        guard !candidates.isEmpty else { return "" }
        let cellWidths = candidates.map(DisplayWidth.of)
        let columnWidth = (cellWidths.max() ?? 0) + 2
        let columns = max(1, min(candidates.count, width / columnWidth))
        let rows = (candidates.count + columns - 1) / columns
        var text = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < candidates.count else { break }
                if !line.isEmpty {
                    let previous = (column - 1) * rows + row
                    line += String(repeating: " ", count: columnWidth - cellWidths[previous])
                }
                line += candidates[index]
            }
            text += line + "\n"
        }
        return text
    }
}

/// Tab-completion candidates — keywords, table and column names, function names, meta-commands and their
/// arguments — computed from the text before the cursor. Pure logic: the line editor only inserts the result.
public struct Completion: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Candidates for the word that ends at the end of `textBeforeCursor`.
    public func complete(_ textBeforeCursor: String) -> CompletionResult {
        let line = StatementSplitter.lines(of: textBeforeCursor).last ?? ""
        if line.drop(while: { $0 == " " || $0 == "\t" }).first == "." && !textBeforeCursor.contains("\n") {
            return completeMetaCommand(line)
        }
        return completeSQL(textBeforeCursor)
    }

    // MARK: - Meta-commands

    private func completeMetaCommand(_ line: String) -> CompletionResult {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let endsWithBlank = line.last == " " || line.last == "\t"
        if words.count <= 1 && !endsWithBlank {
            let word = words.first ?? ""
            return result(word: word, from: MetaCommand.allNames)
        }
        let word = endsWithBlank ? "" : (words.last ?? "")
        let argumentIndex = words.count - (endsWithBlank ? 1 : 2)
        let command = MetaCommand.named(String(words[0].dropFirst()))
        if command?.name == "import" && word.hasPrefix("-") {
            return result(word: word, from: Self.importOptions)
        }
        guard argumentIndex == 0, let command else {
            return CompletionResult(word: word, candidates: [])
        }
        switch command.name {
        case "schema": return result(word: word, from: catalog.tableNames)
        case "mode": return result(word: word, from: OutputMode.allCases.map(\.rawValue))
        case "timer": return result(word: word, from: ["on", "off"])
        default: return CompletionResult(word: word, candidates: [])
        }
    }

    /// The options of `.import`, offered after a `-`.
    static let importOptions = ["--types", "--skip-bad-rows", "--delimiter"]

    // MARK: - SQL

    private func completeSQL(_ text: String) -> CompletionResult {
        let scanned = SQLWords(text)
        guard !scanned.isInsideQuotesOrComment else { return CompletionResult(word: "", candidates: []) }
        let word = scanned.partialWord
        if let qualifier = scanned.qualifier {
            let aliases = scanned.tableAliases(tables: catalog.tableNames)
            let tableName = aliases[qualifier.lowercased()] ?? qualifier
            let columns = catalog.table(named: tableName)?.schema.map(\.name) ?? []
            return result(word: word, from: columns)
        }
        if let previous = scanned.previousWord?.uppercased(), Self.tableContextKeywords.contains(previous) {
            return result(word: word, from: catalog.tableNames)
        }
        let mentioned = catalog.tables.filter { table in
            scanned.words.contains { $0.lowercased() == table.name.lowercased() }
        }
        let columnSources = mentioned.isEmpty ? catalog.tables : mentioned
        let columns = columnSources.flatMap { $0.schema.map(\.name) }
        let isLowercase = word.contains(where: \.isLowercase) && !word.contains(where: \.isUppercase)
        let keywords = Self.keywords.map { isLowercase ? $0.lowercased() : $0 }
        return result(word: word, from: columns + catalog.tableNames + Self.functions + keywords)
    }

    /// Keywords after which only a table name fits.
    static let tableContextKeywords: Set<String> = ["FROM", "JOIN"]

    /// Keywords offered for completion: the grammar's keywords and the type names.
    public static let keywords: [String] = {
        let typeNames = ["BIGINT", "BOOLEAN", "DECIMAL", "DOUBLE", "INTEGER", "TEXT"]
        return Array(Set(Keyword.allCases.map(\.rawValue) + typeNames)).sorted()
    }()

    /// Function names offered for completion, from the engine's registry.
    public static let functions: [String] = QueryEngine.functionNames

    private func result(word: String, from names: [String]) -> CompletionResult {
        let key = word.lowercased()
        var seen = Set<String>()
        var matches: [String] = []
        for name in names where name.lowercased().hasPrefix(key) && seen.insert(name.lowercased()).inserted {
            matches.append(name)
        }
        matches.sort { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        return CompletionResult(word: word, candidates: matches)
    }
}

/// The words of SQL text up to the cursor, as far as completion needs them.
private struct SQLWords {
    /// Identifier-like words outside quotes and comments, in order (the partial word last, if any).
    private(set) var words: [String] = []
    /// The identifier characters just before the cursor (possibly empty).
    private(set) var partialWord = ""
    /// The word before `partialWord` when the two are joined by a dot: `p` in `p.na`.
    private(set) var qualifier: String?
    /// The last complete word before `partialWord`.
    private(set) var previousWord: String?
    private(set) var isInsideQuotesOrComment = false

    init(_ text: String) {
        let characters = Array(text)
        var index = 0
        var current = ""
        var lastWordEnd = -1
        var currentStart = 0
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        func endWord() {
            if !current.isEmpty { words.append(current); lastWordEnd = index }
            current = ""
        }
        while index < characters.count {
            let c = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if c == "'" || c == "\"" {
                endWord()
                if let close = characters[(index + 1)...].firstIndex(of: c) {
                    index = close + 1
                    continue
                }
                isInsideQuotesOrComment = true
                return
            } else if c == "-" && next == "-" {
                endWord()
                guard let end = characters[index...].firstIndex(of: "\n") else {
                    isInsideQuotesOrComment = true
                    return
                }
                index = end
            } else if c == "/" && next == "*" {
                endWord()
                var close = index + 2
                while close + 1 < characters.count && !(characters[close] == "*" && characters[close + 1] == "/") {
                    close += 1
                }
                guard close + 1 < characters.count else {
                    isInsideQuotesOrComment = true
                    return
                }
                index = close + 2
                continue
            } else if isWordCharacter(c) {
                if current.isEmpty { currentStart = index }
                current.append(c)
            } else {
                endWord()
            }
            index += 1
        }
        // The partial word is the word still open at the end, and only if it touches the cursor.
        if !current.isEmpty {
            partialWord = current
            if currentStart > 0 && characters[currentStart - 1] == ".", let last = words.last,
               lastWordEnd == currentStart - 1 {
                qualifier = last
            }
            previousWord = words.last
            words.append(current)
        } else {
            if let last = characters.last, last == ".", let word = words.last, lastWordEnd == characters.count - 1 {
                qualifier = word
            }
            previousWord = words.last
        }
    }

    /// Alias (lowercased) to table name, from `table alias` and `table AS alias` in the text.
    func tableAliases(tables: [String]) -> [String: String] {
        let tableKeys = Set(tables.map { $0.lowercased() })
        var aliases: [String: String] = [:]
        for (index, word) in words.enumerated() where tableKeys.contains(word.lowercased()) {
            var aliasIndex = index + 1
            if aliasIndex < words.count && words[aliasIndex].uppercased() == "AS" { aliasIndex += 1 }
            guard aliasIndex < words.count else { continue }
            let alias = words[aliasIndex]
            if !Completion.keywords.contains(alias.uppercased()) { aliases[alias.lowercased()] = word }
        }
        return aliases
    }
}
