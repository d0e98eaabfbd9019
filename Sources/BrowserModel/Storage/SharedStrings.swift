import Synchronization

/// One copy of each string that many rows repeat: the instance a backup was taken of, the
/// volume a snapshot belongs to, the project, the datastore version, the description an
/// automated job writes on every backup.
///
/// Each list decodes its own copy of every such string: 100,000 backups of 2,000 instances
/// hold 100,000 instance IDs of 80 bytes of heap each, where 2,000 would do. Rows keep the
/// shared copy instead (issue 17: compact rows). Strings of up to 15 UTF-8 bytes are stored
/// inside the `String` value itself and are left alone. The table only grows to `capacity`
/// distinct values (then strings pass through unshared), so a hostile server listing a new
/// "instance" per item cannot make it grow without bound; what it holds is what rows hold.
final class SharedStrings: Sendable {
  /// IDs rows point to (instances, volumes, projects, datastore versions): as many as the
  /// account has of them.
  static let ids = SharedStrings(capacity: 65_536)
  /// Free text that may or may not repeat (descriptions). Its own, smaller table: unique
  /// descriptions fill it early and then pass through, without crowding out the IDs.
  static let texts = SharedStrings(capacity: 4_096)

  private let table: Mutex<Set<String>>
  private let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    self.table = Mutex([])
  }

  /// The shared copy of `string` (equal to it).
  func share(_ string: String) -> String {
    guard string.utf8.count > 15 else { return string }
    return table.withLock { table in
      if let shared = table.firstIndex(of: string).map({ table[$0] }) { return shared }
      if table.count < capacity { table.insert(string) }
      return string
    }
  }

  func share(_ string: String?) -> String? { string.map(share) }

  /// Distinct strings held (tests, benchmarks).
  var count: Int { table.withLock { $0.count } }
}
