/// The tables a session can query, looked up by name without regard to case; keeps insertion order.
public struct Catalog: Sendable {
    public private(set) var tables: [Table] = []

    public init(_ tables: [Table] = []) {
        for t in tables { add(t) }
    }

    public func table(named name: String) -> Table? {
        let key = name.lowercased()
        return tables.first { $0.name.lowercased() == key }
    }

    /// Adds a table, replacing one of the same name.
    public mutating func add(_ table: Table) {
        let key = table.name.lowercased()
        if let i = tables.firstIndex(where: { $0.name.lowercased() == key }) {
            tables[i] = table
        } else {
            tables.append(table)
        }
    }

    @discardableResult
    public mutating func remove(named name: String) -> Bool {
        let key = name.lowercased()
        guard let i = tables.firstIndex(where: { $0.name.lowercased() == key }) else { return false }
        tables.remove(at: i)
        return true
    }

    public var tableNames: [String] { tables.map(\.name) }
}
