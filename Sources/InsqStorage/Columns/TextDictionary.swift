/// The distinct strings of a text column; rows store UInt32 codes into `strings`.
public final class TextDictionary: Sendable {
    public let strings: [String]
    private let codes: [String: UInt32]

    /// An empty list becomes one empty string, so code 0 (used under NULL rows) is always readable.
    public init(_ strings: [String]) {
        let strings = strings.isEmpty ? [""] : strings
        self.strings = strings
        var codes = [String: UInt32](minimumCapacity: strings.count)
        for (i, s) in strings.enumerated() where codes[s] == nil { codes[s] = UInt32(i) }
        self.codes = codes
    }

    public var count: Int { strings.count }

    /// The code of a string, or nil when no row holds it.
    public func code(of s: String) -> UInt32? { codes[s] }

    /// Bytes held by the dictionary's text (for memory reports).
    public var textBytes: Int { strings.reduce(0) { $0 + $1.utf8.count } }
}

/// Builds a dictionary by interning strings in first-seen order.
public struct TextDictionaryBuilder: Sendable {
    public private(set) var strings: [String] = []
    private var codes: [String: UInt32] = [:]

    public init() {}

    /// Pre-seeds the dictionary so that `strings[i]` gets code i.
    public init(_ initial: [String]) {
        for s in initial { _ = intern(s) }
    }

    public mutating func intern(_ s: String) -> UInt32 {
        if let c = codes[s] { return c }
        let c = UInt32(strings.count)
        strings.append(s)
        codes[s] = c
        return c
    }

    public func build() -> TextDictionary { TextDictionary(strings) }
}
