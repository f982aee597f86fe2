/// A chunk's distinct text values in first-seen order, for the fast parser: raw storage, no ARC, no hashing of
/// whole strings byte by byte.
///
/// Values of up to 16 bytes are keyed by two words read straight from the chunk (with their length they name
/// the bytes exactly), so a repeat costs two loads, a multiply and one probe; longer values also compare bytes.
/// The chunk buffer's slack makes reading a word past a short field's end safe.
struct CSVFastInterner {
    /// One distinct value: its key words, where its bytes are in `text`, and its hash.
    private struct Entry {
        var w0: UInt64
        var w1: UInt64
        var hash: UInt64
        var offset: Int
        var length: Int
    }

    private var slots: UnsafeMutablePointer<Int32>
    private var shift: UInt64
    private var entries: UnsafeMutablePointer<Entry>
    private var entryCapacity: Int
    private(set) var count = 0
    private var text: UnsafeMutablePointer<UInt8>
    private var textCapacity: Int
    private var textCount = 0

    init() {
        shift = 64 - 6
        slots = .allocate(capacity: 64)
        slots.initialize(repeating: -1, count: 64)
        entryCapacity = 32
        entries = .allocate(capacity: entryCapacity)
        textCapacity = 1024
        text = .allocate(capacity: textCapacity)
    }

    /// Frees the storage; the interner must not be used afterwards.
    func deallocate() {
        slots.deallocate()
        entries.deallocate()
        text.deallocate()
    }

    /// Forgets every value, keeping the storage.
    mutating func removeAll() {
        if count > 0 { slots.update(repeating: -1, count: 1 << (64 - shift)) }
        count = 0
        textCount = 0
    }

    /// Where the bytes of value `code` start, and how many there are.
    func value(_ code: Int) -> (start: UnsafePointer<UInt8>, count: Int) {
        (UnsafePointer(text + entries[code].offset), entries[code].length)
    }

    @inline(__always)
    private static func word(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// The code of `p[0..<length]`, adding it when new. Up to 8 bytes past the end must be readable.
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
        var w0 = Self.word(p)
        var w1: UInt64 = 0
        if length < 8 {
            w0 &= (1 &<< (UInt64(truncatingIfNeeded: length) &* 8)) &- 1
        } else if length <= 16 {
            w1 = Self.word(p + length - 8)
        } else {
            var k = 8
            while k + 8 <= length {
                w1 = (w1 ^ Self.word(p + k)) &* 0x9E37_79B9_7F4A_7C15
                k += 8
            }
            w1 ^= Self.word(p + length - 8)
        }
        let hash = (w0 ^ (w1 &<< 29 | w1 &>> 35) ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        let mask = (1 << (64 - Int(shift))) - 1
        var slot = Int(truncatingIfNeeded: hash &>> shift)
        while true {
            let e = Int(slots[slot])
            if e < 0 { break }
            let entry = entries[e]
            if entry.hash == hash && entry.length == length && entry.w0 == w0 && entry.w1 == w1
                && (length <= 16 || memcmp(text + entry.offset, p, length) == 0) {
                return UInt32(truncatingIfNeeded: e)
            }
            slot = (slot + 1) & mask
        }
        return add(p, length, w0, w1, hash, slot)
    }

    private mutating func add(_ p: UnsafePointer<UInt8>, _ length: Int, _ w0: UInt64, _ w1: UInt64, _ hash: UInt64,
                              _ slot: Int) -> UInt32 {
        if textCount + length > textCapacity {
            textCapacity = max(textCapacity * 2, textCount + length)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: textCapacity)
            grown.initialize(from: text, count: textCount)
            text.deallocate()
            text = grown
        }
        (text + textCount).initialize(from: p, count: length)
        if count == entryCapacity {
            entryCapacity *= 2
            let grown = UnsafeMutablePointer<Entry>.allocate(capacity: entryCapacity)
            grown.moveInitialize(from: entries, count: count)
            entries.deallocate()
            entries = grown
        }
        (entries + count).initialize(to: Entry(w0: w0, w1: w1, hash: hash, offset: textCount, length: length))
        textCount += length
        let code = count
        slots[slot] = Int32(truncatingIfNeeded: code)
        count += 1
        if count * 2 > 1 << (64 - Int(shift)) { rehash() }
        return UInt32(truncatingIfNeeded: code)
    }

    private mutating func rehash() {
        shift -= 1
        let size = 1 << (64 - Int(shift))
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        for e in 0..<count {
            var slot = Int(truncatingIfNeeded: entries[e].hash &>> shift)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(truncatingIfNeeded: e)
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
