import BrowserModel
import CloudClient
import Foundation

/// The Protection view at 2,000 instances and 200,000 backups (issue 15): the recompute of
/// its rows after a refresh, on its own and as part of the reducer step that merges the
/// refresh. Target: p99 < 16 ms (the view-model's frame budget).
enum ProtectionBench {
  static func run(_ settings: Settings) -> [Figure] {
    let instances = settings.smoke ? 20 : 2000
    let backups = settings.smoke ? 2000 : 200_000
    let region = "ORD"
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    var state = BrowserState(
      profile: ProfileInfo(profileName: "bench", cloudName: "sample", isDemo: true),
      region: .one(region), availableRegions: [region], now: now)
    _ = reduce(&state, .start(now: now))
    let instanceList = (0..<instances).map { i in
      Resource.instance(
        DatabaseInstance(id: "inst-\(i)", name: "db-\(i)", status: "ACTIVE"))
    }
    let backupList = sampleBackups(count: backups, instances: instances, now: now)
    _ = reduce(&state, .listLoaded(.instances, region: region, .success(instanceList), now: now))
    _ = reduce(&state, .listLoaded(.volumes, region: region, .success([]), now: now))
    _ = reduce(&state, .listLoaded(.snapshots, region: region, .success([]), now: now))
    _ = reduce(
      &state,
      .listLoaded(.backups, region: region, .success(backupList.map(Resource.backup)), now: now))
    _ = reduce(&state, .protection(.open))
    _ = reduce(
      &state,
      .protection(
        .schedulesLoaded(
          region: region,
          .success(
            (0..<instances).filter { $0 % 2 == 0 }.map { i in
              BackupSchedule(
                id: "s\(i)", instanceID: "inst-\(i)", dayOfWeek: i % 8, hour: i % 24,
                minute: i % 60, created: now.addingTimeInterval(-90 * 86_400))
            }), now: now)))

    // The full pass: both panes counted afresh (the view's first recompute, or after a log
    // lost track).
    var full: [Double] = []
    for _ in 0..<settings.iterations {
      full.append(Stopwatch.milliseconds { _ = ProtectionDerivation.derive(state) })
    }
    // A refresh in which every tenth backup changed, through the runner's differ; rounds
    // alternate between the two lists. In two rounds of every four the merge runs with the
    // view looking away (its changes logged) and then the view's recompute is timed on its
    // own; in the other two each reducer step is timed as the app runs it (merge plus, at
    // the last step, the recompute). Both on the one state, as the store keeps it: a copy
    // of the state would share the view's tallies, and the recompute would time copying
    // them, which the app does not.
    let differ = ListDiffer()
    var changed = backupList
    for i in stride(from: 0, to: changed.count, by: 10) { changed[i].status = .completed }
    var recompute: [Double] = []
    var steps: [Double] = []
    let rounds = 2 * max(3, settings.iterations / 5)
    for round in 0...rounds {
      let result = (round % 2 == 0 ? backupList : changed).map(Resource.backup)
      let since = state.pane(.backups).lists[region]?.version
      let update = differ.update(.backups, region: region, result, since: since)
      let at = now.addingTimeInterval(Double(round))
      // Round 0 is the differ's first (whole) list: merged as the app does, not timed.
      if round > 0, (round - 1) % 4 < 2 {
        state.protection.isOpen = false  // not `close`: the tallies and logs stay
        drive(&state, .listUpdated(.backups, region: region, update, now: at))
        state.protection.isOpen = true
        recompute.append(Stopwatch.milliseconds { _ = ProtectionDerivation.update(&state) })
        continue
      }
      var next: Action? = .listUpdated(.backups, region: region, update, now: at)
      while let action = next {
        var effects: [Effect] = []
        let ms = Stopwatch.milliseconds { effects = reduce(&state, action) }
        if round > 0 { steps.append(ms) }
        next =
          effects.contains(.continueMerge(.backups, region: region))
          ? .continueMerge(.backups, region: region) : nil
      }
    }
    let size =
      "\(Format.count(Double(instances))) instances, \(Format.count(Double(backups))) backups"
    let rows = state.protection.rows.count
    return [
      figure(
        "Protection recompute after a refresh, 10% changed (\(size); \(rows) rows)",
        Samples(recompute)),
      figure("refresh step with Protection open, 10% changed (\(size))", Samples(steps)),
      Figure(
        name: "view-model: Protection full pass (\(size))", median: Format.ms(Samples(full).median),
        p99: Format.ms(Samples(full).p99), target: "-", verdict: "-"),
    ]
  }

  /// Reduces an action and the merge steps it asks for, as the store does.
  private static func drive(_ state: inout BrowserState, _ action: Action) {
    var next: Action? = action
    while let current = next {
      let effects = reduce(&state, current)
      next =
        effects.compactMap { effect -> Action? in
          if case .continueMerge(let kind, let region) = effect {
            return .continueMerge(kind, region: region)
          }
          return nil
        }.first
    }
  }

  private static func figure(_ name: String, _ samples: Samples) -> Figure {
    Figure(
      name: "view-model: " + name, median: Format.ms(samples.median), p99: Format.ms(samples.p99),
      target: "p99 < 16 ms", verdict: Format.verdict(samples.p99 < 16))
  }

  /// Backups spread over the instances and 100 days, one in five incremental, every
  /// twentieth failed, every tenth still building.
  static func sampleBackups(count: Int, instances: Int, now: Date) -> [Backup] {
    var result: [Backup] = []
    result.reserveCapacity(count)
    var lastFull: [Int: String] = [:]
    for i in 0..<count {
      let owner = i % instances
      let id = "b\(String(i, radix: 16))-0000-4000-8000-\(1_000_000_000 + i)"
      let created = now.addingTimeInterval(-Double(count - i) * 100 * 86_400 / Double(count))
      let status: BackupStatus = i % 10 == 0 ? .building : (i % 20 == 5 ? .failed : .completed)
      let parent = i % 5 == 0 ? lastFull[owner] : nil
      if status == .completed && parent == nil { lastFull[owner] = id }
      result.append(
        Backup(
          id: id, name: "db-\(owner)-\(i)", instanceID: "inst-\(owner)", parentID: parent,
          size: Double(i % 200) / 4, status: status, created: created))
    }
    return result
  }
}
