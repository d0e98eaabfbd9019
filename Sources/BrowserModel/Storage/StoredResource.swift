import CloudClient
import Foundation

/// What a row keeps of its resource: backups and snapshots (the kinds an account has by the
/// hundred thousand) in a compact form, fields many rows repeat in one shared box; the few
/// instances and volumes whole, behind a reference.
///
/// A `Resource` inline is 248 bytes, sized for its largest case, plus its own strings; a
/// backup here is 80 bytes, and Trove's `locationRef` URL (about 140 characters, which
/// names the backup's ID) costs nothing per row. `resource(id:)` gives back exactly the
/// value stored (issue 17: compact rows).
enum StoredResource: Sendable, Equatable {
  case backup(CompactBackup)
  case snapshot(CompactSnapshot)
  case whole(Shared<Resource>)

  /// Keeps `resource` with `keys`, which must be computed from the fields kept shared: the
  /// status, and for backups and snapshots their instance, volume, datastore and type (what
  /// the descriptors' text keys and search words read; `CompactRowTests` holds them to it).
  init(_ resource: Resource, keys: SharedKeys) {
    switch resource {
    case .backup(let value): self = .backup(CompactBackup(value, keys: keys))
    case .snapshot(let value): self = .snapshot(CompactSnapshot(value, keys: keys))
    default: self = .whole(Shared(resource, keys: keys))
    }
  }

  /// The keys computed from the shared fields.
  var keys: SharedKeys {
    switch self {
    case .backup(let value): value.common.keys
    case .snapshot(let value): value.common.keys
    case .whole(let box): box.keys
    }
  }

  // One key at a time: reading `keys` whole copies five strings, and a filter keystroke reads
  // the status and the words of 100,000 rows.

  var statusKey: String {
    switch self {
    case .backup(let value): value.common.keys.statusKey
    case .snapshot(let value): value.common.keys.statusKey
    case .whole(let box): box.keys.statusKey
    }
  }

  var wordsKey: String {
    switch self {
    case .backup(let value): value.common.keys.wordsKey
    case .snapshot(let value): value.common.keys.wordsKey
    case .whole(let box): box.keys.wordsKey
    }
  }

  func text(_ slot: Int) -> String {
    switch self {
    case .backup(let value): value.common.keys.texts[slot]
    case .snapshot(let value): value.common.keys.texts[slot]
    case .whole(let box): box.keys.texts[slot]
    }
  }

  /// The resource as it was stored, with the ID the row holds.
  func resource(id: String) -> Resource {
    switch self {
    case .backup(let value): .backup(value.backup(id: id))
    case .snapshot(let value): .snapshot(value.snapshot(id: id))
    case .whole(let box): box.value
    }
  }

  var name: String {
    switch self {
    case .backup(let value): value.name
    case .snapshot(let value): value.name
    case .whole(let box): box.value.name
    }
  }

  /// The status as the server spells it, read without building the value.
  var statusText: String {
    switch self {
    case .backup(let value): value.common.value.status.wire
    case .snapshot(let value): value.common.value.status.wire
    case .whole(let box): box.value.statusText
    }
  }

  /// What a history event records (`Resource.historySize` and the rest), read in place:
  /// a refresh that ends 10,000 jobs records 10,000 events.
  var historySize: Double? {
    switch self {
    case .backup(let value): value.size.value
    case .snapshot(let value): value.size.map(Double.init)
    case .whole(let box): box.value.historySize
    }
  }

  var historyCreated: Date? {
    switch self {
    case .backup(let value): value.created.date
    case .snapshot(let value): value.created.date
    case .whole(let box): box.value.historyCreated
    }
  }

  var historyUpdated: Date? {
    switch self {
    case .backup(let value): value.updated.date
    case .snapshot(let value): value.updated.date
    case .whole(let box): box.value.historyUpdated
    }
  }

  /// A backup's parent, read without building the backup.
  var parentID: String? {
    if case .backup(let value) = self { return value.parentID }
    return nil
  }

  /// The backup's instance or the snapshot's volume, read without building the value.
  var ownerID: String? {
    switch self {
    case .backup(let value): value.common.value.instanceID
    case .snapshot(let value): value.common.value.volumeID
    case .whole: nil
    }
  }
}

/// `Date?` in 8 bytes: NaN for none (decoded dates are never NaN).
struct StoredDate: Sendable, Equatable {
  private let seconds: Double

  init(_ date: Date?) { seconds = date?.timeIntervalSinceReferenceDate ?? .nan }

  var date: Date? { seconds.isNaN ? nil : Date(timeIntervalSinceReferenceDate: seconds) }

  static func == (a: StoredDate, b: StoredDate) -> Bool {
    a.seconds.bitPattern == b.seconds.bitPattern
  }
}

/// `Double?` in 8 bytes: NaN for none (JSON numbers are never NaN).
struct StoredNumber: Sendable, Equatable {
  private let number: Double

  init(_ value: Double?) { number = value ?? .nan }

  var value: Double? { number.isNaN ? nil : number }

  static func == (a: StoredNumber, b: StoredNumber) -> Bool {
    a.number.bitPattern == b.number.bitPattern
  }
}

/// Trove's `locationRef` names the backup's ID inside a URL every backup of the account
/// shares: kept as the parts around the ID, which rows share.
enum StoredLocation: Sendable, Hashable {
  case none
  case around(prefix: String, suffix: String)
  case whole(String)

  init(_ ref: String?, id: String) {
    guard let ref else {
      self = .none
      return
    }
    let haystack = Array(ref.utf8)
    let needle = Array(id.utf8)
    guard !needle.isEmpty, let start = Self.firstIndex(of: needle, in: haystack) else {
      self = .whole(ref)
      return
    }
    // UTF-8 is self-synchronising: a match of a whole valid string starts and ends on
    // character-encoding boundaries, so both parts decode exactly.
    self = .around(
      prefix: SharedStrings.ids.share(String(decoding: haystack[..<start], as: UTF8.self)),
      suffix: SharedStrings.ids.share(
        String(decoding: haystack[(start + needle.count)...], as: UTF8.self)))
  }

  func ref(id: String) -> String? {
    switch self {
    case .none: nil
    case .around(let prefix, let suffix): prefix + id + suffix
    case .whole(let ref): ref
    }
  }

  private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0]
      && haystack[start..<(start + needle.count)].elementsEqual(needle)
    {
      return start
    }
    return nil
  }
}

/// A backup as a row keeps it: its own fields inline, the ones many backups repeat in a
/// shared `Common`.
struct CompactBackup: Sendable, Equatable {
  struct Common: Hashable, Sendable {
    var status: BackupStatus
    var instanceID: String?
    var location: StoredLocation
    var datastore: Datastore?
    var isAutomated: Bool?
    var type: String?
    var projectID: String?
  }

  /// Enough for every combination of instance and status of a large account.
  static let commons = InternTable<Common>(capacity: 32_768)

  var name: String
  var description: String?
  var parentID: String?
  var created: StoredDate
  var updated: StoredDate
  var size: StoredNumber
  var common: Shared<Common>

  init(_ backup: Backup, keys: SharedKeys) {
    name = backup.name
    description = backup.description
    parentID = backup.parentID
    created = StoredDate(backup.created)
    updated = StoredDate(backup.updated)
    size = StoredNumber(backup.size)
    let common = Common(
      status: backup.status, instanceID: backup.instanceID,
      location: StoredLocation(backup.locationRef, id: backup.id), datastore: backup.datastore,
      isAutomated: backup.isAutomated, type: backup.type, projectID: backup.projectID)
    // A location that does not name the ID is the row's own: no point sharing it.
    if case .whole = common.location {
      self.common = Shared(common, keys: keys)
    } else {
      self.common = Self.commons.intern(common, keys: keys)
    }
  }

  func backup(id: String) -> Backup {
    let common = common.value
    return Backup(
      id: id, name: name, description: description, locationRef: common.location.ref(id: id),
      instanceID: common.instanceID, parentID: parentID, size: size.value,
      status: common.status, created: created.date, updated: updated.date,
      datastore: common.datastore, isAutomated: common.isAutomated, type: common.type,
      projectID: common.projectID)
  }
}

/// A snapshot as a row keeps it.
struct CompactSnapshot: Sendable, Equatable {
  struct Common: Hashable, Sendable {
    var status: SnapshotStatus
    var volumeID: String
    var projectID: String?
    var metadata: [String: String]
  }

  static let commons = InternTable<Common>(capacity: 32_768)

  var name: String
  var description: String?
  var created: StoredDate
  var updated: StoredDate
  var progress: StoredNumber
  /// Cinder sizes are whole gigabytes; `Int.min` for none.
  private var storedSize: Int
  var common: Shared<Common>

  init(_ snapshot: Snapshot, keys: SharedKeys) {
    name = snapshot.name
    description = snapshot.description
    created = StoredDate(snapshot.created)
    updated = StoredDate(snapshot.updated)
    progress = StoredNumber(snapshot.progress)
    storedSize = snapshot.size ?? .min
    let common = Common(
      status: snapshot.status, volumeID: snapshot.volumeID, projectID: snapshot.projectID,
      metadata: snapshot.metadata)
    // Metadata is the snapshot's own more often than not.
    self.common =
      common.metadata.isEmpty
      ? Self.commons.intern(common, keys: keys) : Shared(common, keys: keys)
  }

  var size: Int? { storedSize == .min ? nil : storedSize }

  func snapshot(id: String) -> Snapshot {
    let common = common.value
    return Snapshot(
      id: id, name: name, description: description, volumeID: common.volumeID,
      status: common.status, size: size, created: created.date, updated: updated.date,
      progress: progress.value, projectID: common.projectID, metadata: common.metadata)
  }
}
