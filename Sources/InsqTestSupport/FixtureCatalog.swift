import Foundation
import InsqData
import InsqQuery
import InsqStorage

/// The fixture tables of `Tests/Fixtures/*.csv`, loaded once per test process with the shell's CSV loader.
public enum FixtureCatalog {
    /// The three built-in tables read from the fixture CSVs.
    public static func load() throws(FixtureError) -> Catalog {
        try cached.get()
    }

    /// Reads `FROM 'file.csv'` in `.test` files: a CSV file of the fixture folder, types inferred as `.import`
    /// does. Messages leave the folder out, so that recorded diagnostics do not depend on where the package is.
    public static let loadFile: FileTableLoader = { path in
        let url = TestPaths.fixtures.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw FixtureError("no such file") }
        let name = url.deletingPathExtension().lastPathComponent
        do {
            return try CSVImporter.importFile(path: url.path, tableName: name).table
        } catch let failure as CSVError {
            throw FixtureError((failure.line.map { "line \($0): " } ?? "") + failure.message)
        }
    }

    private static let cached: Result<Catalog, FixtureError> = {
        do {
            return .success(try CSVTableLoader.loadBuiltinFixtures(directory: TestPaths.fixtures.path))
        } catch {
            return .failure(FixtureError("cannot load the fixtures: \(error)"))
        }
    }()
}

/// The fixture files could not be loaded; the message names the file and line at fault.
public struct FixtureError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
