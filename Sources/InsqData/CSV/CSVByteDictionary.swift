/// Interns byte strings in first-seen order without making a String per value (open addressing on a hash).
struct CSVByteDictionary: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Entry `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
    private(set) var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 256)

    var count: Int { offsets.count - 1 }

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<count { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The code of the bytes `p[0..<count]`, adding them when new.
    mutating func intern(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt32 {
        let h = Self.hash(p, count)
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { slotBuffer in
            bytes.withUnsafeBufferPointer { text in
                offsets.withUnsafeBufferPointer { offs in
                    hashes.withUnsafeBufferPointer { hs in
                        while true {
                            let entry = slotBuffer[slot]
                            if entry < 0 { return nil }
                            let e = Int(entry)
                            if hs[e] == h && offs[e + 1] - offs[e] == count
                                && (count == 0 || memcmp(text.baseAddress! + offs[e], p, count) == 0) {
                                return entry
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        if let found { return UInt32(found) }
        let code = Int32(hashes.count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
        offsets.append(bytes.count)
        hashes.append(h)
        slots[slot] = code
        if hashes.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            mask = slots.count - 1
            for (i, eh) in hashes.enumerated() {
                var s = Int(truncatingIfNeeded: eh) & mask
                while slots[s] >= 0 { s = (s + 1) & mask }
                slots[s] = Int32(i)
            }
        }
        return UInt32(code)
    }

    /// Codes in `other`'s order mapped to codes here, adding what is new.
    mutating func merge(_ other: CSVByteDictionary) -> [UInt32] {
        var map = [UInt32](repeating: 0, count: other.count)
        other.bytes.withUnsafeBufferPointer { text in
            let base = text.baseAddress ?? UnsafePointer(bitPattern: 1)!
            for i in 0..<other.count {
                let s = other.offsets[i]
                map[i] = intern(base + s, other.offsets[i + 1] - s)
            }
        }
        return map
    }

    /// The entries as Strings (the input was checked to be UTF-8).
    func strings() -> [String] {
        bytes.withUnsafeBufferPointer { text in
            (0..<count).map { i in String(decoding: UnsafeBufferPointer(rebasing: text[offsets[i]..<offsets[i + 1]]), as: UTF8.self) }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
