import Foundation

/// The one coding type for Trove / Cloud Databases backups.
///
/// `size`, `locationRef`, `description`, `instance_id` and `datastore` may be null or missing
/// (trove-26/backup-create.json); Rackspace adds `is_automated` as 0/1, `type`, `source`
/// (rax-cdb-backup-list-response.json).
struct BackupWire: Decodable, Sendable {
  var value: Backup

  init(from decoder: any Decoder) throws {
    value = try decoder.container(keyedBy: WireKey.self).resource(BackupFields.self, what: "backup")
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
      next = c.nextHref(.links)
    }
  }

  /// The create body: the instance key is `instance`, not `instance_id`
  /// (rax-cdb-backup-create-request.json, trove-26/backup-create.json); `copy_to` (an array of
  /// regions, Rackspace only) only when copies are asked for, so OpenStack Trove never sees it.
  static func createBody(_ request: BackupCreateRequest) throws -> Data {
    struct Body: Encodable {
      var name: String
      var instance: String
      var description: String?
      var parent_id: String?
      var copy_to: [String]?
    }
    let backup = Body(
      name: request.name, instance: request.instanceID, description: request.description,
      parent_id: request.parentID, copy_to: request.copyTo.isEmpty ? nil : request.copyTo)
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

/// Page keys, made once.
private enum K {
  static let backup = WireKey("backup")
  static let backups = WireKey("backups")
}

/// The backup's wire table: every key rackwatch reads, in one place, for both the fast
/// reader (`ListPageDecoder`) and `BackupWire`.
enum BackupField: CaseIterable, WireField {
  case id, name, status, size, instanceID, created, updated, datastore, description
  case locationRef, parentID, isAutomated, type, projectID, tenantID

  static let all = allCases
  static let keys = codingKeys(all)

  var wire: StaticString {
    switch self {
    case .id: "id"
    case .name: "name"
    case .status: "status"
    case .size: "size"
    case .instanceID: "instance_id"
    case .created: "created"
    case .updated: "updated"
    case .datastore: "datastore"
    case .description: "description"
    case .locationRef: "locationRef"
    case .parentID: "parent_id"
    case .isAutomated: "is_automated"
    case .type: "type"
    case .projectID: "project_id"
    case .tenantID: "tenant_id"
    }
  }
}

/// A backup's fields as read, and the rules that make a `Backup` of them (Rackspace's
/// `tenant_id` stands in for `project_id`; impossible sizes are unknown).
struct BackupFields: WireFields {
  var id: String?
  var name: String?
  var description: String?
  var locationRef: String?
  var instanceID: String?
  var parentID: String?
  var size: Double?
  var status: String?
  var created: Date?
  var updated: Date?
  var datastore: Datastore?
  var isAutomated: Bool?
  var type: String?
  var projectID: String?
  var tenantID: String?

  /// Reads one field's value from either path.
  mutating func read(_ field: BackupField, _ source: inout some WireFieldSource) throws {
    switch field {
    case .id: id = try source.fieldText(interned: false)
    case .name: name = try source.fieldText(interned: false)
    case .status: status = try source.fieldText(interned: false)
    case .size: size = try source.fieldDouble()
    case .instanceID: instanceID = try source.fieldText(interned: true)
    case .created: created = try source.fieldDate()
    case .updated: updated = try source.fieldDate()
    case .datastore: datastore = try source.fieldDatastore()
    case .description: description = try source.fieldText(interned: true)
    case .locationRef: locationRef = try source.fieldText(interned: false)
    case .parentID: parentID = try source.fieldText(interned: false)
    case .isAutomated: isAutomated = try source.fieldBool()
    case .type: type = try source.fieldText(interned: true)
    case .projectID: projectID = try source.fieldText(interned: true)
    case .tenantID: tenantID = try source.fieldText(interned: true)
    }
  }

  /// The backup, or nil without an `id`.
  var value: Backup? {
    guard let id else { return nil }
    return Backup(
      id: id, name: name ?? "", description: description, locationRef: locationRef,
      instanceID: instanceID, parentID: parentID, size: WireNumber.size(size),
      status: BackupStatus(wire: status ?? ""), created: created, updated: updated,
      datastore: datastore, isAutomated: isAutomated, type: type,
      projectID: projectID ?? tenantID)
  }
}
