import InsqStorage
import InsqSyntax

extension Binder {
    /// How many views may stand inside each other; a longer chain is refused before the stack runs out.
    static let maximumViewDepth = 64

    /// The rows of a view, bound afresh from its text like a derived table. Any failure (a table it reads
    /// was dropped, its text no longer parses) becomes one error at the reference in the user's statement.
    func bindView(_ view: ViewDefinition, reference: Identifier) throws -> Relation {
        let key = view.name.lowercased()
        let location = viewReference ?? reference.range
        if expandingViews.contains(key) {
            throw Diagnostic(phase: .binder, message: "view \"\(view.name)\" refers to itself", range: location)
        }
        guard expandingViews.count < Binder.maximumViewDepth else {
            throw Diagnostic(phase: .binder,
                             message: "views nested too deeply (more than \(Binder.maximumViewDepth) levels)", range: location)
        }
        do {
            let text = SourceText(view.sql)
            guard case let .query(query) = try SQLParser.parseStatement(text) else {
                throw Diagnostic(phase: .binder, message: "its text is not a query", range: SourceRange(0, 0))
            }
            let inner = Binder(catalog: catalog, source: text, loadFile: loadFile, loadedFiles: loadedFiles,
                               expandingViews: expandingViews + [key], viewReference: location)
            return try inner.bind(query)
        } catch let failure as Diagnostic {
            throw Diagnostic(phase: .binder, message: "view \"\(view.name)\" cannot be used: \(failure.fullMessage)",
                             range: reference.range)
        }
    }
}
