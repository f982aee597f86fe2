@testable import InsqData
import Testing

/// The validator's eight-bytes-at-a-time ASCII skip must find the same first bad byte as a byte-wise walk,
/// wherever the bad byte falls relative to an eight-byte step.
@Suite struct UTF8ValidationTests {
    /// The first offset at which Swift's own decoder stops accepting the bytes, or nil when all are valid.
    private func reference(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    @Test func agreesWithSwiftsDecoderAcrossEightByteSteps() {
        let bad: [[UInt8]] = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3]]
        let good: [[UInt8]] = [Array("é".utf8), Array("西宁".utf8), Array("Hà Tĩnh".utf8), Array("🙂".utf8)]
        for prefix in 0..<20 {
            for piece in bad + good {
                for suffix in [0, 1, 9] {
                    let bytes = Array(repeating: UInt8(ascii: "a"), count: prefix) + piece
                        + Array(repeating: UInt8(ascii: "b"), count: suffix)
                    let found = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) }
                    #expect(found == reference(bytes), "prefix \(prefix), piece \(piece), suffix \(suffix)")
                }
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } == nil)
    }
}
