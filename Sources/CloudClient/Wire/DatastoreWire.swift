/// `datastore{type,version,version_id}` as Trove sends it on backups and instances.
struct DatastoreWire: Decodable, Sendable {
  var value: Datastore?

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: WireKey.self)
    guard let type = c.lenientString(WireKey("type")) else {
      value = nil
      return
    }
    value = Datastore(
      type: type, version: c.lenientString(WireKey("version")),
      versionID: c.lenientString(WireKey("version_id")))
  }
}
