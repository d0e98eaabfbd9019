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

  private static let progressKey = K.osExtendedSnapshotAttributesProgress
  private static let projectKey = K.osExtendedSnapshotAttributesProjectId

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: WireKey.self)
    guard let id = c.lenientString(K.id) else {
      throw DecodingError.keyNotFound(
        K.id, .init(codingPath: c.codingPath, debugDescription: "snapshot without id"))
    }
    var metadata: [String: String] = [:]
    if let raw = try? c.decodeIfPresent([String: String].self, forKey: K.metadata) {
      metadata = Dictionary(
        raw.map { (WireText.capped($0.key), WireText.capped($0.value)) },
        uniquingKeysWith: { first, _ in first })
    }
    value = Snapshot(
      id: id.trimmedSpaces,
      name: c.lenientString(K.name) ?? c.lenientString(K.displayName) ?? "",
      description: c.lenientString(K.description)
        ?? c.lenientString(K.displayDescription),
      volumeID: c.lenientString(K.volumeId) ?? "",
      status: SnapshotStatus(wire: c.lenientString(K.status) ?? ""),
      size: WireNumber.size(c.lenientInt(K.size)),
      created: c.lenientDate(K.createdAt),
      updated: c.lenientDate(K.updatedAt),
      progress: WireNumber.percent(c.lenientPercent(Self.progressKey)),
      projectID: c.lenientString(Self.projectKey),
      metadata: metadata
    )
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
      next =
        (try? c.decodeIfPresent([LinkWire].self, forKey: K.snapshotsLinks))??.nextHref
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

/// Wire names, made once (a `WireKey` per field per row is measurable on 1,000-row pages).
private enum K {
  static let createdAt = WireKey("created_at")
  static let description = WireKey("description")
  static let displayDescription = WireKey("display_description")
  static let displayName = WireKey("display_name")
  static let id = WireKey("id")
  static let metadata = WireKey("metadata")
  static let name = WireKey("name")
  static let osExtendedSnapshotAttributesProgress = WireKey(
    "os-extended-snapshot-attributes:progress")
  static let osExtendedSnapshotAttributesProjectId = WireKey(
    "os-extended-snapshot-attributes:project_id")
  static let size = WireKey("size")
  static let snapshots = WireKey("snapshots")
  static let snapshotsLinks = WireKey("snapshots_links")
  static let status = WireKey("status")
  static let updatedAt = WireKey("updated_at")
  static let volumeId = WireKey("volume_id")
}
