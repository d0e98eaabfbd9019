/// Row positions by ID, for a pane of up to millions of rows.
///
/// Open addressing over 4-byte slots that point into the rows, which hold the IDs: about
/// 10 bytes a row, against about 100 for a `Dictionary<RowID, Int>` with its keys. Looking
/// an ID up touches the row it finds, which the caller reads next anyway.
struct RowIndex: Sendable {
  private var slots: [Int32] = []
  private var mask = 0
  private var count = 0

  /// Builds the index of every row; a later row wins over an earlier one with the same ID.
  init(_ rows: [Row] = []) {
    rebuild(rows)
  }

  mutating func rebuild(_ rows: [Row]) {
    var capacity = 16
    while capacity < rows.count * 2 { capacity *= 2 }
    slots = [Int32](repeating: -1, count: capacity)
    mask = capacity - 1
    count = 0
    rows.withUnsafeBufferPointer { rows in
      for index in rows.indices { insert(index, in: rows) }
    }
  }

  /// The position of the row with this ID.
  func find(_ id: RowID, in rows: [Row]) -> Int? {
    guard count > 0 else { return nil }
    return rows.withUnsafeBufferPointer { rows in
      var slot = Self.hash(id) & mask
      while true {
        let index = Int(slots[slot])
        if index < 0 { return nil }
        if index < rows.count, rows[index].id == id { return index }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Indexes the row at `index` (just appended or replaced).
  mutating func insert(_ index: Int, in rows: [Row]) {
    if (count + 1) * 2 > slots.count {
      rebuild(rows)
      return
    }
    rows.withUnsafeBufferPointer { insert(index, in: $0) }
  }

  private mutating func insert(_ index: Int, in rows: UnsafeBufferPointer<Row>) {
    let id = rows[index].id
    var slot = Self.hash(id) & mask
    while true {
      let existing = Int(slots[slot])
      if existing < 0 {
        slots[slot] = Int32(index)
        count += 1
        return
      }
      if existing < rows.count, rows[existing].id == id {
        slots[slot] = Int32(index)
        return
      }
      slot = (slot + 1) & mask
    }
  }

  private static func hash(_ id: RowID) -> Int {
    var hasher = Hasher()
    hasher.combine(id.key)
    hasher.combine(id.region)
    return hasher.finalize()
  }
}
