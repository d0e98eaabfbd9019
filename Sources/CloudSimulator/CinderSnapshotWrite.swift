import Foundation

/// Snapshot create, update and delete, with Cinder's schema checks and state rules.
enum CinderSnapshotWrite {
  /// Name and description limit of the v3 schema (fixtures/real/cinder-29/
  /// snapshot-create-long-description.json holds exactly 255).
  static let maxTextLength = 255
  static let createKeys: Set<String> = [
    "name", "display_name", "description", "display_description", "volume_id", "force",
    "metadata",
  ]
  static let updateKeys: Set<String> = [
    "name", "display_name", "description", "display_description",
  ]

  private static func malformed() -> SimResponse { .badRequest("Malformed request body") }

  private static func invalid(_ field: String, _ value: Any, _ reason: String) -> SimResponse {
    .badRequest(
      "Invalid input for field/attribute \(field). Value: \(RequestJSON.plain(value)). \(reason)")
  }

  /// The v3 schema: no unknown keys, and strings no longer than 255.
  private static func checkSchema(
    _ body: [String: Any], allowed: Set<String>, _ dialect: CinderWire.Dialect
  ) -> SimResponse? {
    guard !dialect.isV1 else { return nil }
    let unknown = body.keys.filter { !allowed.contains($0) }.sorted()
    if let first = unknown.first {
      return invalid(
        "snapshot", RequestJSON.describe(body),
        "Additional properties are not allowed ('\(first)' was unexpected)")
    }
    for key in ["name", "display_name", "description", "display_description"] {
      guard let value = body[key], !(value is NSNull) else { continue }
      guard let text = value as? String else {
        return invalid(key, value, "\(RequestJSON.describe(value)) is not of type 'string'")
      }
      if text.count > maxTextLength {
        return invalid(key, text, "'\(text)' is too long")
      }
    }
    return nil
  }

  private static func text(_ body: [String: Any], _ v3: String, _ v1: String) -> String?? {
    if let value = body[v3] ?? body[v1] { return .some(value as? String) }
    return .none
  }

  static func create(
    _ req: SimRequest, _ dialect: CinderWire.Dialect, _ data: inout RegionData,
    _ ctx: ServiceContext, _ ids: inout SeededGenerator
  ) -> SimResponse {
    guard let root = RequestJSON.object(req.body) else { return malformed() }
    guard let body = root["snapshot"] as? [String: Any] else {
      return invalid("snapshot", "None", "None is not of type 'object'")
    }
    if let refusal = checkSchema(body, allowed: createKeys, dialect) { return refusal }
    guard let volumeID = body["volume_id"] as? String else {
      return invalid(
        "snapshot", RequestJSON.describe(body), "'volume_id' is a required property")
    }
    guard let v = data.volumePosition(volumeID) else {
      return .notFound("Volume \(volumeID) could not be found.")
    }
    let volume = data.volumes[v]
    // An in-use volume needs force (cinder/volume/api.py _create_snapshot).
    let force = isTrue(body["force"])
    let volumeStatus = volume.status(at: ctx.now)
    if volumeStatus == "creating" {
      return .badRequest(
        "Invalid volume: Volume \(volumeID) status must be available or in-use, but current "
          + "status is: creating.")
    }
    if volumeStatus == "in-use", !force {
      return .badRequest(
        "Invalid volume: Volume \(volumeID) status must be available, but current status is: "
          + "in-use.")
    }
    var metadata: [(String, String)] = []
    if let given = body["metadata"] as? [String: Any] {
      metadata = given.keys.sorted().map { ($0, RequestJSON.plain(given[$0] as Any)) }
    }
    let snapshot = SnapshotRecord(
      seq: data.takeSeq(), id: ids.uuid(), name: text(body, "name", "display_name") ?? nil,
      description: text(body, "description", "display_description") ?? nil,
      volumeID: volumeID, size: volume.size, created: ctx.now,
      duration: ctx.configuration.snapshotDuration,
      fails: ids.chance(ctx.configuration.failureRate), metadata: metadata)
    data.append(snapshot)
    var w = JSONWriter()
    CinderWire.snapshot(&w, snapshot, dialect.isV1 ? .summary : .mutation, dialect, ctx)
    // Rackspace v1 answers 200 although its docs say 201
    // (fixtures/docs/rax-cbs-capture-snapshot-create-200.json); v3 answers 202.
    return TroveAPI.wrap("snapshot", w, status: dialect.isV1 ? 200 : 202)
  }

  private static func isTrue(_ value: Any?) -> Bool {
    if let flag = value as? Bool { return flag }
    if let text = value as? String {
      return ["true", "1", "yes", "on"].contains(text.lowercased())
    }
    if let number = value as? Int { return number != 0 }
    return false
  }

  static func update(
    _ req: SimRequest, _ id: String, _ dialect: CinderWire.Dialect, _ data: inout RegionData,
    _ ctx: ServiceContext
  ) -> SimResponse {
    guard let root = RequestJSON.object(req.body) else { return malformed() }
    guard let body = root["snapshot"] as? [String: Any] else {
      return invalid("snapshot", "None", "None is not of type 'object'")
    }
    // An update must change something (fixtures/real/cinder-29/error-400.json).
    if body.keys.filter(updateKeys.contains).isEmpty, !dialect.isV1 || body.isEmpty {
      return invalid(
        "snapshot", RequestJSON.describe(body),
        "\(RequestJSON.describe(body)) is not valid under any of the given schemas")
    }
    if let refusal = checkSchema(body, allowed: updateKeys, dialect) { return refusal }
    guard let i = data.snapshotPosition(id) else { return CinderAPI.snapshotNotFound(id) }
    if let name = text(body, "name", "display_name") { data.snapshots[i].name = name }
    if let description = text(body, "description", "display_description") {
      data.snapshots[i].description = description
    }
    // The PUT reply still shows the old updated_at (fixtures/real/cinder-29/snapshot-update.json);
    // later reads show the change.
    var w = JSONWriter()
    CinderWire.snapshot(&w, data.snapshots[i], dialect.isV1 ? .summary : .mutation, dialect, ctx)
    data.snapshots[i].changed = ctx.now
    return TroveAPI.wrap("snapshot", w, status: 200)
  }

  static func delete(
    _ id: String, _ data: inout RegionData, _ ctx: ServiceContext, _ ids: inout SeededGenerator
  ) -> SimResponse {
    guard let i = data.snapshotPosition(id) else { return CinderAPI.snapshotNotFound(id) }
    let status = data.snapshots[i].status(at: ctx.now)
    guard status == "available" || status == "error" else {
      return .badRequest(
        "Invalid snapshot: Snapshot status must be available or error and must not be part of "
          + "a group.")
    }
    data.snapshots[i].deleteStarted = ctx.now
    data.snapshots[i].deleteDoneAt = ctx.now + ctx.configuration.deleteDuration
    data.snapshots[i].deleteWillFail = ids.chance(ctx.configuration.failureRate)
    data.pendingSnapshotDeletes.insert(id)
    // 202, empty body, labelled text/html (fixtures/real/cinder-29/snapshot-delete.txt).
    return SimResponse(status: 202, headers: [("Content-Type", "text/html; charset=UTF-8")])
  }
}
