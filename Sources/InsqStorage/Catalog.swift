/// A named query saved by `CREATE VIEW`. It is kept as SQL text, not as a plan, so that it is bound afresh
/// against the tables of the moment and can be written to a snapshot as it was typed.
public struct ViewDefinition: Hashable, Sendable {
    public let name: String
    /// The text of the view's query (what follows `AS`), without a trailing `;`.
    public let sql: String
    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}

/// The tables and views a session can query, looked up by name without regard to case; keeps insertion
/// order. Tables and views share one namespace: the engine refuses to create one under the other's name.
public struct Catalog: Sendable {
    public private(set) var tables: [Table] = []
    public private(set) var views: [ViewDefinition] = []

    public init(_ tables: [Table] = [], views: [ViewDefinition] = []) {
        for t in tables { add(t) }
        for v in views { add(v) }
    }

    public func table(named name: String) -> Table? {
        let key = name.lowercased()
        return tables.first { $0.name.lowercased() == key }
    }

    public func view(named name: String) -> ViewDefinition? {
        let key = name.lowercased()
        return views.first { $0.name.lowercased() == key }
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

    /// Adds a view, replacing one of the same name.
    public mutating func add(_ view: ViewDefinition) {
        let key = view.name.lowercased()
        if let i = views.firstIndex(where: { $0.name.lowercased() == key }) {
            views[i] = view
        } else {
            views.append(view)
        }
    }

    @discardableResult
    public mutating func remove(named name: String) -> Bool {
        let key = name.lowercased()
        guard let i = tables.firstIndex(where: { $0.name.lowercased() == key }) else { return false }
        tables.remove(at: i)
        return true
    }

    @discardableResult
    public mutating func removeView(named name: String) -> Bool {
        let key = name.lowercased()
        guard let i = views.firstIndex(where: { $0.name.lowercased() == key }) else { return false }
        views.remove(at: i)
        return true
    }

    public var tableNames: [String] { tables.map(\.name) }
    public var viewNames: [String] { views.map(\.name) }
}
