import Synchronization

/// An immutable group of fields, held once however many rows share it.
final class Shared<Value: Hashable & Sendable>: Sendable, Hashable {
  let value: Value

  init(_ value: Value) { self.value = value }

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

  /// The shared box holding `value`.
  func intern(_ value: Value) -> Shared<Value> {
    table.withLock { table in
      if let found = table[value] { return found }
      let box = Shared(value)
      if table.count < capacity { table[value] = box }
      return box
    }
  }

  /// Distinct values held (tests, benchmarks).
  var count: Int { table.withLock { $0.count } }
}
