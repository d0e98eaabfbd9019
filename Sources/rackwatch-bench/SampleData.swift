import BrowserModel
import CloudClient
import Foundation

/// Synthetic data for the benchmark and demos: a state with many backups and snapshots,
/// built through the reducer like real results.
enum SampleData {
  /// `count` backups of one region, every tenth one in motion.
  static func backups(count: Int, seed: Int = 0) -> [Backup] {
    let base = Date(timeIntervalSince1970: 1_790_000_000)
    var result: [Backup] = []
    result.reserveCapacity(count)
    for i in 0..<count {
      let moving = i % 10 == 0
      let id = "b\(String(i + seed, radix: 16))-0000-4000-8000-\(1_000_000_000 + i)"
      let name = "backup-\(i % 97 == 0 ? "nightly" : "db")-\(i)"
      let size: Double? = moving ? nil : Double(i % 200) / 4
      let status: BackupStatus = moving ? .building : .completed
      let created = base.addingTimeInterval(Double(i) * 60)
      let datastore = Datastore(type: i % 2 == 0 ? "mysql" : "postgresql", version: "8.0")
      result.append(
        Backup(
          id: id, name: name, description: i % 3 == 0 ? "scheduled" : nil,
          instanceID: "inst-\(i % 500)", size: size, status: status, created: created,
          updated: created.addingTimeInterval(30), datastore: datastore))
    }
    return result
  }

  /// `count` snapshots of one region, every tenth one creating.
  static func snapshots(count: Int, seed: Int = 0) -> [Snapshot] {
    let base = Date(timeIntervalSince1970: 1_790_000_000)
    var result: [Snapshot] = []
    result.reserveCapacity(count)
    for i in 0..<count {
      let moving = i % 10 == 0
      let id = "s\(String(i + seed, radix: 16))-0000-4000-8000-\(1_000_000_000 + i)"
      let created = base.addingTimeInterval(Double(i) * 30)
      let status: SnapshotStatus = moving ? .creating : .available
      let progress: Double = moving ? 40 : 100
      result.append(
        Snapshot(
          id: id, name: "snap-\(i)", volumeID: "vol-\(i % 300)", status: status,
          size: 10 + i % 90, created: created, progress: progress))
    }
    return result
  }

  /// A state in `region` with `backups` backups and `snapshots` snapshots loaded.
  static func state(
    backups: Int, snapshots: Int, region: String = "ORD",
    now: Date = Date(timeIntervalSince1970: 1_800_000_000)
  ) -> BrowserState {
    var state = BrowserState(
      profile: ProfileInfo(profileName: "bench", cloudName: "sample", isDemo: true),
      region: .one(region), availableRegions: [region], now: now)
    _ = reduce(&state, .start(now: now))
    _ = reduce(
      &state,
      .listLoaded(
        .backups, region: region, .success(Self.backups(count: backups).map(Resource.backup)),
        now: now))
    _ = reduce(
      &state,
      .listLoaded(
        .snapshots, region: region,
        .success(Self.snapshots(count: snapshots).map(Resource.snapshot)), now: now))
    return state
  }
}
