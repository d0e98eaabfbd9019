/// What the operator asks for when creating a backup.
public struct BackupCreateRequest: Sendable, Hashable {
  /// Names must be shorter than this: Rackspace Cloud Databases refuses 64 characters or
  /// more (Trove 26 itself takes up to 255; the stricter rule works on both).
  public static let nameLimit = 64

  public var name: String
  public var instanceID: String
  public var description: String?
  /// Parent backup ID for an incremental backup.
  public var parentID: String?
  /// Regions that get a copy once the backup completes (Rackspace `copy_to`); empty for none.
  public var copyTo: [String]

  public init(
    name: String, instanceID: String, description: String? = nil, parentID: String? = nil,
    copyTo: [String] = []
  ) {
    self.name = name
    self.instanceID = instanceID
    self.description = description
    self.parentID = parentID
    self.copyTo = copyTo
  }
}

/// What the operator asks for when creating a snapshot.
public struct SnapshotCreateRequest: Sendable, Hashable {
  public var volumeID: String
  public var name: String
  public var description: String?
  /// Required to snapshot an in-use volume.
  public var force: Bool

  public init(volumeID: String, name: String, description: String? = nil, force: Bool = false) {
    self.volumeID = volumeID
    self.name = name
    self.description = description
    self.force = force
  }
}

/// A rename / re-describe of a snapshot; nil fields are left as they are.
public struct SnapshotUpdateRequest: Sendable, Hashable {
  public var name: String?
  public var description: String?

  public init(name: String? = nil, description: String? = nil) {
    self.name = name
    self.description = description
  }
}
