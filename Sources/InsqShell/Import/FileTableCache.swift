import Glibc
import InsqData
import InsqQuery
import InsqStorage
import Synchronization

/// The tables that `FROM 'file.csv'` read lately, so that asking several questions of one file reads it once.
/// An entry is used only while the file keeps the size and modification time it had when read, so an edited
/// file is read again; only the latest few files are kept, since each may be large.
final class FileTableCache: Sendable {
    private struct Entry {
        let path: String
        let size: Int
        let modified: timespec
        let table: Table
    }

    private let entries = Mutex<[Entry]>([])
    /// How many files stay cached.
    let capacity: Int

    init(capacity: Int = 2) {
        self.capacity = capacity
    }

    /// A loader for the query engine that imports CSV files with type inference (a `.tsv` file is
    /// tab-separated; other delimiters are sniffed) and stops when `cancellation` is raised.
    func loader(cancellation: CancellationFlag) -> FileTableLoader {
        { [self] path in try self.table(at: path, cancellation: cancellation) }
    }

    private func table(at path: String, cancellation: CancellationFlag) throws -> Table {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw FileTableError(message: String(cString: strerror(errno)).lowercased())
        }
        let size = Int(info.st_size)
        let modified = info.st_mtim
        if let hit = entries.withLock({ $0.first { $0.path == path && $0.size == size && Self.same($0.modified, modified) } }) {
            return hit.table
        }
        let delimiter: UInt8? = path.lowercased().hasSuffix(".tsv") ? 0x09 : nil
        let options = CSVImportOptions(delimiter: delimiter, isCancelled: { cancellation.isCancelled })
        let table: Table
        defer { FreedMemory.release() }
        do {
            table = try CSVImporter.importFile(path: path, tableName: Self.baseName(path), options: options).table
        } catch where error.kind == .cancelled {
            throw QueryCancelled()
        } catch {
            throw FileTableError(message: "\(error)")
        }
        entries.withLock { list in
            list.removeAll { $0.path == path }
            list.append(Entry(path: path, size: size, modified: modified, table: table))
            if list.count > capacity { list.removeFirst(list.count - capacity) }
        }
        return table
    }

    private static func same(_ a: timespec, _ b: timespec) -> Bool { a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec }

    private static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// Why a file named in a query could not be read; the engine shows it under the file's name.
struct FileTableError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
