/// What CREATE does when the name is already taken by an object of the same kind.
public enum CreateMode: Hashable, Sendable {
    /// Plain CREATE: an existing object is an error.
    case failIfExists
    /// `IF NOT EXISTS`: the existing object stays and nothing happens.
    case skipIfExists
    /// `OR REPLACE` (DuckDB, PostgreSQL for views): the existing object is replaced.
    case replace
}

/// `CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name (AS query | (column definitions))`.
public struct CreateTableStatement: Hashable, Sendable {
    public var name: Identifier
    public var mode: CreateMode
    public var contents: TableContents
    public var range: SourceRange
    public init(name: Identifier, mode: CreateMode, contents: TableContents, range: SourceRange) {
        self.name = name
        self.mode = mode
        self.contents = contents
        self.range = range
    }
}

/// What a new table starts with: no rows under declared columns, or the rows of a query.
public enum TableContents: Hashable, Sendable {
    case columns([ColumnDefinition])
    case query(Query)
}

/// `name type [NOT NULL | NULL]` in CREATE TABLE.
public struct ColumnDefinition: Hashable, Sendable {
    public var name: Identifier
    public var type: TypeName
    public var isNotNull: Bool
    public var range: SourceRange
    public init(name: Identifier, type: TypeName, isNotNull: Bool, range: SourceRange) {
        self.name = name
        self.type = type
        self.isNotNull = isNotNull
        self.range = range
    }
}

/// `CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name AS query`; the view keeps the query's text.
public struct CreateViewStatement: Hashable, Sendable {
    public var name: Identifier
    public var mode: CreateMode
    public var query: Query
    public var range: SourceRange
    public init(name: Identifier, mode: CreateMode, query: Query, range: SourceRange) {
        self.name = name
        self.mode = mode
        self.query = query
        self.range = range
    }
}

/// `INSERT INTO name [(columns)] (VALUES rows | query)`.
public struct InsertStatement: Hashable, Sendable {
    public var table: Identifier
    /// The listed target columns; empty when none are listed (then every column, in table order).
    public var columns: [Identifier]
    public var source: InsertSource
    public var range: SourceRange
    public init(table: Identifier, columns: [Identifier], source: InsertSource, range: SourceRange) {
        self.table = table
        self.columns = columns
        self.source = source
        self.range = range
    }
}

/// Where the rows of an INSERT come from.
public enum InsertSource: Hashable, Sendable {
    case values([ValuesRow])
    case query(Query)
}

/// `(expr, ...)`: one row of a VALUES clause; `range` covers the parentheses.
public struct ValuesRow: Hashable, Sendable {
    public var values: [Expression]
    public var range: SourceRange
    public init(values: [Expression], range: SourceRange) {
        self.values = values
        self.range = range
    }
}

/// The kinds of object a catalog holds by name.
public enum CatalogObjectKind: String, Hashable, Sendable {
    case table
    case view
}

/// `DROP (TABLE | VIEW) [IF EXISTS] name`.
public struct DropStatement: Hashable, Sendable {
    public var kind: CatalogObjectKind
    public var name: Identifier
    public var ifExists: Bool
    public var range: SourceRange
    public init(kind: CatalogObjectKind, name: Identifier, ifExists: Bool, range: SourceRange) {
        self.kind = kind
        self.name = name
        self.ifExists = ifExists
        self.range = range
    }
}

/// `COPY (query | name) TO 'path' [[WITH] (options)]`.
public struct CopyStatement: Hashable, Sendable {
    public var source: CopySource
    public var path: String
    /// The string literal holding the path.
    public var pathRange: SourceRange
    public var options: [CopyOption]
    public var range: SourceRange
    public init(source: CopySource, path: String, pathRange: SourceRange, options: [CopyOption], range: SourceRange) {
        self.source = source
        self.path = path
        self.pathRange = pathRange
        self.options = options
        self.range = range
    }
}

/// What COPY writes: a table (or view) by name, or the rows of a query.
public enum CopySource: Hashable, Sendable {
    case table(Identifier)
    case query(Query)
}

/// `name [value]` in COPY's option list; the engine decides which names and values mean something.
public struct CopyOption: Hashable, Sendable {
    public var name: Identifier
    public var value: CopyOptionValue?
    public var range: SourceRange
    public init(name: Identifier, value: CopyOptionValue?, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// The value of a COPY option: a literal (`','`, `false`, `1`) or a bare word (`FORMAT csv`).
public enum CopyOptionValue: Hashable, Sendable {
    case literal(Literal, SourceRange)
    case name(Identifier)

    public var range: SourceRange {
        switch self {
        case let .literal(_, range): return range
        case let .name(name): return name.range
        }
    }
}
