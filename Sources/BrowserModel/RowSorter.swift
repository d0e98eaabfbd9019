import CloudClient
import Foundation

/// Sorts rows by any column. Keys are extracted once per sort (O(n)), then indices are
/// sorted; ties fall back to region and ID so the order is stable across refreshes.
enum RowSorter {
  enum Key: Sendable {
    case number(Double?)
    case text([UInt8])
  }

  static func order(_ rows: [Row], by sort: SortOrder) -> [Int] {
    let keys = rows.map { key(of: $0, column: sort.column) }
    let ascending = sort.ascending
    return rows.indices.sorted { a, b in
      let c = compare(keys[a], keys[b])
      if c != 0 { return ascending ? c < 0 : c > 0 }
      let ra = rows[a].id
      let rb = rows[b].id
      if ra.id != rb.id { return ra.id < rb.id }
      return ra.region < rb.region
    }
  }

  /// The order `order(_:by:)` produces (ascending), for two rows with their keys.
  static func less(_ rows: [Row], _ a: Int, _ keyA: Key, _ b: Int, _ keyB: Key) -> Bool {
    let c = compare(keyA, keyB)
    if c != 0 { return c < 0 }
    let ra = rows[a].id
    let rb = rows[b].id
    if ra.id != rb.id { return ra.id < rb.id }
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
    switch column {
    case .name: return text(row.resource.name)
    case .id: return text(row.resource.id)
    case .status: return .text(Array(row.statusKey.utf8))
    case .region: return text(row.id.region)
    case .datastore: return .text(Array(row.datastoreKey.utf8))
    default: break
    }
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
