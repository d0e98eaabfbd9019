import CloudClient
import Foundation

@testable import BrowserModel
@testable import TerminalUI

/// States to render: a small realistic cloud with hostile and wide strings, fixed times.
enum Fixtures {
  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18 ~
  static let now = t0.addingTimeInterval(3600)

  static let ds = Datastore(type: "mysql", version: "8.0", versionID: "v-80")

  static func backups(region: String = "ORD") -> [Row] {
    [
      Row(
        region: region,
        resource: .backup(
          Backup(
            id: "b1000000-0000-4000-8000-000000000001", name: "nightly-orders",
            description: "Nightly full backup of the orders database before the batch run",
            locationRef: "https://storage.example/v1/backups/b1.xbstream.gz",
            instanceID: "i2000000-0000-4000-8000-000000000001", size: 1.25, status: .completed,
            created: t0, updated: t0.addingTimeInterval(120), datastore: ds, type: "InnoBackupEx"
          ))),
      Row(
        region: region,
        resource: .backup(
          Backup(
            id: "b1000000-0000-4000-8000-000000000002", name: "orders-incremental",
            instanceID: "i2000000-0000-4000-8000-000000000001",
            parentID: "b1000000-0000-4000-8000-000000000001", status: .building,
            created: now.addingTimeInterval(-125), datastore: ds))),
      Row(
        region: region,
        resource: .backup(
          Backup(
            id: "b1000000-0000-4000-8000-000000000003", name: "数据库备份",
            instanceID: "i2000000-0000-4000-8000-000000000002", size: 0.5, status: .failed,
            created: t0.addingTimeInterval(-86400), datastore: ds))),
      Row(
        region: region,
        resource: .backup(
          Backup(
            id: "b1000000-0000-4000-8000-000000000004",
            name: TerminalSafe.sanitize("evil\u{1B}[31mred\u{7}🚀"), status: .new,
            created: now.addingTimeInterval(-5)))),
    ]
  }

  static func snapshots(region: String = "ORD") -> [Row] {
    [
      Row(
        region: region,
        resource: .snapshot(
          Snapshot(
            id: "s3000000-0000-4000-8000-000000000001", name: "pre-upgrade",
            description: "before kernel upgrade", volumeID: "v4000000-0000-4000-8000-000000000001",
            status: .creating, size: 100, created: now.addingTimeInterval(-60), progress: 42.5,
            metadata: ["owner": "ops", "ticket": "INC-42"]))),
      Row(
        region: region,
        resource: .snapshot(
          Snapshot(
            id: "s3000000-0000-4000-8000-000000000002", name: "weekly",
            volumeID: "v4000000-0000-4000-8000-000000000002",
            status: .available, size: 50, created: t0, progress: 100))),
      Row(
        region: region,
        resource: .snapshot(
          Snapshot(
            id: "s3000000-0000-4000-8000-000000000003", name: "",
            volumeID: "v4000000-0000-4000-8000-000000000002",
            status: .error, size: 50, created: t0.addingTimeInterval(-100)))),
    ]
  }

  static func instances(region: String = "ORD") -> [Row] {
    [
      Row(
        region: region,
        resource: .instance(
          DatabaseInstance(
            id: "i2000000-0000-4000-8000-000000000001", name: "orders-db", status: "BACKUP",
            datastore: ds, flavorID: "4", volumeSize: 20, region: region))),
      Row(
        region: region,
        resource: .instance(
          DatabaseInstance(
            id: "i2000000-0000-4000-8000-000000000002", name: "users-db", status: "ACTIVE",
            datastore: ds, flavorID: "2", volumeSize: 10, region: region))),
    ]
  }

  static func volumes(region: String = "ORD") -> [Row] {
    [
      Row(
        region: region,
        resource: .volume(
          Volume(
            id: "v4000000-0000-4000-8000-000000000001", name: "data-vol", status: "in-use",
            size: 100, volumeType: "SSD", attachedTo: ["server-1"], created: t0))),
      Row(
        region: region,
        resource: .volume(
          Volume(
            id: "v4000000-0000-4000-8000-000000000002", name: "scratch", status: "available",
            size: 50, volumeType: "SATA", created: t0))),
    ]
  }

  /// A loaded browser on ORD with every pane filled.
  static func state(
    readOnly: Bool = false, demo: Bool = true, region: RegionSelection = .one("ORD")
  ) -> BrowserState {
    var state = BrowserState(
      profile: ProfileInfo(
        profileName: "prod", cloudName: "rackspace", isDemo: demo, readOnly: readOnly,
        headerColor: "red"),
      region: region, availableRegions: ["DFW", "ORD"], now: now)
    state.withPane(.backups) { $0.setRows(backups()) }
    state.withPane(.snapshots) { $0.setRows(snapshots()) }
    state.withPane(.instances) { $0.setRows(instances()) }
    state.withPane(.volumes) { $0.setRows(volumes()) }
    state.connection.lastSuccess = now.addingTimeInterval(-3)
    return state
  }

  static func rows(_ count: Int) -> [Row] {
    (0..<count).map { i in
      Row(
        region: "ORD",
        resource: .backup(
          Backup(
            id: String(format: "b-%06d", i), name: String(format: "backup-%06d", i),
            status: .completed, created: t0.addingTimeInterval(Double(i)))))
    }
  }

  static let theme = ThemeCatalog().defaultTheme

  static func render(_ state: BrowserState, _ cols: Int, _ rows: Int) -> Frame {
    TerminalUI.render(state, size: (cols, rows), theme: theme)
  }

  static let sizes: [(Int, Int)] = [(200, 60), (80, 24), (40, 12)]
}

extension Frame {
  /// True when no cell holds a C0/C1 control or DEL: nothing a terminal would interpret.
  var isFreeOfControls: Bool {
    cells.allSatisfy { !DisplayWidth.isControl(Character($0.grapheme.isEmpty ? " " : $0.grapheme)) }
  }
}
