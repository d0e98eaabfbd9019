/// Trove v1.0 under `/{region}/database/v1.0/{tenant}`: instances and backups, with the
/// validations and paging quirks of the real service (fixtures/real/trove-26/).
enum TroveAPI {
  /// Trove's default page size (`instances_page_size` / `backups_page_size` = 20).
  static let defaultLimit = 20
  /// Largest page the simulator serves; clients may ask for 1,000 at a time.
  static let maxLimit = 1000

  static func handle(
    _ req: SimRequest, _ path: ArraySlice<String>, _ data: inout RegionData,
    _ ctx: ServiceContext, _ ids: inout SeededGenerator
  ) -> SimResponse {
    let parts = Array(path)
    switch (req.method, parts.count, parts.first) {
    case ("GET", 1, "instances"): return listInstances(req, data, ctx)
    case ("POST", 1, "instances"): return TroveRestore.create(req, &data, ctx, &ids)
    case ("DELETE", 2, "instances"): return TroveRestore.delete(parts[1], &data, ctx)
    case ("GET", 1, "flavors"): return TroveFlavors.list(ctx)
    case ("GET", 2, "flavors"): return TroveFlavors.show(parts[1], ctx)
    case ("GET", 2, "instances"): return showInstance(parts[1], data, ctx)
    case ("GET", 3, "instances") where parts[2] == "backups":
      guard data.instancePosition(parts[1]) != nil else { return notFound(parts[1]) }
      return listBackups(
        req, data, ctx, instanceID: parts[1], path: "instances/\(parts[1])/backups")
    case ("GET", 1, "backups"): return listBackups(req, data, ctx, instanceID: nil, path: "backups")
    case ("GET", 2, "backups"):
      guard let i = data.backupPosition(parts[1]) else { return notFound(parts[1]) }
      return single(data.backups[i], ctx, status: 200)
    case ("POST", 1, "backups"):
      let response = TroveBackupCreate.create(req, &data, ctx, &ids)
      BackupCopies.copyTo(req, response, &data, ctx)
      return response
    case ("POST", 3, "backups") where parts[2] == "action":
      return BackupCopies.action(req, parts[1], &data, ctx)
    case ("DELETE", 2, "backups"): return deleteBackup(parts[1], &data, ctx, &ids)
    case (_, 1...2, "schedules"): return TroveSchedules.handle(req, parts, &data, ctx, &ids)
    default:
      return .notFound("The resource could not be found.")
    }
  }

  static func notFound(_ id: String) -> SimResponse {
    .notFound("Resource \(id) cannot be found.")
  }

  static func single(_ b: BackupRecord, _ ctx: ServiceContext, status: Int) -> SimResponse {
    var inner = JSONWriter(capacity: 700)
    TroveWire.backup(&inner, b, ctx)
    return wrap("backup", inner, status: status)
  }

  /// `limit`: default 20, at most 1,000; nil means "not a number" (400).
  private static func limit(_ req: SimRequest) -> Int? {
    guard let text = req.queryValue("limit") else { return defaultLimit }
    guard let value = Int(text), value > 0 else { return nil }
    return min(value, maxLimit)
  }

  private static func listBackups(
    _ req: SimRequest, _ data: RegionData, _ ctx: ServiceContext, instanceID: String?,
    path: String
  ) -> SimResponse {
    var datastoreType: String? = nil
    if let wanted = req.queryValue("datastore") {
      // An unknown datastore is a 404, not an empty list
      // (fixtures/real/trove-26/backups-datastore-unknown.json).
      guard let match = Datastore.all.first(where: { $0.type == wanted.lowercased() }) else {
        return .notFound("Datastore '\(wanted)' cannot be found.")
      }
      datastoreType = match.type
    }
    guard let limit = limit(req) else { return .badRequest("limit must be a positive integer.") }
    let instanceFilter = instanceID ?? req.queryValue("instance_id")
    // The marker is an offset into the filtered list (fixtures/real/trove-26/backups-page2.json).
    let offset = max(0, Int(req.queryValue("marker") ?? "0") ?? 0)
    var w = JSONWriter(capacity: min(limit, 1000) * 700 + 64)
    w.beginObject()
    w.beginArray("backups")
    // Newest updated first, as Trove orders them (TroveBackupOrder).
    let include: ((BackupRecord) -> Bool)? =
      datastoreType == nil && instanceFilter == nil
      ? nil
      : { b in
        if let instanceFilter, b.instanceID != instanceFilter { return false }
        if let datastoreType, Datastore.all[b.datastore].type != datastoreType { return false }
        return true
      }
    let page = data.backupOrder.page(
      data.backups, at: ctx.now, offset: offset, limit: limit, include: include)
    for position in page { TroveWire.backup(&w, data.backups[position], ctx) }
    let count = page.count
    w.endArray()
    // A full page always links on, even when it holds the last row
    // (fixtures/real/trove-26/backups-page3.json).
    if count == limit {
      var params = req.query.filter { $0.0 != "limit" && $0.0 != "marker" }
      params.append(("limit", String(limit)))
      params.append(("marker", String(offset + count)))
      TroveWire.nextLink(&w, nextHref(ctx, path, params))
    }
    w.endObject()
    return .json(200, w)
  }

  /// Trove says https in its links even behind plain http.
  static func nextHref(_ ctx: ServiceContext, _ path: String, _ params: [(String, String)])
    -> String
  {
    let query = params.map { "\(QueryEncoding.escape($0.0))=\(QueryEncoding.escape($0.1))" }
    return "https://\(ctx.host)/\(ctx.region.lowercased())/database/v1.0/\(ctx.tenantID)/\(path)?"
      + query.joined(separator: "&")
  }

  private static func listInstances(_ req: SimRequest, _ data: RegionData, _ ctx: ServiceContext)
    -> SimResponse
  {
    guard let limit = limit(req) else { return .badRequest("limit must be a positive integer.") }
    // Instances page by id: marker = the last id of the previous page.
    var start = 0
    if let marker = req.queryValue("marker") {
      guard let i = data.instancePosition(marker) else { return notFound(marker) }
      start = i + 1
    }
    let page = data.instances[min(start, data.instances.count)...].prefix(limit)
    var w = JSONWriter(capacity: page.count * 800 + 64)
    w.beginObject()
    w.beginArray("instances")
    for i in page {
      TroveWire.instance(&w, i, status: data.instanceStatus(i, at: ctx.now), detail: false, ctx)
    }
    w.endArray()
    if page.count == limit, let last = page.last {
      var params = req.query.filter { $0.0 != "limit" && $0.0 != "marker" }
      params.append(("limit", String(limit)))
      params.append(("marker", last.id))
      TroveWire.nextLink(&w, nextHref(ctx, "instances", params))
    }
    w.endObject()
    return .json(200, w)
  }

  private static func showInstance(_ id: String, _ data: RegionData, _ ctx: ServiceContext)
    -> SimResponse
  {
    guard let i = data.instancePosition(id) else { return notFound(id) }
    let instance = data.instances[i]
    var inner = JSONWriter()
    TroveWire.instance(
      &inner, instance, status: data.instanceStatus(instance, at: ctx.now), detail: true, ctx)
    return wrap("instance", inner, status: 200)
  }

  /// `{"<key>": <object>}` around an object written on its own.
  static func wrap(_ key: String, _ inner: JSONWriter, status: Int) -> SimResponse {
    var bytes = Array("{\"\(key)\": ".utf8)
    bytes.append(contentsOf: inner.bytes)
    bytes.append(UInt8(ascii: "}"))
    return SimResponse(status: status, headers: [("Content-Type", "application/json")], body: bytes)
  }

  private static func deleteBackup(
    _ id: String, _ data: inout RegionData, _ ctx: ServiceContext, _ ids: inout SeededGenerator
  ) -> SimResponse {
    guard let i = data.backupPosition(id) else { return notFound(id) }
    if data.backups[i].isRunning(at: ctx.now) {
      return .unprocessable("Backup \(id) cannot be deleted because it is running.")
    }
    data.deleteFamily(
      at: i, doneAt: ctx.now + ctx.configuration.deleteDuration,
      failing: ids.chance(ctx.configuration.failureRate))
    // 202 with an empty body, still labelled JSON (fixtures/real/trove-26/backup-delete.txt).
    return SimResponse(status: 202, headers: [("Content-Type", "application/json")])
  }
}
