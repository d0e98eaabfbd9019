import Synchronization

/// An immutable group of fields, held once however many rows share it, with the keys rows
/// read from those fields (sorting, filtering), computed once for all of them.
final class Shared<Value: Hashable & Sendable>: Sendable, Hashable {
  let value: Value
  let keys: SharedKeys

  init(_ value: Value, keys: SharedKeys) {
    self.value = value
    self.keys = keys
  }

  static func == (a: Shared, b: Shared) -> Bool { a === b || a.value == b.value }
  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// One `Shared` box per distinct value: 100,000 backups of 2,000 instances repeat a few
/// thousand combinations of status, instance, datastore and project, which rows then point
/// to with 8 bytes each (issue 17: compact rows).
///
/// Like `SharedStrings`, the table only grows to `capacity` values; past it, values get a
/// box of their own, so a hostile server cannot make it grow without bound.
final class InternTable<Value: Hashable & Sendable>: Sendable {
  private let table: Mutex<[Value: Shared<Value>]>
  private let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    self.table = Mutex([:])
  }

  /// The shared box holding `value`; `keys` must be computed from `value` alone, as a box
  /// already held keeps its own.
  func intern(_ value: Value, keys: SharedKeys) -> Shared<Value> {
    table.withLock { table in
      if let found = table[value] { return found }
      let box = Shared(value, keys: keys)
      if table.count < capacity { table[value] = box }
      return box
    }
  }

  /// Distinct values held (tests, benchmarks).
  var count: Int { table.withLock { $0.count } }
}

/// The keys a row reads from the fields it shares with other rows.
struct SharedKeys: Sendable, Equatable {
  /// The status, lower-cased.
  var statusKey: String
  /// The descriptor's search words, lower-cased, joined by U+0001.
  var wordsKey: String
  /// The descriptor's text sort keys, lower-cased.
  var texts: SortTexts
}
