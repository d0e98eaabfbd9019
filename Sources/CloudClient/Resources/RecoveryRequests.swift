/// What the operator asks for when restoring a backup to a new database instance
/// (Trove `POST /instances` with `restorePoint.backupRef`).
public struct RestoreRequest: Sendable, Hashable {
  public var backupID: String
  public var name: String
  /// `flavorRef`: a `Flavor.id`.
  public var flavorID: String
  /// Volume size in GB; at least the backup's size.
  public var volumeSize: Int
  /// The backup's datastore and version: trove 26 without a default datastore refuses a
  /// restore that names none (400 "Please specify datastore").
  public var datastore: Datastore?

  public init(
    backupID: String, name: String, flavorID: String, volumeSize: Int, datastore: Datastore? = nil
  ) {
    self.backupID = backupID
    self.name = name
    self.flavorID = flavorID
    self.volumeSize = volumeSize
    self.datastore = datastore
  }
}

/// What the operator asks for when creating a volume from a snapshot (Cinder `POST /volumes`
/// with `snapshot_id`).
public struct VolumeFromSnapshotRequest: Sendable, Hashable {
  public var snapshotID: String
  public var name: String
  /// Size in GB; nil means the snapshot's size. Cinder refuses less (400).
  public var size: Int?
  public var volumeType: String?

  public init(snapshotID: String, name: String, size: Int? = nil, volumeType: String? = nil) {
    self.snapshotID = snapshotID
    self.name = name
    self.size = size
    self.volumeType = volumeType
  }
}
