import CloudClient
import Foundation

/// Sorts rows by any column. Keys are extracted once per sort (O(n)), then indices are
/// sorted; ties fall back to region and ID so the order is stable across refreshes.
enum RowSorter {
  enum Key: Sendable {
    case number(Double?)
    case text([UInt8])
  }

  /// Row indices in sort order. Keys and IDs are flattened into contiguous byte buffers
  /// first, so the n log n comparisons are `memcmp`s with no reference counting.
  static func order(_ rows: [Row], by sort: SortOrder) -> [Int] {
    let n = rows.count
    var idBytes: [UInt8] = []
    idBytes.reserveCapacity(n * 40)
    var idStarts: [Int] = []
    idStarts.reserveCapacity(n + 1)
    var textBytes: [UInt8] = []
    var textStarts: [Int] = []
    textStarts.reserveCapacity(n + 1)
    // Per row: 0 = number present, 1 = number missing, 2 = text (the `compare` order).
    var kinds = [UInt8](repeating: 0, count: n)
    var numbers = [Double](repeating: 0, count: n)
    for index in 0..<n {
      idStarts.append(idBytes.count)
      idBytes.append(contentsOf: rows[index].id.id.utf8)
      textStarts.append(textBytes.count)
      if appendStoredKey(rows[index], sort.column, into: &textBytes) {
        kinds[index] = 2
        continue
      }
      switch key(of: rows[index], column: sort.column) {
      case .number(let value?): numbers[index] = value
      case .number(nil): kinds[index] = 1
      case .text(let bytes):
        kinds[index] = 2
        textBytes.append(contentsOf: bytes)
      }
    }
    idStarts.append(idBytes.count)
    textStarts.append(textBytes.count)
    let ascending = sort.ascending
    var order = Array(0..<n)
    idBytes.withUnsafeBufferPointer { ids in
      textBytes.withUnsafeBufferPointer { texts in
        order.sort { a, b in
          var c = 0
          let ka = kinds[a]
          let kb = kinds[b]
          if ka == 2 && kb == 2 {
            c = compareBytes(
              texts, textStarts[a], textStarts[a + 1], textStarts[b], textStarts[b + 1])
          } else if ka == 2 || kb == 2 {
            c = ka == 2 ? 1 : -1
          } else if ka != kb {
            c = ka == 1 ? 1 : -1  // missing numbers last
          } else if ka == 0 {
            c = numbers[a] < numbers[b] ? -1 : (numbers[a] > numbers[b] ? 1 : 0)
          }
          if c != 0 { return ascending ? c < 0 : c > 0 }
          let d = compareBytes(ids, idStarts[a], idStarts[a + 1], idStarts[b], idStarts[b + 1])
          if d != 0 { return d < 0 }
          return rows[a].id.region < rows[b].id.region
        }
      }
    }
    return order
  }

  /// Text keys a row already holds lower-cased (ID, name, status, region, datastore) are
  /// copied from there, without looking into (and copying) the resource.
  static func appendStoredKey(_ row: Row, _ column: Column, into bytes: inout [UInt8]) -> Bool {
    switch column {
    case .status:
      bytes.append(contentsOf: row.statusKey.utf8)
    case .datastore:
      bytes.append(contentsOf: row.datastoreKey.utf8)
    case .region:
      appendLowered(row.id.region, into: &bytes)
    case .id:
      appendLowered(row.id.id, into: &bytes)
    case .name:
      // `searchKey` is `id \u{1} name \u{1} …`, lower-cased; sanitising turned any raw
      // U+0001 into a picture, so the separators are unambiguous.
      row.searchKey.withUnsafeBufferPointer { key in
        guard let first = key.firstIndex(of: 1) else { return }
        var end = first + 1
        while end < key.count, key[end] != 1 { end += 1 }
        bytes.append(contentsOf: key[(first + 1)..<end])
      }
    default:
      return false
    }
    return true
  }

  static func appendLowered(_ string: String, into bytes: inout [UInt8]) {
    for byte in string.utf8 { bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte) }
  }

  static func compareBytes(
    _ buffer: UnsafeBufferPointer<UInt8>, _ a0: Int, _ a1: Int, _ b0: Int, _ b1: Int
  ) -> Int {
    let la = a1 - a0
    let lb = b1 - b0
    let common = min(la, lb)
    if common > 0, let base = buffer.baseAddress {
      let c = memcmp(base + a0, base + b0, common)
      if c != 0 { return c < 0 ? -1 : 1 }
    }
    return la == lb ? 0 : (la < lb ? -1 : 1)
  }

  /// The order `order(_:by:)` produces (ascending), for two rows with their keys.
  static func less(_ rows: [Row], _ a: Int, _ keyA: Key, _ b: Int, _ keyB: Key) -> Bool {
    let c = compare(keyA, keyB)
    if c != 0 { return c < 0 }
    let ra = rows[a].id
    let rb = rows[b].id
    if ra.id != rb.id { return ra.id.utf8.lexicographicallyPrecedes(rb.id.utf8) }
    return ra.region < rb.region
  }

  /// -1, 0, 1. Missing numbers sort last whatever the direction would say first.
  static func compare(_ lhs: Key, _ rhs: Key) -> Int {
    switch (lhs, rhs) {
    case (.number(let a), .number(let b)):
      switch (a, b) {
      case (nil, nil): return 0
      case (nil, _): return 1
      case (_, nil): return -1
      case (let a?, let b?): return a < b ? -1 : (a > b ? 1 : 0)
      }
    case (.text(let a), .text(let b)):
      return a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          let n = min(pa.count, pb.count)
          var i = 0
          while i < n {
            if pa[i] != pb[i] { return pa[i] < pb[i] ? -1 : 1 }
            i += 1
          }
          return pa.count == pb.count ? 0 : (pa.count < pb.count ? -1 : 1)
        }
      }
    case (.number, .text): return -1
    case (.text, .number): return 1
    }
  }

  /// Lower-cases ASCII bytes only: no String allocation per row (other bytes order as they
  /// are, which is good enough for a sort).
  static func text(_ value: String?) -> Key {
    var bytes = Array((value ?? "").utf8)
    for index in bytes.indices where bytes[index] >= 65 && bytes[index] <= 90 {
      bytes[index] += 32
    }
    return .text(bytes)
  }

  static func date(_ value: Date?) -> Key { .number(value?.timeIntervalSince1970) }

  static func key(of row: Row, column: Column) -> Key {
    var stored: [UInt8] = []
    if appendStoredKey(row, column, into: &stored) { return .text(stored) }
    switch row.resource {
    case .backup(let b):
      switch column {
      case .size: return .number(b.size)
      case .created: return date(b.created)
      case .updated: return date(b.updated)
      case .instance: return text(b.instanceID)
      case .type: return text(b.type)
      default: return .number(nil)
      }
    case .snapshot(let s):
      switch column {
      case .size: return .number(Double(s.size))
      case .progress: return .number(s.progress)
      case .created: return date(s.created)
      case .updated: return date(s.updated)
      case .volume: return text(s.volumeID)
      default: return .number(nil)
      }
    case .instance(let i):
      switch column {
      case .size: return .number(i.volumeSize.map(Double.init))
      default: return .number(nil)
      }
    case .volume(let v):
      switch column {
      case .size: return .number(Double(v.size))
      case .type: return text(v.volumeType)
      case .attachedTo: return text(v.attachedTo.joined(separator: ","))
      case .created: return date(v.created)
      default: return .number(nil)
      }
    }
  }
}
