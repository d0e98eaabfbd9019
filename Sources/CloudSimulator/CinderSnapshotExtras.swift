import Foundation

/// A snapshot's metadata (`/snapshots/{id}/metadata[/{key}]`) and Cinder's admin actions
/// (`POST /snapshots/{id}/action`), as Cinder 29 answers them (cinder-29/snapshot-metadata*.json,
/// error-403-snapshot-*-demo.json, snapshot-*-admin.txt). Every change bumps `updated_at`
/// (snapshot-show-r2-a-after-metadata.json).
enum CinderSnapshotExtras {
  static func metadata(
    _ req: SimRequest, _ parts: [String], _ data: inout RegionData, _ ctx: ServiceContext
  ) -> SimResponse {
    guard let i = data.snapshotPosition(parts[1]) else {
      return CinderAPI.snapshotNotFound(parts[1])
    }
    if parts.count == 3 {
      switch req.method {
      case "GET": return metadataBody("metadata", data.snapshots[i].metadata)
      case "POST", "PUT":
        guard let root = RequestJSON.object(req.body),
          let sent = root["metadata"] as? [String: Any]
        else { return .badRequest("Malformed request body") }
        let pairs = sent.keys.sorted().map { ($0, RequestJSON.plain(sent[$0] ?? "")) }
        if req.method == "PUT" {
          data.snapshots[i].metadata = pairs  // PUT replaces (snapshot-metadata-put.json)
        } else {
          for (key, value) in pairs {  // POST merges (snapshot-metadata-post.json)
            if let k = data.snapshots[i].metadata.firstIndex(where: { $0.0 == key }) {
              data.snapshots[i].metadata[k].1 = value
            } else {
              data.snapshots[i].metadata.append((key, value))
            }
          }
        }
        data.snapshots[i].changed = ctx.now
        return metadataBody("metadata", data.snapshots[i].metadata)
      default: return .notFound("The resource could not be found.")
      }
    }
    let key = parts[3]
    let position = data.snapshots[i].metadata.firstIndex { $0.0 == key }
    switch req.method {
    case "GET":
      guard let position else { return noKey(parts[1], key) }
      return metadataBody("meta", [data.snapshots[i].metadata[position]])
    case "PUT":
      guard let root = RequestJSON.object(req.body), let meta = root["meta"] as? [String: Any],
        meta.count == 1, let value = meta[key]
      else { return .badRequest("Request body and URI mismatch") }
      let text = RequestJSON.plain(value)
      if let position {
        data.snapshots[i].metadata[position].1 = text
      } else {
        data.snapshots[i].metadata.append((key, text))
      }
      data.snapshots[i].changed = ctx.now
      return metadataBody("meta", [(key, text)])
    case "DELETE":
      guard let position else { return noKey(parts[1], key) }
      data.snapshots[i].metadata.remove(at: position)
      data.snapshots[i].changed = ctx.now
      // 200 with an empty body labelled text/html (snapshot-metadata-key-delete.txt).
      return SimResponse(status: 200, headers: [("Content-Type", "text/html; charset=UTF-8")])
    default:
      return .notFound("The resource could not be found.")
    }
  }

  private static func noKey(_ id: String, _ key: String) -> SimResponse {
    .notFound("Snapshot \(id) has no metadata with key \(key).")
  }

  private static func metadataBody(_ wrapper: String, _ pairs: [(String, String)]) -> SimResponse {
    var w = JSONWriter()
    w.beginObject()
    w.beginObject(wrapper)
    for (key, value) in pairs { w.field(key, value) }
    w.endObject()
    w.endObject()
    return .json(200, w)
  }

  /// The statuses `os-reset_status` accepts (error-400-snapshot-reset-status-bad.json).
  static let resettable = [
    "creating", "available", "deleting", "error", "error_deleting", "backing-up", "restoring",
    "unmanaging",
  ]

  /// `os-reset_status` and `os-force_delete`: 202 for an admin, 403 for anyone else.
  static func action(
    _ req: SimRequest, _ id: String, _ data: inout RegionData, _ ctx: ServiceContext
  ) -> SimResponse {
    guard let i = data.snapshotPosition(id) else { return CinderAPI.snapshotNotFound(id) }
    guard let root = RequestJSON.object(req.body), let name = root.keys.first else {
      return .badRequest("Malformed request body")
    }
    let policy: String
    switch name {
    case "os-reset_status": policy = "reset_status"
    case "os-force_delete": policy = "force_delete"
    default: return .badRequest("There is no such action: \(name)")
    }
    guard ctx.configuration.userIsAdmin else {
      return .fault(
        403, "forbidden",
        "Policy doesn't allow volume_extension:snapshot_admin_actions:\(policy) to be performed.")
    }
    if policy == "reset_status" {
      let wanted = ((root[name] as? [String: Any])?["status"] as? String)?.lowercased() ?? ""
      guard resettable.contains(wanted) else {
        return .badRequest(
          "Invalid input for field/attribute status. Value: \(wanted). '\(wanted)' is not one of "
            + "[" + resettable.map { "'\($0)'" }.joined(separator: ", ") + "]")
      }
      data.snapshots[i].resetStatus = wanted
      data.snapshots[i].changed = ctx.now
    } else {
      data.snapshots[i].errorDeleting = false
      data.snapshots[i].deleteStarted = ctx.now
      data.snapshots[i].deleteDoneAt = ctx.now + ctx.configuration.deleteDuration
      data.snapshots[i].deleteWillFail = false
      data.pendingSnapshotDeletes.insert(id)
    }
    // 202, no body, labelled JSON (snapshot-reset-status-admin.txt).
    return SimResponse(status: 202, headers: [("Content-Type", "application/json")])
  }
}
