/// A Cloud Databases instance: the thing a backup is taken of.
public struct DatabaseInstance: Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
  /// ACTIVE, BUILD, BACKUP (while a backup runs), ... kept as the server sends it.
  public var status: String
  public var datastore: Datastore?
  public var flavorID: String?
  /// Volume size in GB.
  public var volumeSize: Int?
  public var region: String?

  public init(
    id: String, name: String, status: String, datastore: Datastore? = nil,
    flavorID: String? = nil, volumeSize: Int? = nil, region: String? = nil
  ) {
    self.id = id
    self.name = name
    self.status = status
    self.datastore = datastore
    self.flavorID = flavorID
    self.volumeSize = volumeSize
    self.region = region
  }

  /// Trove accepts a backup only of an ACTIVE instance.
  public var acceptsBackup: Bool { status.uppercased() == "ACTIVE" }
}
