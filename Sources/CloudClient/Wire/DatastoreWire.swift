/// `datastore{type,version,version_id}` as Trove sends it on backups and instances.
struct DatastoreWire: Decodable, Sendable {
  var value: Datastore?

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: WireKey.self)
    guard let type = c.lenientString(K.type) else {
      value = nil
      return
    }
    value = Datastore(
      type: type, version: c.lenientString(K.version),
      versionID: c.lenientString(K.versionId))
  }
}

/// Wire names, made once (a `WireKey` per field per row is measurable on 1,000-row pages).
private enum K {
  static let type = WireKey("type")
  static let version = WireKey("version")
  static let versionId = WireKey("version_id")
}
