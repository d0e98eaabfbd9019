import Foundation

/// `POST /volumes`: a new, empty volume that is `creating` for a few simulated seconds.
enum CinderVolumeCreate {
  /// Simulated seconds a new volume stays `creating`.
  static let buildTime = 10.0

  static func create(
    _ req: SimRequest, _ dialect: CinderWire.Dialect, _ data: inout RegionData,
    _ ctx: ServiceContext, _ ids: inout SeededGenerator
  ) -> SimResponse {
    guard let root = RequestJSON.object(req.body) else {
      return .badRequest("Malformed request body")
    }
    guard let body = root["volume"] as? [String: Any] else {
      return .badRequest(
        "Invalid input for field/attribute volume. Value: None. None is not of type 'object'")
    }
    // From a snapshot (cinder-29/volume-create-from-snapshot.json): the size defaults to the
    // snapshot's and may not be smaller (error-400-volume-from-snapshot-too-small.json).
    var snapshotID: String? = nil
    var snapshotSize: Int? = nil
    if let value = body["snapshot_id"], !(value is NSNull) {
      let id = RequestJSON.plain(value)
      guard let i = data.snapshotPosition(id) else {
        return .notFound("Snapshot \(id) could not be found.")
      }
      let status = data.snapshots[i].status(at: ctx.now)
      guard status == "available" else {
        return .badRequest(
          "Invalid snapshot: Originating snapshot status must be one of 'available' values")
      }
      snapshotID = id
      snapshotSize = data.snapshots[i].size
    }
    guard let size = (body["size"] as? Int) ?? snapshotSize, size > 0 else {
      return .badRequest(
        "Invalid input for field/attribute size. Value: \(RequestJSON.plain(body["size"] ?? "None")). "
          + "'size' must be a positive integer")
    }
    if let snapshotSize, size < snapshotSize {
      return .badRequest(
        "Invalid input received: Volume size '\(size)'GB cannot be smaller than the snapshot size "
          + "\(snapshotSize)GB. They must be >= original snapshot size.")
    }
    let name = (body["name"] ?? body["display_name"]) as? String
    let description = (body["description"] ?? body["display_description"]) as? String
    let volume = VolumeRecord(
      id: ids.uuid(), name: name, description: description, size: size,
      volumeType: (body["volume_type"] as? String) ?? "SATA", created: ctx.now, serverID: nil,
      attachmentID: ids.uuid(), device: "/dev/xvdb", readyAt: ctx.now + buildTime,
      snapshotID: snapshotID)
    data.volumes.append(volume)
    var w = JSONWriter()
    CinderWire.volume(&w, volume, detail: true, dialect, ctx, admin: false)
    // v3 answers 202 (fixtures/real/cinder-29/volume-create.json); Rackspace v1 answers 200 as
    // it does for snapshots.
    return TroveAPI.wrap("volume", w, status: dialect.isV1 ? 200 : 202)
  }
}
