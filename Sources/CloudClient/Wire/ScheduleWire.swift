import Foundation

/// The one coding type for Cloud Databases schedules (rax-cdb-schedules-*.json).
///
/// Every field is read leniently: the docs give no types and their examples disagree
/// (`running` is `false` in one body and `0` in another; `full_backup_retention` is null
/// in one and `2` in another; list and show leave out `source` and `copy_to`).
struct ScheduleWire: Decodable, Sendable {
  var value: BackupSchedule

  enum Key: String, CodingKey {
    case id, instance_id, day_of_week, hour, minute, full_backup_retention, copy_to, created
    case updated, last_scheduled, next_run, source
  }

  enum SourceKey: String, CodingKey { case id, type }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    guard let id = c.lenientString(.id), !id.isEmpty else {
      throw DecodingError.keyNotFound(Key.id, .init(codingPath: [], debugDescription: "no id"))
    }
    var instanceID = c.lenientString(.instance_id)
    if instanceID == nil,
      let source = try? c.nestedContainer(keyedBy: SourceKey.self, forKey: .source)
    {
      instanceID = source.lenientString(.id)
    }
    value = BackupSchedule(
      id: id, instanceID: instanceID ?? "", dayOfWeek: c.lenientInt(.day_of_week) ?? 0,
      hour: c.lenientInt(.hour) ?? 0, minute: c.lenientInt(.minute) ?? 0,
      fullBackupRetention: c.lenientInt(.full_backup_retention),
      copyTo: (try? c.decodeIfPresent([String].self, forKey: .copy_to)) ?? [],
      created: c.lenientDate(.created), updated: c.lenientDate(.updated),
      lastScheduled: c.lenientDate(.last_scheduled), nextRun: c.lenientDate(.next_run))
  }

  /// `{"schedule": {...}}` from create and show.
  struct One: Decodable, Sendable {
    var schedule: ScheduleWire
  }

  /// `{"schedules": [...]}`; unreadable items are left out.
  struct Page: Decodable, Sendable {
    var items: [BackupSchedule]

    enum Key: String, CodingKey { case schedules }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: Key.self)
      let raw = try c.decode([Lossy].self, forKey: .schedules)
      items = raw.compactMap(\.value)
    }
  }

  struct Lossy: Decodable, Sendable {
    var value: BackupSchedule?
    init(from decoder: any Decoder) throws { value = try? ScheduleWire(from: decoder).value }
  }

  /// The create body (rax-cdb-schedules-create-request.json, -copy-to-request.json):
  /// `action` is always `backup`; `copy_to` only when regions are given.
  static func createBody(_ request: ScheduleRequest) throws -> Data {
    var schedule: [String: Any] = [
      "action": "backup", "instance_id": request.instanceID,
      "day_of_week": request.dayOfWeek ?? 0, "hour": request.hour ?? 0,
      "minute": request.minute ?? 0,
    ]
    if let keep = request.fullBackupRetention { schedule["full_backup_retention"] = keep }
    if let copyTo = request.copyTo, !copyTo.isEmpty { schedule["copy_to"] = copyTo }
    return try JSONSerialization.data(
      withJSONObject: ["schedule": schedule], options: [.sortedKeys])
  }

  /// The update body (rax-cdb-schedules-update-request.json): only the fields given.
  static func updateBody(_ request: ScheduleRequest) throws -> Data {
    var schedule: [String: Any] = [:]
    if let day = request.dayOfWeek { schedule["day_of_week"] = day }
    if let hour = request.hour { schedule["hour"] = hour }
    if let minute = request.minute { schedule["minute"] = minute }
    if let keep = request.fullBackupRetention { schedule["full_backup_retention"] = keep }
    if let copyTo = request.copyTo { schedule["copy_to"] = copyTo }
    return try JSONSerialization.data(
      withJSONObject: ["schedule": schedule], options: [.sortedKeys])
  }
}
