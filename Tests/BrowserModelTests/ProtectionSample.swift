import CloudClient
import Foundation

@testable import BrowserModel

/// A small cloud with one of each protection case, loaded through the reducer as list
/// results: shared by the view-model and the screen tests of the Protection view.
enum ProtectionSample {
  static let now = Date(timeIntervalSince1970: 1_800_000_000)
  static let hour: TimeInterval = 3600

  static func instance(_ id: String, _ name: String) -> Resource {
    .instance(DatabaseInstance(id: id, name: name, status: "ACTIVE"))
  }

  static func backup(
    _ id: String, of owner: String, _ status: BackupStatus, hoursAgo: Double, size: Double = 2
  ) -> Resource {
    .backup(
      Backup(
        id: id, name: id, instanceID: owner, size: size, status: status,
        created: now.addingTimeInterval(-hoursAgo * hour)))
  }

  static let instances: [Resource] = [
    instance("i-ok", "orders-db"), instance("i-never", "billing-db"),
    instance("i-failed", "ledger-db"), instance("i-old", "archive-db"),
    instance("i-missed", "reports-db"),
  ]

  static let backups: [Resource] = [
    backup("b-ok", of: "i-ok", .completed, hoursAgo: 3),
    backup("b-failed-old", of: "i-failed", .completed, hoursAgo: 5),
    backup("b-failed", of: "i-failed", .failed, hoursAgo: 1),
    backup("b-old", of: "i-old", .completed, hoursAgo: 30),
    backup("b-missed", of: "i-missed", .completed, hoursAgo: 20),
    backup("b-orphan", of: "i-gone", .completed, hoursAgo: 900, size: 4.2),
  ]

  static let volumes: [Resource] = [
    .volume(Volume(id: "v-1", name: "data-vol", status: "in-use", size: 100))
  ]

  static let snapshots: [Resource] = [
    .snapshot(
      Snapshot(
        id: "s-1", name: "data-nightly", volumeID: "v-1", status: .available, size: 100,
        created: now.addingTimeInterval(-24 * hour)))
  ]

  /// `reports-db`'s schedule ran 20 hours ago, and its run due two hours ago took nothing.
  static var schedules: [BackupSchedule] {
    let due = now.addingTimeInterval(-2 * hour)
    let secondOfDay = Int(due.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400))
    return [
      BackupSchedule(
        id: "sched-1", instanceID: "i-missed", dayOfWeek: 0, hour: secondOfDay / 3600,
        minute: (secondOfDay % 3600) / 60, created: now.addingTimeInterval(-30 * 86_400))
    ]
  }

  /// The state with every list loaded in DFW and the schedules answer (nil: the cloud has no
  /// `/schedules`).
  static func state(schedules: [BackupSchedule]? = [], open: Bool = true) -> BrowserState {
    var state = BrowserState(
      profile: ProfileInfo(profileName: "test", cloudName: "sample"), region: .one("DFW"),
      availableRegions: ["DFW"], now: now)
    _ = reduce(&state, .start(now: now))
    _ = reduce(&state, .listLoaded(.instances, region: "DFW", .success(instances), now: now))
    _ = reduce(&state, .listLoaded(.backups, region: "DFW", .success(backups), now: now))
    _ = reduce(&state, .listLoaded(.volumes, region: "DFW", .success(volumes), now: now))
    _ = reduce(&state, .listLoaded(.snapshots, region: "DFW", .success(snapshots), now: now))
    if open { _ = reduce(&state, .protection(.open)) }
    _ = reduce(
      &state, .protection(.schedulesLoaded(region: "DFW", .success(schedules), now: now)))
    return state
  }
}
