import InsqData
import InsqStorage

/// The fixture tables of `Tests/Fixtures/*.csv`, loaded once per test process with the shell's CSV loader.
public enum FixtureCatalog {
    /// The three built-in tables read from the fixture CSVs.
    public static func load() throws(FixtureError) -> Catalog {
        try cached.get()
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
