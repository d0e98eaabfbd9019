import Foundation

/// The one coding type for Trove / Cloud Databases backups.
///
/// `size`, `locationRef`, `description`, `instance_id` and `datastore` may be null or missing
/// (trove-26/backup-create.json); Rackspace adds `is_automated` as 0/1, `type`, `source`
/// (rax-cdb-backup-list-response.json).
struct BackupWire: Decodable, Sendable {
  var value: Backup

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: WireKey.self)
    guard let id = c.lenientString(WireKey("id")) else {
      throw DecodingError.keyNotFound(
        WireKey("id"), .init(codingPath: c.codingPath, debugDescription: "backup without id"))
    }
    value = Backup(
      id: id,
      name: c.lenientString(WireKey("name")) ?? "",
      description: c.lenientString(WireKey("description")),
      locationRef: c.lenientString(WireKey("locationRef")),
      instanceID: c.lenientString(WireKey("instance_id")),
      parentID: c.lenientString(WireKey("parent_id")),
      size: c.lenientDouble(WireKey("size")),
      status: BackupStatus(wire: c.lenientString(WireKey("status")) ?? ""),
      created: c.lenientDate(WireKey("created")),
      updated: c.lenientDate(WireKey("updated")),
      datastore: (try? c.decodeIfPresent(DatastoreWire.self, forKey: WireKey("datastore")))?
        .flatMap { $0.value },
      isAutomated: c.lenientBool(WireKey("is_automated")),
      type: c.lenientString(WireKey("type")),
      projectID: c.lenientString(WireKey("project_id")) ?? c.lenientString(WireKey("tenant_id"))
    )
  }

  /// `{"backup": {...}}` from get and create.
  struct One: Decodable, Sendable {
    var backup: BackupWire
  }

  /// `{"backups": [...], "links": [...]}` from the lists. Also takes the singular
  /// `{"backup": {...}}` that one Rackspace doc page shows for an instance's backups
  /// (rax-cdb-instance-backups-response-DOCBUG-singular.json).
  struct Page: Decodable, Sendable {
    var items: [Backup]
    var next: String?

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: WireKey.self)
      if c.contains(WireKey("backups")) {
        items = try c.decode([BackupWire].self, forKey: WireKey("backups")).map(\.value)
      } else if c.contains(WireKey("backup")) {
        items = [try c.decode(BackupWire.self, forKey: WireKey("backup")).value]
      } else {
        throw DecodingError.keyNotFound(
          WireKey("backups"), .init(codingPath: [], debugDescription: "no backups key"))
      }
      next = (try? c.decodeIfPresent([LinkWire].self, forKey: WireKey("links")))??.nextHref
    }
  }

  /// The create body: the instance key is `instance`, not `instance_id`
  /// (rax-cdb-backup-create-request.json, trove-26/backup-create.json).
  static func createBody(_ request: BackupCreateRequest) throws -> Data {
    var backup: [String: String] = ["name": request.name, "instance": request.instanceID]
    if let description = request.description { backup["description"] = description }
    if let parent = request.parentID { backup["parent_id"] = parent }
    return try JSONEncoder.wire.encode(["backup": backup])
  }
}

extension JSONEncoder {
  /// Sorted keys keep request bodies stable for logs and tests.
  static var wire: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
