#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InsqStorage

/// One file written by `CSVWriter.writeTables`: where it is, its data rows and its size in bytes.
public struct CSVFileSummary: Sendable, Equatable {
    public let path: String
    public let rows: Int
    public let bytes: Int
}

extension CSVWriter {
    /// Writes each table to `directory/NAME.csv`, creating the directory and its parents when missing, so that
    /// a fresh output directory needs no separate step.
    public static func writeTables(_ tables: [Table], toDirectory directory: String) throws(CSVError) -> [CSVFileSummary] {
        try makeDirectories(directory)
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var written: [CSVFileSummary] = []
        for table in tables {
            let path = prefix + table.name + ".csv"
            try write(table, toFile: path)
            var info = stat()
            let size = stat(path, &info) == 0 ? Int(info.st_size) : 0
            written.append(CSVFileSummary(path: path, rows: table.rowCount, bytes: size))
        }
        return written
    }

    /// `mkdir -p`: each missing component in turn; one that exists as a directory is fine.
    static func makeDirectories(_ directory: String) throws(CSVError) {
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw CSVChunkSource.failure(prefix, "cannot create directory", errno)
            }
            var info = stat()
            guard stat(prefix, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw CSVChunkSource.failure(prefix, "cannot create directory", ENOTDIR)
            }
            prefix += "/"
        }
    }
}
