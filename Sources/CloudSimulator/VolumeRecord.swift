/// A Cinder volume: the thing a snapshot is taken of. In-use volumes carry one attachment.
struct VolumeRecord: Sendable {
  var id: String
  var name: String
  var description: String?
  var size: Int
  var volumeType: String
  var created: Double
  /// Server the volume is attached to; nil means "available".
  var serverID: String?
  var attachmentID: String
  var device: String

  var status: String { serverID == nil ? "available" : "in-use" }
}
