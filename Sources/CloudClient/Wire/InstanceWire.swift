import Foundation

/// The one coding type for Trove / Cloud Databases instances (the create-backup picker).
/// `flavor{id}`, `volume{size}` and `region` come from trove-26/instances.json.
struct InstanceWire: Decodable, Sendable {
  var value: DatabaseInstance

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: WireKey.self)
    guard let id = c.lenientString(WireKey("id")) else {
      throw DecodingError.keyNotFound(
        WireKey("id"), .init(codingPath: c.codingPath, debugDescription: "instance without id"))
    }
    let flavor = try? c.nestedContainer(keyedBy: WireKey.self, forKey: WireKey("flavor"))
    let volume = try? c.nestedContainer(keyedBy: WireKey.self, forKey: WireKey("volume"))
    value = DatabaseInstance(
      id: id,
      name: c.lenientString(WireKey("name")) ?? "",
      status: c.lenientString(WireKey("status")) ?? "",
      datastore: (try? c.decodeIfPresent(DatastoreWire.self, forKey: WireKey("datastore")))?
        .flatMap { $0.value },
      flavorID: flavor?.lenientString(WireKey("id")),
      volumeSize: volume?.lenientInt(WireKey("size")),
      region: c.lenientString(WireKey("region"))
    )
  }

  /// `{"instance": {...}}`.
  struct One: Decodable, Sendable {
    var instance: InstanceWire
  }

  /// `{"instances": [...], "links": [...]}` (marker = last id).
  struct Page: Decodable, Sendable {
    var items: [DatabaseInstance]
    var next: String?

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: WireKey.self)
      items = try c.decode([InstanceWire].self, forKey: WireKey("instances")).map(\.value)
      next = (try? c.decodeIfPresent([LinkWire].self, forKey: WireKey("links")))??.nextHref
    }
  }
}
