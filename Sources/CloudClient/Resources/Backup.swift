import Foundation

/// A Cloud Databases (Trove v1.0) backup of a database instance.
///
/// Wire names live in `BackupWire` (the one coding type for backups); this is the value the
/// rest of rackwatch works with.
public struct Backup: Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
  public var description: String?
  /// Where the backup file lives (Swift/Cloud Files URL); null while NEW.
  public var locationRef: String?
  public var instanceID: String?
  /// The parent backup when this one is incremental.
  public var parentID: String?
  /// Size in GB; null until the job has written something (and when the cloud sent one
  /// that cannot be).
  public var size: Double?
  public var status: BackupStatus
  public var created: Date?
  public var updated: Date?
  public var datastore: Datastore?
  /// Rackspace extras (`is_automated`, `type`, `source`, ...); absent on plain Trove.
  public var isAutomated: Bool?
  public var type: String?
  public var projectID: String?

  public init(
    id: String, name: String, description: String? = nil, locationRef: String? = nil,
    instanceID: String? = nil, parentID: String? = nil, size: Double? = nil,
    status: BackupStatus, created: Date? = nil, updated: Date? = nil,
    datastore: Datastore? = nil, isAutomated: Bool? = nil, type: String? = nil,
    projectID: String? = nil
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.locationRef = locationRef
    self.instanceID = instanceID
    self.parentID = parentID
    self.size = size
    self.status = status
    self.created = created
    self.updated = updated
    self.datastore = datastore
    self.isAutomated = isAutomated
    self.type = type
    self.projectID = projectID
  }

  /// True while the backup job has not settled (NEW or BUILDING).
  public var isInMotion: Bool { status.isInMotion }
}

/// The datastore a backup or instance belongs to, e.g. `mysql 8.0`.
public struct Datastore: Sendable, Hashable {
  public var type: String
  public var version: String?
  public var versionID: String?

  public init(type: String, version: String? = nil, versionID: String? = nil) {
    self.type = type
    self.version = version
    self.versionID = versionID
  }
}
