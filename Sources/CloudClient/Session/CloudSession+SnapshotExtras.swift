import Foundation

/// A snapshot's metadata and Cinder's admin actions on snapshots
/// (cinder-29/snapshot-metadata*.json, snapshot-*-admin.txt, error-403-*-demo.json).
extension CloudSession {
  /// The snapshot's metadata (`GET /snapshots/{id}/metadata`).
  public func snapshotMetadata(snapshotID: String, region: String) async throws -> [String: String]
  {
    let operation = "Reading the metadata of snapshot \(snapshotID)"
    let service = try await endpoint(.blockStorage, region: region)
    let response = try await send(
      .GET, service.url + "/snapshots/\(Self.segment(snapshotID))/metadata", service: service,
      kind: .blockStorage, operation: operation)
    return try decode(MetadataWire.self, response, operation: operation).metadata
  }

  /// Sets metadata keys. `replace: false` merges into what is there (POST); `replace: true`
  /// makes `pairs` the whole metadata (PUT). Returns the metadata the server now holds.
  public func setSnapshotMetadata(
    snapshotID: String, _ pairs: [String: String], replace: Bool, region: String
  ) async throws -> [String: String] {
    let operation = "Changing the metadata of snapshot \(snapshotID)"
    guard pairs.keys.allSatisfy({ !$0.isEmpty && $0.count <= 255 }),
      pairs.values.allSatisfy({ $0.count <= 255 })
    else {
      throw CloudError(
        kind: .invalidRequest,
        summary: "\(operation) failed: keys must be 1 to 255 characters, values at most 255")
    }
    let service = try await endpoint(.blockStorage, region: region)
    let response = try await send(
      replace ? .PUT : .POST, service.url + "/snapshots/\(Self.segment(snapshotID))/metadata",
      service: service, kind: .blockStorage,
      body: try JSONSerialization.data(withJSONObject: ["metadata": pairs], options: [.sortedKeys]),
      operation: operation)
    return try decode(MetadataWire.self, response, operation: operation).metadata
  }

  /// Removes one key (200, empty body; 404 in Cinder's words for a key that is not there).
  public func deleteSnapshotMetadataKey(snapshotID: String, key: String, region: String)
    async throws
  {
    let service = try await endpoint(.blockStorage, region: region)
    _ = try await send(
      .DELETE,
      service.url + "/snapshots/\(Self.segment(snapshotID))/metadata/\(Self.segment(key))",
      service: service, kind: .blockStorage,
      operation: "Removing metadata key \(key) of snapshot \(snapshotID)")
  }

  /// Admin only: sets a snapshot's status (`os-reset_status`). A member gets 403 with the
  /// policy's words.
  public func resetSnapshotStatus(snapshotID: String, to status: String, region: String)
    async throws
  {
    try await snapshotAction(
      snapshotID, ["os-reset_status": ["status": status]], region: region,
      operation: "Resetting the status of snapshot \(snapshotID)")
  }

  /// Admin only: deletes a snapshot whatever its status (`os-force_delete`).
  public func forceDeleteSnapshot(snapshotID: String, region: String) async throws {
    try await snapshotAction(
      snapshotID, ["os-force_delete": [String: String]()], region: region,
      operation: "Force-deleting snapshot \(snapshotID)")
  }

  private func snapshotAction(
    _ id: String, _ body: [String: Any], region: String, operation: String
  ) async throws {
    let service = try await endpoint(.blockStorage, region: region)
    _ = try await send(
      .POST, service.url + "/snapshots/\(Self.segment(id))/action", service: service,
      kind: .blockStorage,
      body: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]),
      operation: operation)
  }
}

/// `{"metadata": {...}}`: every value read as text.
struct MetadataWire: Decodable, Sendable {
  var metadata: [String: String]

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: WireKey.self)
    let inner = try c.nestedContainer(keyedBy: WireKey.self, forKey: WireKey("metadata"))
    var pairs: [String: String] = [:]
    for key in inner.allKeys { pairs[key.stringValue] = inner.lenientString(key) ?? "" }
    metadata = pairs
  }
}
