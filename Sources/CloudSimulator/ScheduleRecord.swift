/// One Cloud Databases backup schedule as the simulator keeps it. Times are UTC simulated
/// seconds since 1970: rackwatch reads the docs' zoneless `hour`, `minute` and dates as UTC,
/// and the simulator serves them so.
struct ScheduleRecord: Sendable {
  var id: String
  var instanceID: String
  /// 0 (Sunday) - 6 (Saturday); 7 takes a full backup every day.
  var dayOfWeek: Int
  var hour: Int
  var minute: Int
  var fullBackupRetention: Int
  var copyTo: [String]
  var created: Double
  var updated: Double
  /// When the schedule last started a backup.
  var lastScheduled: Double?
  /// The next run the simulator will take. Seeding may push it past a due run, which is how
  /// the demo shows a run that was missed.
  var nextRun: Double

  static let day = 86_400.0

  /// The first run strictly after `t`.
  static func nextRun(after t: Double, hour: Int, minute: Int) -> Double {
    let today = (t / day).rounded(.down) * day + Double(hour * 3600 + minute * 60)
    return today > t ? today : today + day
  }

  /// 0 Sunday ... 6 Saturday (1970-01-01 was a Thursday).
  static func weekday(_ t: Double) -> Int { ((Int((t / day).rounded(.down)) + 4) % 7 + 7) % 7 }

  func isFull(at run: Double) -> Bool { dayOfWeek == 7 || Self.weekday(run) == dayOfWeek }
}
