import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// Schedules over a test clock: when runs fall (UTC, across midnight and the week), and the
/// "schedule missed" verdict once a run's time plus the grace passes with no new backup.
@Suite("Backup schedules and the schedule-missed verdict")
struct ScheduleVerdictTests {
  /// Sunday 2027-01-03 00:00:00 UTC.
  static let sunday = Date(timeIntervalSince1970: 1_798_934_400)
  static let hour: TimeInterval = 3600
  static let day: TimeInterval = 86_400

  static func at(_ dayOffset: Double, _ h: Double, _ m: Double = 0) -> Date {
    sunday.addingTimeInterval(dayOffset * day + h * hour + m * 60)
  }

  static func schedule(day: Int = 0, hour: Int, minute: Int, created: Date? = nil)
    -> BackupSchedule
  {
    BackupSchedule(
      id: "s", instanceID: "i", dayOfWeek: day, hour: hour, minute: minute,
      created: created ?? at(-30, 0))
  }

  @Test("the fixed Sunday is a Sunday, and weekdays run Sunday 0 to Saturday 6")
  func weekdays() {
    #expect(ScheduleTimes.weekday(Self.sunday) == 0)
    #expect(ScheduleTimes.weekday(Self.at(6, 23, 59)) == 6)
    #expect(ScheduleTimes.weekday(Self.at(7, 0)) == 0)
    #expect(ScheduleTimes.weekday(Date(timeIntervalSince1970: 0)) == 4)  // a Thursday
  }

  @Test(
    "next run and last run, across midnight and the week boundary",
    arguments: [
      // (now, hour, minute, expected next, expected last)
      (at(0, 10), 23, 30, at(0, 23, 30), at(-1, 23, 30)),
      (at(0, 23, 45), 23, 30, at(1, 23, 30), at(0, 23, 30)),  // past it: tomorrow
      (at(0, 23, 30), 23, 30, at(1, 23, 30), at(0, 23, 30)),  // exactly at it: it is the last
      (at(1, 0, 5), 0, 10, at(1, 0, 10), at(0, 0, 10)),  // just after midnight
      (at(6, 23, 59), 0, 15, at(7, 0, 15), at(6, 0, 15)),  // Saturday night into Sunday
    ])
  func runs(now: Date, hour: Int, minute: Int, next: Date, last: Date) {
    let times = ScheduleTimes(Self.schedule(hour: hour, minute: minute))
    #expect(times.nextRun(after: now) == next)
    #expect(times.lastRun(atOrBefore: now) == last)
  }

  @Test("full on the schedule's day, incrementals in between; 7 is full every day")
  func fullRuns() {
    let sundays = ScheduleTimes(Self.schedule(day: 0, hour: 2, minute: 0))
    #expect(sundays.isFull(Self.at(0, 2)))
    #expect(!sundays.isFull(Self.at(1, 2)))
    // Saturday 03:00: the next full run is the next day, over the week boundary.
    #expect(sundays.nextFullRun(after: Self.at(6, 3)) == Self.at(7, 2))
    #expect(sundays.nextFullRun(after: Self.at(0, 1)) == Self.at(0, 2))
    let saturdays = ScheduleTimes(Self.schedule(day: 6, hour: 23, minute: 50))
    #expect(saturdays.nextFullRun(after: Self.at(0, 0)) == Self.at(6, 23, 50))
    let daily = ScheduleTimes(Self.schedule(day: 7, hour: 1, minute: 0))
    #expect((0..<7).allSatisfy { daily.isFull(Self.at(Double($0), 1)) })
  }

  static func verdict(
    schedule: BackupSchedule?, backupsAt: [Date], now: Date,
    thresholds: ProtectionThresholds = .init()
  ) -> ProtectionRow {
    let backups = backupsAt.enumerated().map { index, created in
      Backup(
        id: "b\(index)", name: "b\(index)", instanceID: "i", size: 1, status: .completed,
        created: created)
    }
    return ProtectionReport.evaluate(
      region: "DFW", instances: [DatabaseInstance(id: "i", name: "orders-db", status: "ACTIVE")],
      backups: backups, volumes: [], snapshots: [], now: now, thresholds: thresholds,
      schedules: schedule.map { [$0] } ?? [])[0]
  }

  @Test(
    "a 23:30 UTC schedule over a night: protected until 00:30 (grace 1 h), then missed",
    arguments: [
      (at(0, 23, 29), ProtectionVerdict.protected),
      (at(0, 23, 31), .protected),  // due, but within the grace
      (at(1, 0, 29), .protected),  // across midnight, still within the grace
      (at(1, 0, 31), .scheduleMissed),
      (at(1, 12), .scheduleMissed),
    ])
  func missedAcrossMidnight(now: Date, expected: ProtectionVerdict) {
    // Last night's run took its backup at 23:30 on Saturday (day -1).
    let row = Self.verdict(
      schedule: Self.schedule(hour: 23, minute: 30), backupsAt: [Self.at(-1, 23, 30)], now: now)
    #expect(row.verdict == expected)
    if expected == .scheduleMissed { #expect(row.missedRun == Self.at(0, 23, 30)) }
  }

  @Test("a backup taken by the run (or up to a minute early) keeps the schedule kept")
  func runTaken() {
    let s = Self.schedule(hour: 23, minute: 30)
    #expect(
      Self.verdict(schedule: s, backupsAt: [Self.at(0, 23, 30)], now: Self.at(1, 3)).verdict
        == .protected)
    #expect(
      Self.verdict(schedule: s, backupsAt: [Self.at(0, 23, 29)], now: Self.at(1, 3)).verdict
        == .protected)
    #expect(
      Self.verdict(schedule: s, backupsAt: [Self.at(0, 23, 20)], now: Self.at(1, 3)).verdict
        == .scheduleMissed)
  }

  @Test("over the week boundary: Saturday 23:50 UTC missed is seen Sunday 00:50")
  func missedOverTheWeek() {
    let s = Self.schedule(day: 6, hour: 23, minute: 50)
    let friday = Self.at(5, 23, 50)
    #expect(
      Self.verdict(schedule: s, backupsAt: [friday], now: Self.at(7, 0, 49)).verdict == .protected)
    let row = Self.verdict(schedule: s, backupsAt: [friday], now: Self.at(7, 0, 51))
    #expect(row.verdict == .scheduleMissed)
    #expect(row.missedRun == Self.at(6, 23, 50))
    #expect(ScheduleTimes.weekday(row.missedRun!) == 6)
  }

  @Test("a run before the schedule existed is not missed; a longer grace waits longer")
  func createdAndGrace() {
    let new = Self.schedule(hour: 2, minute: 0, created: Self.at(0, 10))
    #expect(
      Self.verdict(schedule: new, backupsAt: [Self.at(-3, 2)], now: Self.at(0, 12)).verdict
        == .unprotected)  // the thresholds still judge it
    let s = Self.schedule(hour: 2, minute: 0)
    let patient = ProtectionThresholds(backup: 48 * Self.hour, grace: 4 * Self.hour)
    #expect(
      Self.verdict(
        schedule: s, backupsAt: [Self.at(-1, 2)], now: Self.at(0, 5), thresholds: patient
      )
      .verdict == .protected)
    #expect(
      Self.verdict(
        schedule: s, backupsAt: [Self.at(-1, 2)], now: Self.at(0, 6, 1), thresholds: patient
      )
      .verdict == .scheduleMissed)
  }

  @Test("no schedules on this cloud: the thresholds alone decide")
  func noSchedules() {
    #expect(
      Self.verdict(schedule: nil, backupsAt: [Self.at(-1, 2)], now: Self.at(0, 1)).verdict
        == .protected)
    #expect(
      Self.verdict(schedule: nil, backupsAt: [Self.at(-1, 2)], now: Self.at(1, 5)).verdict
        == .ageing)
  }

  @Test("never backed up and last job failed outrank a missed schedule")
  func precedence() {
    #expect(ProtectionVerdict.neverBackedUp < .scheduleMissed)
    #expect(ProtectionVerdict.lastJobFailed < .scheduleMissed)
    #expect(ProtectionVerdict.scheduleMissed < .unprotected)
    #expect(ProtectionVerdict.scheduleMissed.severity == .critical)
    #expect(ProtectionVerdict.noOffRegionCopy.severity == .warning)
    let never = Self.verdict(
      schedule: Self.schedule(hour: 2, minute: 0), backupsAt: [], now: Self.at(3, 12))
    #expect(never.verdict == .neverBackedUp)
  }

  @Test("off-region copies: amber without one when the profile asks, protected with one")
  func offRegion() {
    let backups = [
      Backup(
        id: "b", name: "b", instanceID: "i", size: 1, status: .completed, created: Self.at(0, 2))
    ]
    let instance = DatabaseInstance(id: "i", name: "orders-db", status: "ACTIVE")
    func verdict(_ elsewhere: [String: Date], ask: Bool) -> ProtectionVerdict {
      ProtectionReport.evaluate(
        region: "DFW", instances: [instance], backups: backups, volumes: [], snapshots: [],
        now: Self.at(0, 5), thresholds: ProtectionThresholds(offRegion: ask), elsewhere: elsewhere
      )[0].verdict
    }
    #expect(verdict([:], ask: false) == .protected)
    #expect(verdict([:], ask: true) == .noOffRegionCopy)
    #expect(verdict(["i": Self.at(0, 2, 30)], ask: true) == .protected)
    #expect(verdict(["i": Self.at(-5, 2)], ask: true) == .noOffRegionCopy)  // a stale copy
  }
}
