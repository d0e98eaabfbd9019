import CloudClient
import Foundation
import PropertyBased
import Testing

@testable import BrowserModel

/// The Protection view keeps tallies per instance and volume from the panes' change logs
/// (issue 15's frame budget). Whatever happens to the lists, what it shows must be what a
/// full pass over the panes shows.
@Suite("Protection view: incremental recompute")
struct ProtectionIncrementalTests {
  static let regions = ["DFW", "ORD"]
  static let start = Date(timeIntervalSince1970: 1_800_000_000)

  /// A small cloud in two regions that a roll of dice changes.
  struct Cloud {
    var instances: [String: [DatabaseInstance]] = [:]
    var volumes: [String: [Volume]] = [:]
    var backups: [String: [Backup]] = [:]
    var snapshots: [String: [Snapshot]] = [:]
    var next = 0
    var now = ProtectionIncrementalTests.start

    init() {
      for region in ProtectionIncrementalTests.regions {
        instances[region] = (0..<4).map {
          DatabaseInstance(id: "I-\($0)", name: "db-\($0)", status: "ACTIVE")
        }
        volumes[region] = (0..<3).map {
          Volume(id: "v-\($0)", name: "vol-\($0)", status: "in-use", size: 10)
        }
        backups[region] = []
        snapshots[region] = []
      }
    }

    mutating func id(_ prefix: String) -> String {
      next += 1
      return "\(prefix)-\(next)"
    }

    /// A few dates only, so equal dates (ties) happen.
    func date(_ roll: Int) -> Date? {
      roll % 11 == 0 ? nil : now.addingTimeInterval(-Double(roll % 5) * 20 * 3600)
    }

    mutating func change(_ roll: Int) {
      let region = ProtectionIncrementalTests.regions[roll % 2]
      let r = roll / 2
      let backupStatuses: [BackupStatus] = [.completed, .completed, .failed, .building, .new]
      let snapshotStatuses: [SnapshotStatus] = [.available, .available, .error, .creating]
      switch r % 9 {
      case 0, 1:  // a new backup, of a listed instance, a gone one, or none; maybe incremental
        let owners = (instances[region] ?? []).map(\.id) + ["I-gone", "i-0"]
        let owner: String? = r % 13 == 0 ? nil : owners[(r / 9) % owners.count]
        let parents = (backups[region] ?? []).filter { $0.instanceID == owner }
        let parent = r % 3 == 0 && !parents.isEmpty ? parents[(r / 5) % parents.count].id : nil
        backups[region, default: []].append(
          Backup(
            id: id("b"), name: "backup", instanceID: owner, parentID: parent,
            size: Double(r % 9) / 4, status: backupStatuses[(r / 3) % backupStatuses.count],
            created: date(r / 7)))
      case 2:  // a backup's status (or, rarely, its instance) changes
        guard var list = backups[region], !list.isEmpty else { return }
        let i = (r / 9) % list.count
        list[i].status = backupStatuses[(r / 11) % backupStatuses.count]
        if r % 7 == 0 { list[i].instanceID = "I-\((r / 5) % 5)" }
        if r % 5 == 0 { list[i].size = Double(r % 13) / 4 }
        backups[region] = list
      case 3:  // a backup goes
        guard var list = backups[region], !list.isEmpty else { return }
        list.remove(at: (r / 9) % list.count)
        backups[region] = list
      case 4:  // an instance goes or comes (orphans follow)
        var list = instances[region] ?? []
        if r % 2 == 0, !list.isEmpty {
          list.remove(at: (r / 9) % list.count)
        } else {
          let n = (r / 9) % 6
          if !list.contains(where: { $0.id == "I-\(n)" }) {
            list.append(DatabaseInstance(id: "I-\(n)", name: "db-\(n)", status: "ACTIVE"))
          }
        }
        instances[region] = list
      case 5, 6:  // snapshots come, change and go
        var list = snapshots[region] ?? []
        if r % 3 == 0, !list.isEmpty {
          list.remove(at: (r / 9) % list.count)
        } else if r % 3 == 1, !list.isEmpty {
          list[(r / 9) % list.count].status = snapshotStatuses[(r / 7) % snapshotStatuses.count]
        } else {
          let volume = ["v-0", "v-1", "v-2", "v-gone"][(r / 9) % 4]
          list.append(
            Snapshot(
              id: id("s"), name: "snap", volumeID: volume,
              status: snapshotStatuses[(r / 5) % snapshotStatuses.count], size: r % 7,
              created: date(r / 3)))
        }
        snapshots[region] = list
      case 7:  // a volume goes or comes
        var list = volumes[region] ?? []
        if r % 2 == 0, !list.isEmpty {
          list.removeFirst()
        } else if !list.contains(where: { $0.id == "v-0" }) {
          list.append(Volume(id: "v-0", name: "vol-0", status: "in-use", size: 10))
        }
        volumes[region] = list
      default:  // time passes
        now = now.addingTimeInterval(Double(r % 4) * 3 * 3600)
      }
    }

    func resources(_ kind: PaneKind, _ region: String) -> [Resource] {
      switch kind {
      case .instances: (instances[region] ?? []).map(Resource.instance)
      case .volumes: (volumes[region] ?? []).map(Resource.volume)
      case .backups: (backups[region] ?? []).map(Resource.backup)
      case .snapshots: (snapshots[region] ?? []).map(Resource.snapshot)
      }
    }
  }

  /// Reduces an action and every `continueMerge` it asks for, as the store does.
  static func drive(_ state: inout BrowserState, _ action: Action) {
    var pending = [action]
    while let next = pending.popLast() {
      for effect in reduce(&state, next) {
        if case .continueMerge(let kind, let region) = effect {
          pending.append(.continueMerge(kind, region: region))
        }
      }
    }
  }

  static func opened(_ cloud: Cloud, offRegion: Bool) -> BrowserState {
    var state = BrowserState(
      profile: ProfileInfo(profileName: "test", cloudName: "sample"), region: .all,
      availableRegions: regions, refresh: RefreshPolicy(mergeStep: 3), now: cloud.now)
    state.protection.thresholds.offRegion = offRegion
    _ = reduce(&state, .start(now: cloud.now))
    for region in regions {
      for kind in PaneKind.allCases {
        drive(
          &state,
          .listLoaded(kind, region: region, .success(cloud.resources(kind, region)), now: cloud.now)
        )
      }
      let schedule = BackupSchedule(
        id: "s-\(region)", instanceID: "I-1", dayOfWeek: 0, hour: 2, minute: 0,
        created: start.addingTimeInterval(-30 * 86_400))
      _ = reduce(
        &state, .protection(.schedulesLoaded(region: region, .success([schedule]), now: cloud.now)))
    }
    _ = reduce(&state, .protection(.open))
    return state
  }

  /// The tallies of every owner with rows, as a full count has them, and its members (each
  /// row's share, in the kept order: a full count sorts them, the log must keep them so).
  static func tallies(_ t: OwnerTallies) -> [String: String] {
    var out: [String: String] = [:]
    for slot in t.owners.indices where !t.members[slot].isEmpty {
      var tally = t.tallies[slot]
      tally.stale = false
      out["\(t.owners[slot])"] = "\(tally) \(t.members[slot])"
    }
    return out
  }

  @Test(
    "for any history of list changes, the kept tallies and the view equal a full pass",
    arguments: [false, true])
  func sameAsFullPass(offRegion: Bool) async {
    await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000).array(of: 1...60)) {
      history in
      var cloud = Cloud()
      var state = Self.opened(cloud, offRegion: offRegion)
      let differ = ListDiffer()
      for (step, roll) in history.enumerated() {
        cloud.change(roll)
        if roll % 3 == 0 { cloud.change(roll / 3) }
        let kinds = PaneKind.allCases
        let kind = kinds[(roll / 17) % kinds.count]
        let region = Self.regions[(roll / 71) % 2]
        let resources = cloud.resources(kind, region)
        switch (roll / 5) % 7 {
        case 0:  // a whole list, merged by comparing every row
          Self.drive(&state, .listLoaded(kind, region: region, .success(resources), now: cloud.now))
        case 1:  // marks fade, gone rows go
          Self.drive(&state, .tick(now: cloud.now.addingTimeInterval(3600)))
          cloud.now = cloud.now.addingTimeInterval(3600)
        case 2:  // a create waits for the list to confirm it
          var row = Row(
            region: region,
            resource: .backup(
              Backup(
                id: cloud.id("b"), name: "new", instanceID: "I-0", size: 1, status: .new,
                created: cloud.now)))
          row.pending = .creating
          state.withPane(.backups) { $0.appendRow(row) }
          if roll % 2 == 0 {
            state.withPane(.backups) { $0.updateRow(row.id) { $0.pendingAcknowledged = true } }
          }
        default:  // the runner's difference from the version the pane holds
          let since = state.pane(kind).lists[region]?.version
          let update = differ.update(kind, region: region, resources, since: since)
          Self.drive(&state, .listUpdated(kind, region: region, update, now: cloud.now))
        }
        // The view reads the logs at its own pace: sometimes after several changes.
        guard roll % 4 != 0 else { continue }
        let incremental = ProtectionDerivation.update(&state)
        let full = ProtectionDerivation.derive(state)
        #expect(incremental == full, "step \(step)")
        if let kept = state.protection.backupTallies {
          #expect(
            Self.tallies(kept)
              == Self.tallies(OwnerTallies(counting: state.pane(.backups), .backups)),
            "step \(step)")
        }
        if let kept = state.protection.snapshotTallies {
          #expect(
            Self.tallies(kept)
              == Self.tallies(OwnerTallies(counting: state.pane(.snapshots), .snapshots)),
            "step \(step)")
        }
      }
    }
  }

  @Test("a refresh that changes a few rows is applied from the log, not counted afresh")
  func usesTheLog() {
    var cloud = Cloud()
    for roll in [0, 18, 36, 54, 72] { cloud.change(roll) }  // backups in DFW
    var state = Self.opened(cloud, offRegion: false)
    #expect(!state.pane(.backups).ownerLog.lost)
    let differ = ListDiffer()
    let first = differ.update(
      .backups, region: "DFW", cloud.resources(.backups, "DFW"),
      since: state.pane(.backups).lists["DFW"]?.version)
    Self.drive(&state, .listUpdated(.backups, region: "DFW", first, now: cloud.now))
    #expect(cloud.backups["DFW"]![1].instanceID == "I-1")
    cloud.backups["DFW"]![1].status = .failed
    let update = differ.update(
      .backups, region: "DFW", cloud.resources(.backups, "DFW"),
      since: state.pane(.backups).lists["DFW"]?.version)
    guard case .delta = update.change else {
      Issue.record("expected a difference")
      return
    }
    state.protection.isOpen = false  // merge without the view reading the log
    Self.drive(&state, .listUpdated(.backups, region: "DFW", update, now: cloud.now))
    #expect(state.pane(.backups).ownerLog.entries.count == 1)
    state.protection.isOpen = true
    #expect(ProtectionDerivation.update(&state) == ProtectionDerivation.derive(state))
    #expect(state.pane(.backups).ownerLog.entries.isEmpty)
    // Closing stops the log: nothing reads it.
    _ = reduce(&state, .protection(.close(then: nil)))
    #expect(state.pane(.backups).ownerLog.lost)
    #expect(state.protection.backupTallies == nil)
  }
}

@Suite("Protection view: row order")
struct ProtectionRowOrderTests {
  /// The view sorts row positions by a compact key (speed); the order must be
  /// `ProtectionReport.worstFirst`'s, ties included.
  @Test("sorting by positions gives the worst-first order")
  func sameOrder() async {
    await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000).array(of: 0...40)) { rolls in
      let start = Date(timeIntervalSince1970: 1_800_000_000)
      let rows = rolls.enumerated().map { i, roll in
        ProtectionRow(
          kind: roll % 2 == 0 ? .instance : .volume, id: "id-\((roll / 3) % 4)",
          name: "n-\((roll / 7) % 3)", region: ["DFW", "ORD"][(roll / 11) % 2],
          verdict: ProtectionVerdict.allCases[(roll / 13) % ProtectionVerdict.allCases.count],
          newestGood: roll % 5 == 0 ? nil : start.addingTimeInterval(Double((roll / 17) % 3)),
          count: i, totalSize: 0, newestIsIncremental: false)
      }
      let expected = rows.sorted(by: ProtectionReport.worstFirst)
      #expect(ProtectionDerivation.worstFirst(rows) == expected)
    }
  }
}
