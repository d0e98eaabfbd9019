import Foundation

/// The one coding type for Cinder / Cloud Block Storage snapshots.
///
/// v1 (Rackspace) names the fields `display_name`/`display_description`
/// (rax-cbs-capture-snapshot-list-200.json); v2/v3 say `name`/`description`
/// (cinder-29/snapshots-detail.json). Both are read whatever the endpoint, because the
/// Rackspace doc itself mixes them (rax-cbs-snapshot-list-detail-response-DOCBUG-...json).
/// Progress is a string such as "25.39%" (rax-cbs-snapshot-get-response.json).
struct SnapshotWire: Decodable, Sendable {
  var value: Snapshot

  init(from decoder: any Decoder) throws {
    value = try decoder.container(keyedBy: WireKey.self).resource(
      SnapshotFields.self, what: "snapshot")
  }

  /// `{"snapshot": {...}}` from get, create and update.
  struct One: Decodable, Sendable {
    var snapshot: SnapshotWire
  }

  /// `{"snapshots": [...], "snapshots_links": [...]}`.
  struct Page: Decodable, Sendable {
    var items: [Snapshot]
    var next: String?
    var unreadable = 0
    var nullList = false

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: WireKey.self)
      (items, unreadable, nullList) = try c.lossyList(SnapshotWire.self, K.snapshots, \.value)
      next = c.nextHref(.snapshotsLinks)
    }
  }

  /// Field names for the name and description by API major version.
  static func nameKeys(apiVersion: Int) -> (name: String, description: String) {
    apiVersion == 1 ? ("display_name", "display_description") : ("name", "description")
  }

  /// The create body. The v3 schema rejects unknown keys, so only what is set is sent.
  static func createBody(_ request: SnapshotCreateRequest, apiVersion: Int) throws -> Data {
    let keys = nameKeys(apiVersion: apiVersion)
    var snapshot: [String: JSONScalar] = [
      "volume_id": .string(request.volumeID), keys.name: .string(request.name),
    ]
    if let description = request.description { snapshot[keys.description] = .string(description) }
    if request.force { snapshot["force"] = .bool(true) }
    return try JSONEncoder.wire.encode(["snapshot": snapshot])
  }

  /// The update body; nil fields are left out so the server keeps them.
  static func updateBody(_ request: SnapshotUpdateRequest, apiVersion: Int) throws -> Data {
    let keys = nameKeys(apiVersion: apiVersion)
    var snapshot: [String: JSONScalar] = [:]
    if let name = request.name { snapshot[keys.name] = .string(name) }
    if let description = request.description { snapshot[keys.description] = .string(description) }
    return try JSONEncoder.wire.encode(["snapshot": snapshot])
  }
}

/// A string or a flag in a request body.
enum JSONScalar: Encodable, Sendable {
  case string(String)
  case bool(Bool)

  func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .string(let value): try c.encode(value)
    case .bool(let value): try c.encode(value)
    }
  }
}

/// Page keys, made once.
private enum K {
  static let snapshots = WireKey("snapshots")
}

/// The snapshot's wire table: every key rackwatch reads, in one place, for both the fast
/// reader (`ListPageDecoder`) and `SnapshotWire`.
enum SnapshotField: CaseIterable, WireField {
  case id, name, status, size, volumeID, created, updated, progress, projectID, description
  case displayName, displayDescription, metadata

  static let all = allCases
  static let keys = codingKeys(all)

  var wire: StaticString {
    switch self {
    case .id: "id"
    case .name: "name"
    case .status: "status"
    case .size: "size"
    case .volumeID: "volume_id"
    case .created: "created_at"
    case .updated: "updated_at"
    case .progress: "os-extended-snapshot-attributes:progress"
    case .projectID: "os-extended-snapshot-attributes:project_id"
    case .description: "description"
    case .displayName: "display_name"
    case .displayDescription: "display_description"
    case .metadata: "metadata"
    }
  }
}

/// A snapshot's fields as read, and the rules that make a `Snapshot` of them (v1's
/// `display_*` names stand in for v2/v3's; stray spaces in the id go; impossible sizes and
/// percentages are unknown).
struct SnapshotFields: WireFields {
  var id: String?
  var name: String?
  var displayName: String?
  var description: String?
  var displayDescription: String?
  var volumeID: String?
  var status: String?
  var size: Int?
  var created: Date?
  var updated: Date?
  var progress: Double?
  var projectID: String?
  var metadata: [String: String] = [:]

  /// Reads one field's value from either path.
  mutating func read(_ field: SnapshotField, _ source: inout some WireFieldSource) throws {
    switch field {
    case .id: id = try source.fieldText(interned: false)
    case .name: name = try source.fieldText(interned: false)
    case .status: status = try source.fieldText(interned: false)
    case .size: size = try source.fieldInt()
    case .volumeID: volumeID = try source.fieldText(interned: true)
    case .created: created = try source.fieldDate()
    case .updated: updated = try source.fieldDate()
    case .progress: progress = try source.fieldPercent()
    case .projectID: projectID = try source.fieldText(interned: true)
    case .description: description = try source.fieldText(interned: true)
    case .displayName: displayName = try source.fieldText(interned: false)
    case .displayDescription: displayDescription = try source.fieldText(interned: true)
    case .metadata: metadata = try source.fieldDictionary()
    }
  }

  /// The snapshot, or nil without an `id`.
  var value: Snapshot? {
    guard let id else { return nil }
    return Snapshot(
      id: id.trimmedSpaces, name: name ?? displayName ?? "",
      description: description ?? displayDescription, volumeID: volumeID ?? "",
      status: SnapshotStatus(wire: status ?? ""), size: WireNumber.size(size), created: created,
      updated: updated, progress: WireNumber.percent(progress), projectID: projectID,
      metadata: metadata)
  }
}
