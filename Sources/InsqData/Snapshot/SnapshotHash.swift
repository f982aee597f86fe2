/// insq's own 64-bit block checksum: four multiply-rotate lanes over 32-byte stripes, fed in pieces.
///
/// The same bytes give the same value however they are split between `update` calls, so the writer and
/// the reader may feed a block in different pieces (header, bitmap, values). Not cryptographic: it finds
/// torn writes, truncation and flipped bits, not deliberate tampering.
struct SnapshotHash {
    private static let k1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let k2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let k3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let k4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let k5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var lane0: UInt64
    private var lane1: UInt64
    private var lane2: UInt64
    private var lane3: UInt64
    /// Bytes fed so far.
    private var total: UInt64 = 0
    /// Up to 31 bytes that do not yet fill a stripe.
    private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var pendingCount = 0

    init(seed: UInt64 = 0x696E_7371_736E_6170) {
        lane0 = seed &+ Self.k1 &+ Self.k2
        lane1 = seed &+ Self.k2
        lane2 = seed
        lane3 = seed &- Self.k1
    }

    @inline(__always) private static func mixLane(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let v = lane &+ word &* k2
        return ((v << 31) | (v >> 33)) &* k1
    }

    @inline(__always) private mutating func stripe(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) {
        lane0 = Self.mixLane(lane0, a)
        lane1 = Self.mixLane(lane1, b)
        lane2 = Self.mixLane(lane2, c)
        lane3 = Self.mixLane(lane3, d)
    }

    /// Feeds bytes.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var offset = 0
        let count = bytes.count
        total &+= UInt64(count)
        if pendingCount > 0 {
            let take = min(32 - pendingCount, count)
            let at = pendingCount
            withUnsafeMutableBytes(of: &pending) { p in
                p.baseAddress.unsafelyUnwrapped.advanced(by: at).copyMemory(from: base, byteCount: take)
            }
            pendingCount += take
            offset = take
            guard pendingCount == 32 else { return }
            stripe(UInt64(littleEndian: pending.0), UInt64(littleEndian: pending.1),
                   UInt64(littleEndian: pending.2), UInt64(littleEndian: pending.3))
            pendingCount = 0
        }
        var a = lane0, b = lane1, c = lane2, d = lane3
        while count - offset >= 32 {
            let p = base + offset
            a = Self.mixLane(a, UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)))
            b = Self.mixLane(b, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
            c = Self.mixLane(c, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
            d = Self.mixLane(d, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
            offset += 32
        }
        lane0 = a; lane1 = b; lane2 = c; lane3 = d
        let rest = count - offset
        if rest > 0 {
            pending = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &pending) { p in
                p.baseAddress.unsafelyUnwrapped.copyMemory(from: base + offset, byteCount: rest)
            }
            pendingCount = rest
        }
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The checksum of everything fed so far.
    func finalize() -> UInt64 {
        var h: UInt64
        if total >= 32 {
            h = ((lane0 << 1) | (lane0 >> 63)) &+ ((lane1 << 7) | (lane1 >> 57))
                &+ ((lane2 << 12) | (lane2 >> 52)) &+ ((lane3 << 18) | (lane3 >> 46))
            for lane in [lane0, lane1, lane2, lane3] {
                h = (h ^ Self.mixLane(0, lane)) &* Self.k1 &+ Self.k4
            }
        } else {
            h = lane2 &+ Self.k5
        }
        h &+= total
        var tail = pending
        let tailCount = pendingCount
        withUnsafeBytes(of: &tail) { p in
            var i = 0
            while i + 8 <= tailCount {
                let w = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                h ^= Self.mixLane(0, w)
                h = ((h << 27) | (h >> 37)) &* Self.k1 &+ Self.k4
                i += 8
            }
            while i < tailCount {
                h ^= UInt64(p[i]) &* Self.k5
                h = ((h << 11) | (h >> 53)) &* Self.k1
                i += 1
            }
        }
        h ^= h >> 33
        h &*= Self.k2
        h ^= h >> 29
        h &*= Self.k3
        h ^= h >> 32
        return h
    }

    /// The checksum of one buffer.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = SnapshotHash()
        hash.update(bytes)
        return hash.finalize()
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }
}
