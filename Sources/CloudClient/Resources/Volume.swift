import Foundation

/// A Cloud Block Storage volume: the thing a snapshot is taken of.
public struct Volume: Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
  /// available, in-use, creating, ... kept as the server sends it (lower case in real bodies).
  public var status: String
  /// Size in GB.
  public var size: Int
  public var volumeType: String?
  public var availabilityZone: String?
  /// Cinder sends the string "false"/"true"; decoded to a Bool.
  public var bootable: Bool
  /// Server IDs this volume is attached to.
  public var attachedTo: [String]
  public var created: Date?
  /// The snapshot the volume was created from, if any.
  public var snapshotID: String? = nil

  public init(
    id: String, name: String, status: String, size: Int, volumeType: String? = nil,
    availabilityZone: String? = nil, bootable: Bool = false, attachedTo: [String] = [],
    created: Date? = nil
  ) {
    self.id = id
    self.name = name
    self.status = status
    self.size = size
    self.volumeType = volumeType
    self.availabilityZone = availabilityZone
    self.bootable = bootable
    self.attachedTo = attachedTo
    self.created = created
  }

  /// A snapshot of an in-use volume needs `force`.
  public var isInUse: Bool { status.lowercased() == "in-use" }
}
