/// Cinder under `/{region}/volume/v1/{tenant}` and `/{region}/volume/v3/{tenant}`: volumes and
/// snapshots over one set of rows, in either dialect (fixtures/real/cinder-29/).
enum CinderAPI {
  /// `osapi_max_limit`: the most rows one answer holds, with or without `limit`.
  static let maxLimit = 1000

  static func handle(
    _ req: SimRequest, _ path: ArraySlice<String>, _ dialect: CinderWire.Dialect,
    _ data: inout RegionData, _ ctx: ServiceContext, _ ids: inout SeededGenerator
  ) -> SimResponse {
    let parts = Array(path)
    switch (req.method, parts.count, parts.first) {
    case ("GET", 1, "snapshots"): return listSnapshots(req, .summary, dialect, data, ctx)
    case ("GET", 2, "snapshots") where parts[1] == "detail":
      return listSnapshots(req, .detail, dialect, data, ctx)
    case ("GET", 2, "snapshots"):
      guard let i = data.snapshotPosition(parts[1]) else { return snapshotNotFound(parts[1]) }
      var w = JSONWriter()
      CinderWire.snapshot(&w, data.snapshots[i], .detail, dialect, ctx)
      return TroveAPI.wrap("snapshot", w, status: 200)
    case ("POST", 1, "snapshots"): return CinderSnapshotWrite.create(req, dialect, &data, ctx, &ids)
    case ("PUT", 2, "snapshots"):
      return CinderSnapshotWrite.update(req, parts[1], dialect, &data, ctx)
    case ("DELETE", 2, "snapshots"):
      return CinderSnapshotWrite.delete(parts[1], &data, ctx, &ids)
    case (_, 3, "snapshots") where parts[2] == "metadata",
      (_, 4, "snapshots") where parts[2] == "metadata":
      return CinderSnapshotExtras.metadata(req, parts, &data, ctx)
    case ("POST", 3, "snapshots") where parts[2] == "action":
      return CinderSnapshotExtras.action(req, parts[1], &data, ctx)
    case ("POST", 1, "volumes"): return CinderVolumeCreate.create(req, dialect, &data, ctx, &ids)
    case ("GET", 1, "volumes"): return listVolumes(req, detail: false, dialect, data, ctx)
    case ("GET", 2, "volumes") where parts[1] == "detail":
      return listVolumes(req, detail: true, dialect, data, ctx)
    case ("GET", 2, "volumes"):
      guard let i = data.volumePosition(parts[1]) else {
        return .notFound("Volume \(parts[1]) could not be found.")
      }
      var w = JSONWriter()
      CinderWire.volume(&w, data.volumes[i], detail: true, dialect, ctx)
      return TroveAPI.wrap("volume", w, status: 200)
    default:
      return .notFound("The resource could not be found.")
    }
  }

  static func snapshotNotFound(_ id: String) -> SimResponse {
    .notFound("Snapshot \(id) could not be found.")
  }

  /// `limit` (at most `osapi_max_limit`; absent = the maximum), or a 400 answer.
  private static func limit(_ req: SimRequest) -> Result<Int, Refusal> {
    guard let text = req.queryValue("limit") else { return .success(maxLimit) }
    guard let value = Int(text), value >= 0 else {
      return .failure(Refusal(.badRequest("limit param must be an integer")))
    }
    return .success(min(value, maxLimit))
  }

  struct Refusal: Error {
    let response: SimResponse
    init(_ response: SimResponse) { self.response = response }
  }

  private static func nextHref(
    _ req: SimRequest, _ dialect: CinderWire.Dialect, _ ctx: ServiceContext, _ path: String,
    limit: Int, marker: String
  ) -> String {
    // Cinder copies the request's parameters and sets the marker: `limit` appears only if the
    // client sent it (fixtures/real/cinder-29/snapshots-detail-page1.json: "limit=2&marker=").
    var params = req.query.filter { $0.0 != "marker" }
    params.append(("marker", marker))
    let query = params.map { "\(QueryEncoding.escape($0.0))=\(QueryEncoding.escape($0.1))" }
    return "\(ctx.serviceRoot("volume"))/\(dialect.isV1 ? "v1" : "v3")/\(ctx.tenantID)/\(path)?"
      + query.joined(separator: "&")
  }

  private static func listSnapshots(
    _ req: SimRequest, _ form: CinderWire.SnapshotForm, _ dialect: CinderWire.Dialect,
    _ data: RegionData, _ ctx: ServiceContext
  ) -> SimResponse {
    let limit: Int
    switch Self.limit(req) {
    case .success(let value): limit = value
    case .failure(let refusal): return refusal.response
    }
    let query: CinderListQuery
    switch CinderListQuery.parse(req, filters: CinderListQuery.snapshotFilters, dialect: dialect) {
    case .success(let value): query = value
    case .failure(let refusal): return refusal.response
    }
    let volumeFilter = req.queryValue("volume_id")
    let statusFilter = req.queryValue("status")
    let nameFilter = req.queryValue(dialect.isV1 ? "display_name" : "name")
    let filtered = volumeFilter != nil || statusFilter != nil || nameFilter != nil
    func wanted(_ s: SnapshotRecord) -> Bool {
      if let volumeFilter, s.volumeID != volumeFilter { return false }
      if let statusFilter, s.status(at: ctx.now) != statusFilter.lowercased() { return false }
      if let nameFilter, s.name != nameFilter { return false }
      return true
    }
    var page: [Int] = []
    if query.isDefaultOrder {
      // Newest first, as stored; the marker is the id of the last row of the previous page.
      var index = data.snapshots.count - 1
      if let marker = req.queryValue("marker") {
        guard let position = data.snapshotPosition(marker) else {
          return .badRequest("Marker \(marker) could not be found.")
        }
        index = position - 1
      }
      while page.count < limit, index >= 0 {
        if !filtered || wanted(data.snapshots[index]) { page.append(index) }
        index -= 1
      }
    } else {
      let order = SortOrder(query: query, now: ctx.now)
      var candidates = data.snapshots.indices.filter { !filtered || wanted(data.snapshots[$0]) }
      if let marker = req.queryValue("marker") {
        guard let position = data.snapshotPosition(marker) else {
          return .badRequest("Marker \(marker) could not be found.")
        }
        let after = order.key(data.snapshots[position])
        candidates = candidates.filter { order.isBefore(after, order.key(data.snapshots[$0])) }
      }
      page = smallest(limit, of: candidates.map { (order.key(data.snapshots[$0]), $0) }) {
        order.isBefore($0.0, $1.0)
      }.map(\.1)
    }
    var w = JSONWriter(capacity: min(limit, 1000) * 600 + 64)
    w.beginObject()
    w.beginArray("snapshots")
    for index in page { CinderWire.snapshot(&w, data.snapshots[index], form, dialect, ctx) }
    w.endArray()
    // A full page links on even when nothing follows; the next page is then empty with no
    // link (fixtures/real/cinder-29/snapshots-detail-page2.json, page3.json). The link keeps
    // the sort (snapshots-detail-sort-updated-desc-limit2.json).
    if page.count == limit, let last = page.last, limit > 0 {
      let path = form == .summary ? "snapshots" : "snapshots/detail"
      CinderWire.nextLink(
        &w, "snapshots_links",
        nextHref(req, dialect, ctx, path, limit: limit, marker: data.snapshots[last].id))
    }
    // `count` is the total, after the links (snapshots-detail-with-count-limit1.json).
    if query.withCount {
      w.field("count", filtered ? data.snapshots.filter(wanted).count : data.snapshots.count)
    }
    w.endObject()
    return .json(200, w)
  }

  /// A snapshot's place in a requested order: the sort key, then creation order, as Cinder
  /// orders ties by its default keys.
  struct SortOrder {
    enum Value: Comparable {
      case missing
      case number(Double)
      case text(String)
    }
    let query: CinderListQuery
    let now: Double

    func key(_ s: SnapshotRecord) -> (Value, Int) {
      let value: Value
      switch query.sortKey {
      case .createdAt: value = .number(s.created)
      case .updatedAt: value = s.updatedAt(at: now).map(Value.number) ?? .missing
      case .id: value = .text(s.id)
      case .name: value = s.name.map(Value.text) ?? .missing
      case .status: value = .text(s.status(at: now))
      case .size: value = .number(Double(s.size))
      }
      return (value, s.seq)
    }

    func isBefore(_ a: (Value, Int), _ b: (Value, Int)) -> Bool {
      if a.0 != b.0 { return query.descending ? a.0 > b.0 : a.0 < b.0 }
      return query.descending ? a.1 > b.1 : a.1 < b.1
    }
  }

  private static func listVolumes(
    _ req: SimRequest, detail: Bool, _ dialect: CinderWire.Dialect, _ data: RegionData,
    _ ctx: ServiceContext
  ) -> SimResponse {
    let limit: Int
    switch Self.limit(req) {
    case .success(let value): limit = value
    case .failure(let refusal): return refusal.response
    }
    let query: CinderListQuery
    switch CinderListQuery.parse(req, filters: CinderListQuery.volumeFilters, dialect: dialect) {
    case .success(let value): query = value
    case .failure(let refusal): return refusal.response
    }
    // Volumes, like snapshots, come newest first.
    var index = data.volumes.count - 1
    if let marker = req.queryValue("marker") {
      guard let position = data.volumePosition(marker) else {
        return .badRequest("Marker \(marker) could not be found.")
      }
      index = position - 1
    }
    let statusFilter = req.queryValue("status")
    var w = JSONWriter(capacity: 4096)
    w.beginObject()
    w.beginArray("volumes")
    var count = 0
    var last: String? = nil
    while count < limit, index >= 0 {
      let v = data.volumes[index]
      index -= 1
      if let statusFilter, v.status(at: ctx.now) != statusFilter.lowercased() { continue }
      guard query.passes(.createdAt, v.created), query.passes(.updatedAt, v.updatedAt(at: ctx.now))
      else { continue }
      CinderWire.volume(&w, v, detail: detail, dialect, ctx)
      count += 1
      last = v.id
    }
    w.endArray()
    if count == limit, let last, limit > 0 {
      CinderWire.nextLink(
        &w, "volumes_links",
        nextHref(
          req, dialect, ctx, detail ? "volumes/detail" : "volumes", limit: limit, marker: last))
    }
    w.endObject()
    return .json(200, w)
  }
}
