import Foundation

/// A Cloud Block Storage (Cinder) volume snapshot.
///
/// Cinder v1 calls the name `display_name`; v2/v3 call it `name`. The coding type for
/// snapshots maps both onto this one value.
public struct Snapshot: Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
  public var description: String?
  public var volumeID: String
  public var status: SnapshotStatus
  /// Size in GB (Cinder sizes are whole gigabytes); nil when the cloud sent none or one
  /// that cannot be (unreadable, negative, absurdly large).
  public var size: Int?
  public var created: Date?
  /// Absent on Rackspace v1; null on v3 right after create.
  public var updated: Date?
  /// Percent done, 0...100 (nil outside it), from `os-extended-snapshot-attributes:progress` ("25.39%").
  /// Only detail/get bodies carry it.
  public var progress: Double?
  public var projectID: String?
  public var metadata: [String: String]

  public init(
    id: String, name: String, description: String? = nil, volumeID: String,
    status: SnapshotStatus, size: Int?, created: Date? = nil, updated: Date? = nil,
    progress: Double? = nil, projectID: String? = nil, metadata: [String: String] = [:]
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.volumeID = volumeID
    self.status = status
    self.size = size
    self.created = created
    self.updated = updated
    self.progress = progress
    self.projectID = projectID
    self.metadata = metadata
  }

  /// True while the snapshot is being made or removed, or has progress under 100%.
  public var isInMotion: Bool {
    if status.isInMotion { return true }
    if status == .available, let progress, progress < 100 { return true }
    return false
  }
}
