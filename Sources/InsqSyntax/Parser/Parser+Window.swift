/// The window of a window function: `OVER (PARTITION BY ... ORDER BY ...)`.
extension Parser {
    /// Only the default frame exists: ROWS and RANGE frames are refused.
    ///
    /// ```
    /// window_specification = "(" [ "PARTITION" "BY" expression { "," expression } ] [ order_by_clause ] ")" ;
    /// ```
    mutating func parseWindowSpecification() throws(Diagnostic) -> Parsed<WindowSpecification> {
        let start = try expect(.leftParen).range.start
        var partitionBy: [Expression] = []
        var height = 1
        if eat(.partition, noting: "PARTITION BY") != nil {
            _ = try expect(.by)
            var mark = -1
            repeat {
                try ensureProgress(&mark)
                let key = try parseExpression()
                partitionBy.append(key.expression)
                height = max(height, key.height + 1)
            } while eat(.comma) != nil
        }
        let orderBy = try parseOrderByClause()
        if at(.rows) || at(.range) {
            throw notSupportedYet(DiagnosticMessages.Feature.windowFrame)
        }
        _ = try expect(.rightParen)
        if let orderBy { height = max(height, orderBy.height + 1) }
        return Parsed(WindowSpecification(partitionBy: partitionBy, orderBy: orderBy?.node ?? [],
                                          range: SourceRange(start, previousEnd)),
                      height: height)
    }
}
