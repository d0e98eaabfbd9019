import Foundation

/// Rackspace Cloud Databases `/schedules` (rax-cdb-schedules.md): list, show, create, update
/// and delete, in the documented shapes.
///
/// What the docs leave open, as chosen here (and tested in ScheduleSimulatorTests):
/// - types: `day_of_week`, `hour`, `minute`, `full_backup_retention` are integers (a string
///   of digits is taken too); `copy_to` an array of region names; `run_now` `true` or "true";
/// - time zone: UTC for `hour`/`minute` and every date (written without a zone, as the
///   examples are);
/// - errors: the generic Cloud Databases fault shape, `{"badRequest": {"code": 400,
///   "message": ...}}` for a bad field, `itemNotFound` 404 for an unknown schedule or
///   instance, `unprocessableEntity` 422 for a second schedule of one instance;
/// - list and show carry the create answer's fields too (`running`, `source`,
///   `full_backup_retention`, `copy_to`);
/// - with `SimulatorConfiguration.schedulesSupported` off the path answers 404 as OpenStack
///   Trove does.
enum TroveSchedules {
  /// A field read from a request: its value, or the answer refusing it.
  enum Parsed<Value> {
    case value(Value)
    case refused(SimResponse)
  }

  static let defaultRetention = 2
  static let copyRegions: Set<String> = ["DFW", "IAD", "ORD", "HKG", "SYD"]

  static func handle(
    _ req: SimRequest, _ parts: [String], _ data: inout RegionData, _ ctx: ServiceContext,
    _ ids: inout SeededGenerator
  ) -> SimResponse {
    guard ctx.configuration.schedulesSupported else {
      return .notFound("The resource could not be found.")
    }
    switch (req.method, parts.count) {
    case ("GET", 1):
      var w = JSONWriter(capacity: data.schedules.count * 500 + 32)
      w.beginObject()
      w.beginArray("schedules")
      for schedule in data.schedules { write(&w, schedule) }
      w.endArray()
      w.endObject()
      return .json(200, w)
    case ("POST", 1): return create(req, &data, ctx, &ids)
    case ("GET", 2):
      guard let i = data.schedules.firstIndex(where: { $0.id == parts[1] }) else {
        return notFound(parts[1])
      }
      return one(data.schedules[i], status: 200)
    case ("PUT", 2): return update(req, parts[1], &data, ctx, &ids)
    case ("DELETE", 2):
      guard let i = data.schedules.firstIndex(where: { $0.id == parts[1] }) else {
        return notFound(parts[1])
      }
      data.schedules.remove(at: i)
      return SimResponse(status: 202, headers: [("Content-Type", "application/json")])
    default:
      return .notFound("The resource could not be found.")
    }
  }

  static func notFound(_ id: String) -> SimResponse {
    .notFound("Schedule \(id) could not be found.")
  }

  static func one(_ schedule: ScheduleRecord, status: Int) -> SimResponse {
    var inner = JSONWriter(capacity: 600)
    write(&inner, schedule)
    return TroveAPI.wrap("schedule", inner, status: status)
  }

  static func write(_ w: inout JSONWriter, _ s: ScheduleRecord) {
    w.beginObject()
    w.field("action", "backup")
    w.field("created", WireDate.trove(s.created))
    w.field("day_of_month", nil as String?)
    w.field("day_of_week", s.dayOfWeek)
    w.field("full_backup_retention", s.fullBackupRetention)
    w.field("hour", s.hour)
    w.field("id", s.id)
    w.field("instance_id", s.instanceID)
    w.field("last_scheduled", s.lastScheduled.map(WireDate.trove))
    w.field("minute", s.minute)
    w.field("month", nil as String?)
    w.field("next_run", WireDate.trove(s.nextRun))
    w.field("running", false)
    w.beginObject("source")
    w.field("id", s.instanceID)
    w.field("type", "instance")
    w.endObject()
    w.field("updated", WireDate.trove(s.updated))
    w.beginArray("copy_to")
    for region in s.copyTo { w.element(region) }
    w.endArray()
    w.endObject()
  }

  /// An integer field in range, nil when absent; a message when present but wrong.
  static func integer(_ body: [String: Any], _ key: String, _ range: ClosedRange<Int>)
    -> Parsed<Int?>
  {
    guard let value = body[key], !(value is NSNull) else { return .value(nil) }
    let number: Int?
    if let int = value as? Int {  // (Foundation on Linux cannot tell 1 from true here)
      number = int
    } else if let text = value as? String {
      number = Int(text)
    } else {
      number = nil
    }
    guard let number, range.contains(number) else {
      return .refused(
        .badRequest(
          "Validation error: schedule['\(key)'] \(RequestJSON.describe(value)) must be an integer from \(range.lowerBound) to \(range.upperBound)."
        ))
    }
    return .value(number)
  }

  static func copyTo(_ body: [String: Any]) -> Parsed<[String]?> {
    guard let value = body["copy_to"], !(value is NSNull) else { return .value(nil) }
    guard let list = value as? [String] else {
      return .refused(
        .badRequest("Validation error: schedule['copy_to'] must be a list of regions."))
    }
    let regions = list.map { $0.uppercased() }
    if let bad = regions.first(where: { !copyRegions.contains($0) }) {
      return .refused(.badRequest("Backups cannot be copied to region \(bad)."))
    }
    return .value(regions)
  }

  static func create(
    _ req: SimRequest, _ data: inout RegionData, _ ctx: ServiceContext,
    _ ids: inout SeededGenerator
  ) -> SimResponse {
    guard let root = RequestJSON.object(req.body) else { return TroveWire.malformedBody() }
    guard let body = root["schedule"] as? [String: Any] else {
      return .badRequest("Validation error: resource 'schedule' is a required property")
    }
    if let action = body["action"] as? String, action != "backup" {
      return .badRequest("Validation error: schedule['action'] must be 'backup'.")
    }
    guard let instanceID = (body["instance_id"] ?? body["source_id"]) as? String,
      !instanceID.isEmpty
    else {
      return .badRequest("Validation error: schedule 'instance_id' is a required property")
    }
    guard data.instancePosition(instanceID) != nil else { return TroveAPI.notFound(instanceID) }
    if data.schedules.contains(where: { $0.instanceID == instanceID }) {
      return .unprocessable("Instance \(instanceID) already has a backup schedule.")
    }
    var values: [Int] = []
    for (key, range, required) in [
      ("day_of_week", 0...7, true), ("hour", 0...23, true), ("minute", 0...59, true),
      ("full_backup_retention", 1...100, false),
    ] {
      switch integer(body, key, range) {
      case .refused(let response): return response
      case .value(nil) where required:
        return .badRequest("Validation error: schedule '\(key)' is a required property")
      case .value(let value): values.append(value ?? defaultRetention)
      }
    }
    let copy: [String]
    switch copyTo(body) {
    case .refused(let response): return response
    case .value(let value): copy = value ?? []
    }
    let now = ctx.now.rounded(.down)
    let schedule = ScheduleRecord(
      id: ids.uuid(), instanceID: instanceID, dayOfWeek: values[0], hour: values[1],
      minute: values[2], fullBackupRetention: values[3], copyTo: copy, created: now, updated: now,
      lastScheduled: nil,
      nextRun: ScheduleRecord.nextRun(after: now, hour: values[1], minute: values[2]))
    data.schedules.append(schedule)
    return one(schedule, status: 202)
  }

  static func update(
    _ req: SimRequest, _ id: String, _ data: inout RegionData, _ ctx: ServiceContext,
    _ ids: inout SeededGenerator
  ) -> SimResponse {
    guard let i = data.schedules.firstIndex(where: { $0.id == id }) else { return notFound(id) }
    guard let root = RequestJSON.object(req.body) else { return TroveWire.malformedBody() }
    guard let body = root["schedule"] as? [String: Any] else {
      return .badRequest("Validation error: resource 'schedule' is a required property")
    }
    var schedule = data.schedules[i]
    for (key, range) in [
      ("day_of_week", 0...7), ("hour", 0...23), ("minute", 0...59),
      ("full_backup_retention", 1...100),
    ] {
      switch integer(body, key, range) {
      case .refused(let response): return response
      case .value(nil): break
      case .value(let value?):
        switch key {
        case "day_of_week": schedule.dayOfWeek = value
        case "hour": schedule.hour = value
        case "minute": schedule.minute = value
        default: schedule.fullBackupRetention = value
        }
      }
    }
    switch copyTo(body) {
    case .refused(let response): return response
    case .value(let value): if let value { schedule.copyTo = value }
    }
    let now = ctx.now.rounded(.down)
    schedule.updated = now
    schedule.nextRun = ScheduleRecord.nextRun(
      after: now, hour: schedule.hour, minute: schedule.minute)
    // `run_now` is the string "true" in the docs' example; a JSON true is taken as well.
    let runNow = (body["run_now"] as? Bool) == true || (body["run_now"] as? String) == "true"
    data.schedules[i] = schedule
    if runNow { data.takeScheduledBackup(i, at: now, ctx.configuration, &ids) }
    // 202 with an empty body, labelled JSON, as the docs show.
    return SimResponse(status: 202, headers: [("Content-Type", "application/json")])
  }
}
