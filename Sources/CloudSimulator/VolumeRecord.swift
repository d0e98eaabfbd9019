/// A Cinder volume: the thing a snapshot is taken of. In-use volumes carry one attachment.
struct VolumeRecord: Sendable {
  var id: String
  var name: String?
  var description: String?
  var size: Int
  var volumeType: String
  var created: Double
  /// Server the volume is attached to; nil means "available".
  var serverID: String?
  var attachmentID: String
  var device: String
  /// When a volume created at run time becomes available (seeded volumes: at creation).
  var readyAt: Double
  /// The snapshot a volume was created from.
  var snapshotID: String? = nil

  func status(at now: Double) -> String {
    if now < readyAt { return "creating" }
    return serverID == nil ? "available" : "in-use"
  }

  /// `updated_at`: null while creating (fixtures/real/cinder-29/volume-create.json).
  func updatedAt(at now: Double) -> Double? { now < readyAt ? nil : readyAt + 0.25 }
}
