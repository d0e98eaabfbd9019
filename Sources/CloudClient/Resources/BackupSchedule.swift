import Foundation

/// A Rackspace Cloud Databases scheduled backup (`/schedules`): every day at `hour:minute`
/// UTC a backup of the instance is taken, a full one on `dayOfWeek` (0 Sunday ... 6 Saturday;
/// 7 means a full one every day) and incrementals on the other days
/// (rax-cdb-schedules.md, "A full backup runs on the day_of_week day, incremental backups run
/// daily in between").
///
/// The docs do not say which time zone `hour`/`minute` and the dates are in; rackwatch reads
/// them as UTC (the dates carry no zone, and a zoneless date is UTC everywhere else in the
/// API), and the simulator serves them so.
public struct BackupSchedule: Sendable, Hashable, Identifiable {
  public var id: String
  public var instanceID: String
  /// 0 (Sunday) - 6 (Saturday), or 7 for a full backup every day.
  public var dayOfWeek: Int
  public var hour: Int
  public var minute: Int
  /// Full backups kept (the docs' default: two); nil when the cloud did not say.
  public var fullBackupRetention: Int?
  /// Regions each completed backup is copied to.
  public var copyTo: [String]
  public var created: Date?
  public var updated: Date?
  /// When the schedule last started a backup.
  public var lastScheduled: Date?
  /// The cloud's own idea of the next run (rackwatch computes its own from the fields).
  public var nextRun: Date?

  public init(
    id: String, instanceID: String, dayOfWeek: Int, hour: Int, minute: Int,
    fullBackupRetention: Int? = nil, copyTo: [String] = [], created: Date? = nil,
    updated: Date? = nil, lastScheduled: Date? = nil, nextRun: Date? = nil
  ) {
    self.id = id
    self.instanceID = instanceID
    self.dayOfWeek = dayOfWeek
    self.hour = hour
    self.minute = minute
    self.fullBackupRetention = fullBackupRetention
    self.copyTo = copyTo
    self.created = created
    self.updated = updated
    self.lastScheduled = lastScheduled
    self.nextRun = nextRun
  }

  /// `daily 02:30 UTC, full Sun`.
  public var summary: String {
    let time = String(format: "%02d:%02d", hour, minute)
    let full = dayOfWeek == 7 ? "full daily" : "full \(Self.dayNames[min(max(dayOfWeek, 0), 6)])"
    return "daily \(time) UTC, \(full)"
  }

  public static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
}

/// What creating or changing a schedule sends. Nil fields are left out of an update.
public struct ScheduleRequest: Sendable, Hashable {
  public var instanceID: String
  public var dayOfWeek: Int?
  public var hour: Int?
  public var minute: Int?
  public var fullBackupRetention: Int?
  public var copyTo: [String]?

  public init(
    instanceID: String, dayOfWeek: Int? = nil, hour: Int? = nil, minute: Int? = nil,
    fullBackupRetention: Int? = nil, copyTo: [String]? = nil
  ) {
    self.instanceID = instanceID
    self.dayOfWeek = dayOfWeek
    self.hour = hour
    self.minute = minute
    self.fullBackupRetention = fullBackupRetention
    self.copyTo = copyTo
  }

  /// Why the fields cannot be sent, or nil. Checked before a request leaves.
  public var problem: String? {
    if let day = dayOfWeek, !(0...7).contains(day) {
      return "day of week must be 0 (Sunday) to 6 (Saturday), or 7 for a full backup every day"
    }
    if let hour, !(0...23).contains(hour) { return "hour must be 0 to 23" }
    if let minute, !(0...59).contains(minute) { return "minute must be 0 to 59" }
    if let keep = fullBackupRetention, keep < 1 { return "retention must be at least 1" }
    return nil
  }
}
