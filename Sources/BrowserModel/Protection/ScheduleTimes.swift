import CloudClient
import Foundation

/// When a backup schedule runs, in UTC: every day at `hour:minute`, a full backup on
/// `dayOfWeek` (7: every day) and incrementals in between (rax-cdb-schedules.md).
///
/// Plain arithmetic on seconds since 1970 rather than `Calendar`: UTC has no daylight saving,
/// 1970-01-01 was a Thursday, and the view recomputes this for thousands of rows.
public struct ScheduleTimes: Sendable {
  public let schedule: BackupSchedule
  static let day: TimeInterval = 86_400
  /// A run counts as taken by a backup that started up to a minute early (a clock skew).
  static let earlySlack: TimeInterval = 60

  public init(_ schedule: BackupSchedule) { self.schedule = schedule }

  var offset: TimeInterval { TimeInterval(schedule.hour * 3600 + schedule.minute * 60) }

  /// The run on the UTC day holding `date`.
  func run(onDayOf date: Date) -> Date {
    let day = (date.timeIntervalSince1970 / Self.day).rounded(.down)
    return Date(timeIntervalSince1970: day * Self.day + offset)
  }

  /// The latest run at or before `date`.
  public func lastRun(atOrBefore date: Date) -> Date {
    let today = run(onDayOf: date)
    return today <= date ? today : today.addingTimeInterval(-Self.day)
  }

  /// The first run strictly after `date`.
  public func nextRun(after date: Date) -> Date {
    let today = run(onDayOf: date)
    return today > date ? today : today.addingTimeInterval(Self.day)
  }

  /// 0 Sunday ... 6 Saturday, in UTC.
  public static func weekday(_ date: Date) -> Int {
    let day = Int((date.timeIntervalSince1970 / Self.day).rounded(.down))
    return ((day + 4) % 7 + 7) % 7
  }

  /// Whether the run at `date` takes a full backup (else an incremental).
  public func isFull(_ run: Date) -> Bool {
    schedule.dayOfWeek == 7 || Self.weekday(run) == schedule.dayOfWeek
  }

  /// The next run that takes a full backup.
  public func nextFullRun(after date: Date) -> Date {
    var run = nextRun(after: date)
    for _ in 0..<7 where !isFull(run) { run = run.addingTimeInterval(Self.day) }
    return run
  }

  /// The run that was due by `now - grace` and produced no backup, or nil. A run before the
  /// schedule existed is not missed; `newestStarted` is the newest backup of the instance in
  /// any state (a failed run is a failed job, not a missed one).
  public func missedRun(newestStarted: Date?, now: Date, grace: TimeInterval) -> Date? {
    let due = lastRun(atOrBefore: now.addingTimeInterval(-grace))
    if let created = schedule.created, due < created { return nil }
    if let newestStarted, newestStarted >= due.addingTimeInterval(-Self.earlySlack) { return nil }
    return due
  }
}
