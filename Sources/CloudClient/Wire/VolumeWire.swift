import Foundation

/// The one coding type for Cinder volumes (the create-snapshot picker).
///
/// `bootable` is the string "false" (cinder-29/volumes-detail.json); v1 names are
/// `display_name`; the Rackspace capture has stray spaces in `id` and `created_at`
/// (rax-cbs-capture-volumes-list-200.json).
struct VolumeWire: Decodable, Sendable {
  var value: Volume

  private struct Attachment: Decodable {
    var server_id: String?
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: WireKey.self)
    guard let id = c.lenientString(K.id) else {
      throw DecodingError.keyNotFound(
        K.id, .init(codingPath: c.codingPath, debugDescription: "volume without id"))
    }
    let attachments =
      (try? c.decodeIfPresent([Attachment].self, forKey: K.attachments)) ?? nil
    value = Volume(
      id: id.trimmedSpaces,
      name: c.lenientString(K.name) ?? c.lenientString(K.displayName) ?? "",
      status: c.lenientString(K.status) ?? "",
      size: c.lenientInt(K.size) ?? 0,
      volumeType: c.lenientString(K.volumeType),
      availabilityZone: c.lenientString(K.availabilityZone),
      bootable: c.lenientBool(K.bootable) ?? false,
      attachedTo: (attachments ?? []).compactMap(\.server_id),
      created: c.lenientDate(K.createdAt)
    )
    value.snapshotID = c.lenientString(K.snapshotID)
  }

  /// `{"volume": {...}}` from get and create.
  struct One: Decodable, Sendable {
    var volume: VolumeWire
  }

  /// `{"volumes": [...], "volumes_links": [...]}`.
  struct Page: Decodable, Sendable {
    var items: [Volume]
    var next: String?

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: WireKey.self)
      items = try c.decode([VolumeWire].self, forKey: K.volumes).map(\.value)
      next = c.nextHref(.volumesLinks)
    }
  }
}

/// Wire names, made once (a `WireKey` per field per row is measurable on 1,000-row pages).
private enum K {
  static let attachments = WireKey("attachments")
  static let availabilityZone = WireKey("availability_zone")
  static let bootable = WireKey("bootable")
  static let createdAt = WireKey("created_at")
  static let displayName = WireKey("display_name")
  static let id = WireKey("id")
  static let name = WireKey("name")
  static let size = WireKey("size")
  static let snapshotID = WireKey("snapshot_id")
  static let status = WireKey("status")
  static let volumeType = WireKey("volume_type")
  static let volumes = WireKey("volumes")
}
