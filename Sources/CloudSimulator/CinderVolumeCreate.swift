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
    guard let size = body["size"] as? Int, size > 0 else {
      return .badRequest(
        "Invalid input for field/attribute size. Value: \(RequestJSON.plain(body["size"] ?? "None")). "
          + "'size' must be a positive integer")
    }
    let name = (body["name"] ?? body["display_name"]) as? String
    let description = (body["description"] ?? body["display_description"]) as? String
    let volume = VolumeRecord(
      id: ids.uuid(), name: name, description: description, size: size,
      volumeType: (body["volume_type"] as? String) ?? "SATA", created: ctx.now, serverID: nil,
      attachmentID: ids.uuid(), device: "/dev/xvdb", readyAt: ctx.now + buildTime)
    data.volumes.append(volume)
    var w = JSONWriter()
    CinderWire.volume(&w, volume, detail: true, dialect, ctx, admin: false)
    // v3 answers 202 (fixtures/real/cinder-29/volume-create.json); Rackspace v1 answers 200 as
    // it does for snapshots.
    return TroveAPI.wrap("volume", w, status: dialect.isV1 ? 200 : 202)
  }
}
