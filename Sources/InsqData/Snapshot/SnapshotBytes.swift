/// Little-endian encoding of the small, fixed parts of a snapshot (header, directory, block headers).
extension Array where Element == UInt8 {
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    /// A 32-bit byte length followed by the UTF-8 bytes.
    mutating func appendString(_ s: String) {
        appendLE(UInt32(truncatingIfNeeded: s.utf8.count))
        append(contentsOf: s.utf8)
    }

    /// Zero bytes up to the next multiple of 8.
    mutating func padToEight() {
        append(contentsOf: repeatElement(0, count: SnapshotLayout.padded(count) - count))
    }
}

/// Reads little-endian values from a byte array, never past its end: running out throws `failure()`.
struct ByteCursor {
    let bytes: [UInt8]
    private(set) var offset = 0
    private let failure: () -> SnapshotError

    init(_ bytes: [UInt8], failure: @escaping () -> SnapshotError) {
        self.bytes = bytes
        self.failure = failure
    }

    var remaining: Int { bytes.count - offset }

    mutating func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw failure() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        offset += size
        return T(littleEndian: value)
    }

    /// A length-prefixed UTF-8 string; invalid UTF-8 is refused.
    mutating func readString() throws -> String {
        let length = Int(try read(UInt32.self))
        guard remaining >= length else { throw failure() }
        let text = String(validating: bytes[offset..<offset + length], as: UTF8.self)
        guard let text else { throw failure() }
        offset += length
        return text
    }

    mutating func skip(_ count: Int) throws {
        guard count >= 0, remaining >= count else { throw failure() }
        offset += count
    }
}
