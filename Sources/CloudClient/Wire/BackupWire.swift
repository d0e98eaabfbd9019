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
    guard let id = c.lenientString(K.id) else {
      throw DecodingError.keyNotFound(
        K.id, .init(codingPath: c.codingPath, debugDescription: "backup without id"))
    }
    value = Backup(
      id: id,
      name: c.lenientString(K.name) ?? "",
      description: c.lenientString(K.description),
      locationRef: c.lenientString(K.locationRef),
      instanceID: c.lenientString(K.instanceId),
      parentID: c.lenientString(K.parentId),
      size: WireNumber.size(c.lenientDouble(K.size)),
      status: BackupStatus(wire: c.lenientString(K.status) ?? ""),
      created: c.lenientDate(K.created),
      updated: c.lenientDate(K.updated),
      datastore: (try? c.decodeIfPresent(DatastoreWire.self, forKey: K.datastore))?
        .flatMap { $0.value },
      isAutomated: c.lenientBool(K.isAutomated),
      type: c.lenientString(K.type),
      projectID: c.lenientString(K.projectId) ?? c.lenientString(K.tenantId)
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
    var unreadable = 0
    var nullList = false

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: WireKey.self)
      if c.contains(K.backups) {
        (items, unreadable, nullList) = try c.lossyList(BackupWire.self, K.backups, \.value)
      } else if c.contains(K.backup) {
        items = [try c.decode(BackupWire.self, forKey: K.backup).value]
      } else {
        throw DecodingError.keyNotFound(
          K.backups, .init(codingPath: [], debugDescription: "no backups key"))
      }
      next = (try? c.decodeIfPresent([LinkWire].self, forKey: K.links))??.nextHref
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

/// Wire names, made once (a `WireKey` per field per row is measurable on 1,000-row pages).
private enum K {
  static let backup = WireKey("backup")
  static let backups = WireKey("backups")
  static let created = WireKey("created")
  static let datastore = WireKey("datastore")
  static let description = WireKey("description")
  static let id = WireKey("id")
  static let instanceId = WireKey("instance_id")
  static let isAutomated = WireKey("is_automated")
  static let links = WireKey("links")
  static let locationRef = WireKey("locationRef")
  static let name = WireKey("name")
  static let parentId = WireKey("parent_id")
  static let projectId = WireKey("project_id")
  static let size = WireKey("size")
  static let status = WireKey("status")
  static let tenantId = WireKey("tenant_id")
  static let type = WireKey("type")
  static let updated = WireKey("updated")
}
