import Foundation

/// The one coding type for Trove / Cloud Databases instances (the create-backup picker).
/// `flavor{id}`, `volume{size}` and `region` come from trove-26/instances.json.
struct InstanceWire: Decodable, Sendable {
  var value: DatabaseInstance

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: WireKey.self)
    guard let id = c.lenientString(K.id) else {
      throw DecodingError.keyNotFound(
        K.id, .init(codingPath: c.codingPath, debugDescription: "instance without id"))
    }
    let flavor = try? c.nestedContainer(keyedBy: WireKey.self, forKey: K.flavor)
    let volume = try? c.nestedContainer(keyedBy: WireKey.self, forKey: K.volume)
    value = DatabaseInstance(
      id: id,
      name: c.lenientString(K.name) ?? "",
      status: c.lenientString(K.status) ?? "",
      datastore: (try? c.decodeIfPresent(DatastoreWire.self, forKey: K.datastore))?
        .flatMap { $0.value },
      flavorID: flavor?.lenientString(K.id),
      volumeSize: volume?.lenientInt(K.size),
      region: c.lenientString(K.region)
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
      items = try c.decode([InstanceWire].self, forKey: K.instances).map(\.value)
      next = c.nextHref(.links)
    }
  }
}

/// Wire names, made once (a `WireKey` per field per row is measurable on 1,000-row pages).
private enum K {
  static let datastore = WireKey("datastore")
  static let flavor = WireKey("flavor")
  static let id = WireKey("id")
  static let instances = WireKey("instances")
  static let name = WireKey("name")
  static let region = WireKey("region")
  static let size = WireKey("size")
  static let status = WireKey("status")
  static let volume = WireKey("volume")
}
