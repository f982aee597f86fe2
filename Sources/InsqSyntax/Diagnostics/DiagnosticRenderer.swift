/// Turns a diagnostic into the text a user sees: a header line, the source line and carets.
public enum DiagnosticRenderer {
    /// Three lines, without a final line break:
    /// ```
    /// Parser error at 1:8: unexpected keyword FROM; expected an expression
    ///   SELECT FROM persons;
    ///          ^^^^
    /// ```
    /// The header is `<phase> error at line:column: <message>` with the expected set folded in; then the line
    /// holding the start of the range, indented by two spaces; then carets under the part of the range on that
    /// line (at least one: an empty range at the end of input gets a caret just past the last token).
    /// Carets are placed by terminal cells, so wide CJK text before them keeps them aligned; tabs and other
    /// control characters are echoed as one space each.
    /// `lineOffset` is added to line numbers (a statement that starts on line 12 of a file passes 11).
    public static func render(_ diagnostic: Diagnostic, source: SourceText, lineOffset: Int = 0) -> String {
        let bytes = source.bytes
        let start = max(0, min(diagnostic.range.start, bytes.count))
        let end = max(start, min(diagnostic.range.end, bytes.count))
        let location = source.location(of: start)
        let header = "\(diagnostic.phase.rawValue) error at \(location.line + lineOffset):\(location.column): "
            + diagnostic.fullMessage

        let lineIndex = source.lineIndex(of: start)
        let lineStart = source.lineStarts[lineIndex]
        var lineEnd = lineIndex + 1 < source.lineStarts.count ? source.lineStarts[lineIndex + 1] - 1 : bytes.count
        if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let markedEnd = min(end, max(lineEnd, start))

        let echoed = visible(bytes[lineStart..<max(lineStart, lineEnd)])
        let before = visible(bytes[lineStart..<start])
        let marked = visible(bytes[start..<markedEnd])
        let indent = String(repeating: " ", count: DisplayWidth.of(before))
        let carets = String(repeating: "^", count: max(1, DisplayWidth.of(marked)))
        return header + "\n  " + trimmingTrailingSpaces(echoed) + "\n  " + indent + carets
    }

    /// The text of some bytes as a terminal shows it, with each control character replaced by a space.
    private static func visible(_ bytes: ArraySlice<UInt8>) -> String {
        var text = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let value = scalar.value
            let isControl = value < 0x20 || (value >= 0x7F && value < 0xA0)
            text.unicodeScalars.append(isControl ? " " : scalar)
        }
        return text
    }

    private static func trimmingTrailingSpaces(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
