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

  private static let progressKey = WireKey("os-extended-snapshot-attributes:progress")
  private static let projectKey = WireKey("os-extended-snapshot-attributes:project_id")

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: WireKey.self)
    guard let id = c.lenientString(WireKey("id")) else {
      throw DecodingError.keyNotFound(
        WireKey("id"), .init(codingPath: c.codingPath, debugDescription: "snapshot without id"))
    }
    var metadata: [String: String] = [:]
    if let raw = try? c.decodeIfPresent([String: String].self, forKey: WireKey("metadata")) {
      metadata = raw
    }
    value = Snapshot(
      id: id.trimmingCharacters(in: .whitespaces),
      name: c.lenientString(WireKey("name")) ?? c.lenientString(WireKey("display_name")) ?? "",
      description: c.lenientString(WireKey("description"))
        ?? c.lenientString(WireKey("display_description")),
      volumeID: c.lenientString(WireKey("volume_id")) ?? "",
      status: SnapshotStatus(wire: c.lenientString(WireKey("status")) ?? ""),
      size: c.lenientInt(WireKey("size")) ?? 0,
      created: c.lenientDate(WireKey("created_at")),
      updated: c.lenientDate(WireKey("updated_at")),
      progress: c.lenientDouble(Self.progressKey),
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

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: WireKey.self)
      items = try c.decode([SnapshotWire].self, forKey: WireKey("snapshots")).map(\.value)
      next =
        (try? c.decodeIfPresent([LinkWire].self, forKey: WireKey("snapshots_links")))??.nextHref
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
