import InsqStorage

/// UNION ALL: the batches of each input in turn.
final class ConcatenateOperator: PhysicalOperator {
    private let inputs: [PhysicalOperator]
    private var current = 0

    init(inputs: [PhysicalOperator]) { self.inputs = inputs }

    func next() throws -> Batch? {
        while current < inputs.count {
            if let batch = try inputs[current].next() { return batch }
            current += 1
        }
        return nil
    }
}

/// INTERSECT and EXCEPT: keeps left rows that are (INTERSECT) or are not (EXCEPT) among the right rows.
/// With ALL, each right row matches one left row (multiset semantics); without, the left input is already distinct.
/// Rows compare as in GROUP BY: NULLs equal each other.
final class SetMembershipOperator: PhysicalOperator {
    private let left: PhysicalOperator
    private let right: PhysicalOperator
    private let types: [DataType]
    private let keepsMembers: Bool
    private let countsDuplicates: Bool
    private var rowKeys: RowKeys
    private var table: KeyTable
    private var remaining: [Int] = []
    private var built = false

    init(left: PhysicalOperator, right: PhysicalOperator, types: [DataType], keepsMembers: Bool, countsDuplicates: Bool) {
        self.left = left
        self.right = right
        self.types = types
        self.keepsMembers = keepsMembers
        self.countsDuplicates = countsDuplicates
        rowKeys = RowKeys(count: types.count)
        table = KeyTable(width: types.count + 1)
    }

    private func build() throws {
        while let batch = try right.next() {
            let (flat, _) = rowKeys.encode(batch.columns, rows: batch.count, intern: true)
            var ids = [Int](repeating: 0, count: batch.count)
            var fresh: [Int] = []
            flat.withUnsafeBufferPointer { table.findOrInsertAll($0, rows: batch.count, ids: &ids, newRows: &fresh) }
            if remaining.count < table.count { remaining.append(contentsOf: repeatElement(0, count: table.count - remaining.count)) }
            for id in ids { remaining[id] += 1 }
        }
        built = true
    }

    func next() throws -> Batch? {
        if !built { try build() }
        while let batch = try left.next() {
            let (flat, _) = rowKeys.encode(batch.columns, rows: batch.count, intern: true)
            var found = [Int](repeating: -1, count: batch.count)
            flat.withUnsafeBufferPointer { all in table.findAll(all, rows: batch.count, skip: nil) { i, id in found[i] = id } }
            var keep: [Int] = []
            for i in 0..<batch.count {
                let id = found[i]
                var isMember = id >= 0 && remaining[id] > 0
                if isMember && countsDuplicates { remaining[id] -= 1 }
                if !countsDuplicates { isMember = id >= 0 }
                if isMember == keepsMembers { keep.append(i) }
            }
            if keep.isEmpty { continue }
            return keep.count == batch.count ? batch : batch.gather(keep)
        }
        return nil
    }
}
