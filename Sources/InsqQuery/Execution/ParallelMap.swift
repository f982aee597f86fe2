import Dispatch

/// Runs work items on threads and returns their results in item order.
enum ParallelMap {
    /// Calls `work(i)` for every i in `0..<count` on up to `count` threads (the caller's included) and
    /// returns the results in order; when items throw, the error of the lowest item is rethrown, as a
    /// single thread doing the items in order would have met it first.
    static func run<T>(_ count: Int, _ work: (Int) throws -> T) throws -> [T] {
        if count == 1 { return [try work(0)] }
        let slots = UnsafeMutablePointer<Result<T, any Error>?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
        defer {
            slots.deinitialize(count: count)
            slots.deallocate()
        }
        withoutActuallyEscaping(work) { work in
            let shared = UncheckedSendable((work, slots))
            DispatchQueue.concurrentPerform(iterations: count) { i in
                let (work, slots) = shared.value
                slots[i] = Result { try work(i) }
            }
        }
        return try (0..<count).map { try slots[$0]!.get() }
    }
}

/// Carries a value into `concurrentPerform`'s `@Sendable` closure. `ParallelMap` makes this safe: item i
/// writes only slot i, the work closure touches only item i's objects and shared read-only state, and
/// `concurrentPerform` returns only after every item has finished.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
