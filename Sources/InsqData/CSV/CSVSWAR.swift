/// Byte scans and digit runs eight bytes at a time in a 64-bit word (SWAR), for the fast parser.
///
/// Words are read unaligned and little-endian, so byte k of the text is byte k of the word (bits 8k...8k+7).
enum CSVSWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func word(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// A byte's high bit set exactly where `w` has the byte repeated in `pattern`.
    @inline(__always)
    static func equalBytes(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = w ^ pattern
        return ~(((x & ~highs) &+ ~highs) | x) & highs
    }

    /// The run of ASCII digits at `p` (at most 16 are taken) and its value; 16 digits may be followed by more.
    ///
    /// Byte-by-byte digit loops mispredicted their exit on every field; here the run's length comes from the
    /// first non-digit byte of a word and its value from three multiplications.
    @inline(__always)
    static func digits(_ p: UnsafePointer<UInt8>) -> (count: Int, value: UInt64) {
        let (count, value) = eightDigits(p)
        guard count == 8 else { return (count, value) }
        let (more, low) = eightDigits(p + 8)
        var scale: UInt64 = 1
        for _ in 0..<more { scale &*= 10 }
        return (8 &+ more, value &* scale &+ low)
    }

    /// The run of up to eight ASCII digits at `p`, and its value.
    @inline(__always)
    static func eightDigits(_ p: UnsafePointer<UInt8>) -> (count: Int, value: UInt64) {
        let w = word(p)
        // A byte's high bit is set when it is below "0" (the subtraction wraps) or above "9" (the addition
        // reaches 0x80); a borrow or carry only reaches bytes after a non-digit, so the first one is exact.
        let nonDigit = ((w &+ 0x46 &* ones) | (w &- 0x30 &* ones)) & highs
        let count = nonDigit.trailingZeroBitCount &>> 3
        guard count > 0 else { return (0, 0) }
        // Digits moved to the top bytes, zeros below: the value of the run, as leading zeros do not count.
        var x = (w &- 0x30 &* ones) &<< UInt64(truncatingIfNeeded: (8 &- count) &* 8)
        x = ((x & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) &>> 8
        x = ((x & 0x00FF_00FF_00FF_00FF) &* 6_553_601) &>> 16
        x = ((x & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) &>> 32
        return (count, x)
    }
}
