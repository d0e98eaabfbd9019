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
    guard let id = c.lenientString(WireKey("id")) else {
      throw DecodingError.keyNotFound(
        WireKey("id"), .init(codingPath: c.codingPath, debugDescription: "volume without id"))
    }
    let attachments =
      (try? c.decodeIfPresent([Attachment].self, forKey: WireKey("attachments"))) ?? nil
    value = Volume(
      id: id.trimmingCharacters(in: .whitespaces),
      name: c.lenientString(WireKey("name")) ?? c.lenientString(WireKey("display_name")) ?? "",
      status: c.lenientString(WireKey("status")) ?? "",
      size: c.lenientInt(WireKey("size")) ?? 0,
      volumeType: c.lenientString(WireKey("volume_type")),
      availabilityZone: c.lenientString(WireKey("availability_zone")),
      bootable: c.lenientBool(WireKey("bootable")) ?? false,
      attachedTo: (attachments ?? []).compactMap(\.server_id),
      created: c.lenientDate(WireKey("created_at"))
    )
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
      items = try c.decode([VolumeWire].self, forKey: WireKey("volumes")).map(\.value)
      next = (try? c.decodeIfPresent([LinkWire].self, forKey: WireKey("volumes_links")))??.nextHref
    }
  }
}
