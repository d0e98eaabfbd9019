import CloudClient
import Foundation

@testable import BrowserModel

/// Builders shared by the reducer tests.
enum Fixtures {
  static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

  static func state(
    region: RegionSelection = .one("ORD"), regions: [String] = ["ORD"], readOnly: Bool = false,
    bell: Bool = false
  ) -> BrowserState {
    BrowserState(
      profile: ProfileInfo(profileName: "test", cloudName: "fake", readOnly: readOnly),
      region: region, availableRegions: regions, bellEnabled: bell, now: t0)
  }

  static func backup(
    _ id: String, name: String? = nil, status: BackupStatus = .completed, instance: String = "i1",
    size: Double? = 1, created: Double = 0, parent: String? = nil, datastore: String = "mysql"
  ) -> Backup {
    Backup(
      id: id, name: name ?? "backup-\(id)", instanceID: instance, parentID: parent, size: size,
      status: status, created: t0.addingTimeInterval(created),
      datastore: Datastore(type: datastore, version: "8.0"))
  }

  static func snapshot(
    _ id: String, name: String? = nil, status: SnapshotStatus = .available, volume: String = "v1",
    progress: Double? = 100, size: Int = 10, created: Double = 0
  ) -> Snapshot {
    Snapshot(
      id: id, name: name ?? "snap-\(id)", volumeID: volume, status: status, size: size,
      created: t0.addingTimeInterval(created), progress: progress)
  }

  static func instance(_ id: String, name: String? = nil, status: String = "ACTIVE")
    -> DatabaseInstance
  {
    DatabaseInstance(
      id: id, name: name ?? "db-\(id)", status: status, datastore: Datastore(type: "mysql"))
  }

  static func volume(_ id: String, name: String? = nil, status: String = "available") -> Volume {
    Volume(id: id, name: name ?? "vol-\(id)", status: status, size: 50)
  }

  /// A started state with these lists loaded in ORD at `t0`.
  static func loaded(
    backups: [Backup] = [], snapshots: [Snapshot] = [], instances: [DatabaseInstance] = [],
    volumes: [Volume] = [], readOnly: Bool = false, bell: Bool = false
  ) -> BrowserState {
    var state = state(readOnly: readOnly, bell: bell)
    _ = reduce(&state, .start(now: t0))
    load(&state, .backups, backups.map(Resource.backup))
    load(&state, .snapshots, snapshots.map(Resource.snapshot))
    load(&state, .instances, instances.map(Resource.instance))
    load(&state, .volumes, volumes.map(Resource.volume))
    return state
  }

  @discardableResult
  static func load(
    _ state: inout BrowserState, _ kind: PaneKind, _ items: [Resource], region: String = "ORD",
    at seconds: Double = 0
  ) -> [Effect] {
    reduce(
      &state,
      .listLoaded(kind, region: region, .success(items), now: t0.addingTimeInterval(seconds)))
  }

  /// IDs of the visible rows of a pane, in screen order.
  static func visibleIDs(_ state: BrowserState, _ kind: PaneKind) -> [String] {
    let pane = state.pane(kind)
    return (0..<pane.visibleCount).compactMap { pane.visibleRow(at: $0)?.id.id }
  }

  static func type(_ state: inout BrowserState, _ text: String, into action: (TextEdit) -> Action) {
    _ = reduce(&state, action(.insert(text)))
  }

  /// The load effects in a list of effects, as "pane region".
  static func loads(_ effects: [Effect]) -> [String] {
    effects.compactMap {
      if case .load(let kind, let region, _, _) = $0 { return "\(kind.rawValue) \(region)" }
      if case .reload(let kind, let region, _, _) = $0 { return "\(kind.rawValue) \(region)" }
      return nil
    }
  }

  static func scheduledDelay(_ effects: [Effect]) -> Duration? {
    for effect in effects {
      if case .scheduleTick(let after) = effect { return after }
    }
    return nil
  }
}
