import BrowserModel
import CloudClient
import Foundation

/// Memory for N backups and N snapshots as the simulator serves them (UUIDs, location URLs,
/// descriptions, project IDs: longer strings than `SampleData`), listed over loopback and
/// loaded the way the app loads them: the runner's `ListDiffer`, then `listUpdated`. The
/// growth counts the rows and the runner's baselines, after the decoded lists are released.
enum LoadedMemoryBench {
  static func run(_ settings: Settings, _ fixture: SimulatorFixture) async throws -> [Figure] {
    let before = ResidentMemory.bytes() ?? .nan
    let heapBefore = ResidentMemory.heapInUse() ?? .nan
    let now = Date()
    var state = BrowserState(
      profile: ProfileInfo(profileName: "bench", cloudName: "simulator"), region: .one("DFW"),
      availableRegions: ["DFW"], now: now)
    _ = reduce(&state, .start(now: now))
    let differ = ListDiffer()
    let session = fixture.session(keystone: false)
    var count = 0
    for kind in [PaneKind.backups, .snapshots] {
      let items: [Resource] =
        kind == .backups
        ? try await session.listBackups(region: "DFW").map(Resource.backup)
        : try await session.listSnapshots(region: "DFW").map(Resource.snapshot)
      count += items.count
      let update = differ.update(kind, region: "DFW", items, since: nil)
      _ = reduce(&state, .listUpdated(kind, region: "DFW", update, now: now))
    }
    try await session.shutdown()
    let after = ResidentMemory.bytes() ?? .nan
    let heapAfter = ResidentMemory.heapInUse() ?? .nan
    let rows = state.pane(.backups).rows.count + state.pane(.snapshots).rows.count
    guard rows >= count - 10 else { throw BenchError("loaded \(rows) of \(count) rows") }
    // What the runner's baselines hold alone: the heap left once the rows are let go.
    state = BrowserState(
      profile: ProfileInfo(profileName: "bench", cloudName: "simulator"), region: .one("DFW"),
      availableRegions: ["DFW"], now: now)
    let heapBaselines = (ResidentMemory.heapInUse() ?? .nan) - heapBefore
    withExtendedLifetime(differ) {}
    let kept = heapAfter - heapBefore
    let name = "memory: \(Format.count(Double(rows))) simulator-shaped rows + runner baselines"
    return [
      Figure(
        name: name + ", heap kept", median: Format.megabytes(heapAfter - heapBefore), p99: "-",
        target: "-", verdict: "-"),
      Figure(
        name: name + ", heap per row (of it the baselines')",
        median:
          "\(Int((kept / Double(rows)).rounded())) bytes (\(Int((heapBaselines / Double(rows)).rounded())))",
        p99: "-", target: "toward 300 bytes", verdict: "-"),
      Figure(
        name: name + ", RSS growth", median: Format.megabytes(after - before), p99: "-",
        target: "-", verdict: "-"),
    ]
  }
}
