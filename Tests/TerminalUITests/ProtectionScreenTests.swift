import CloudClient
import Foundation
import Testing

@testable import BrowserModel
@testable import TerminalUI

/// The Protection view as frames: verdicts in their colours (red, amber, green), worst first,
/// its tab active, orphans and totals under the table, "no schedules on this cloud" where
/// there are none, and narrow terminals.
@Suite("Protection view (screen)")
struct ProtectionScreenTests {
  static let now = Date(timeIntervalSince1970: 1_800_000_000)

  static func state(schedules: [BackupSchedule]? = nil, region: RegionSelection = .one("DFW"))
    -> BrowserState
  {
    var state = BrowserState(
      profile: ProfileInfo(profileName: "test", cloudName: "sample"), region: region,
      availableRegions: ["DFW"], now: now)
    _ = reduce(&state, .start(now: now))
    func backup(_ id: String, _ owner: String, _ status: BackupStatus, _ hours: Double) -> Resource
    {
      .backup(
        Backup(
          id: id, name: id, instanceID: owner, size: 1.5, status: status,
          created: now.addingTimeInterval(-hours * 3600)))
    }
    let instances: [Resource] = [
      .instance(DatabaseInstance(id: "i-ok", name: "orders-db", status: "ACTIVE")),
      .instance(DatabaseInstance(id: "i-never", name: "billing-db", status: "ACTIVE")),
      .instance(DatabaseInstance(id: "i-old", name: "archive-db", status: "ACTIVE")),
    ]
    let backups = [
      backup("b-ok", "i-ok", .completed, 3), backup("b-old", "i-old", .completed, 30),
      backup("b-orphan", "i-gone", .completed, 500),
    ]
    _ = reduce(&state, .listLoaded(.instances, region: "DFW", .success(instances), now: now))
    _ = reduce(&state, .listLoaded(.backups, region: "DFW", .success(backups), now: now))
    _ = reduce(&state, .listLoaded(.volumes, region: "DFW", .success([]), now: now))
    _ = reduce(&state, .listLoaded(.snapshots, region: "DFW", .success([]), now: now))
    _ = reduce(&state, .protection(.open))
    _ = reduce(&state, .protection(.schedulesLoaded(region: "DFW", .success(schedules), now: now)))
    return state
  }

  @Test("rows worst first, each verdict in its colour, the Protection tab active")
  func verdictColours() {
    let frame = Fixtures.render(Self.state(schedules: []), 160, 30)
    #expect(frame.isFreeOfControls)
    let never = try! #require(frame.row(containing: "billing-db"))
    let old = try! #require(frame.row(containing: "archive-db"))
    let ok = try! #require(frame.row(containing: "orders-db"))
    #expect(never < old && old < ok)
    #expect(frame.lines[never].contains("never backed up"))
    #expect(frame.lines[old].contains("ageing"))
    #expect(frame.lines[ok].contains("protected"))
    // The first row is selected; the others carry their verdict's colour.
    #expect(frame.style(of: "ageing")?.role == .statusProgress)
    #expect(frame.style(of: "protected  ")?.role == .statusOk)
    #expect(frame.style(of: "5 Protection")?.role == .tabActive)
    #expect(frame.style(of: "1 Backups")?.role == .tab)
    #expect(frame.lines[1].contains("5 Protection 2"))
    #expect(frame.text.contains("Protection · DFW · 2 not protected"))
    #expect(frame.text.contains("1 orphan (1.5"))
    #expect(frame.text.contains("orphan backup b-orphan (DFW): instance i-gone is gone"))
    #expect(frame.text.contains("GB: DFW backups 3 GB, snapshots 0 GB, orphans 1.5"))
    #expect(!frame.text.contains("no schedules on this cloud"))
  }

  @Test("the selected row is highlighted and moves with j")
  func selection() {
    var state = Self.state(schedules: [])
    let before = Fixtures.render(state, 160, 30)
    let first = try! #require(before.row(containing: "billing-db"))
    #expect(before.styleMap[first].contains("S"))
    _ = reduce(&state, .protection(.move(by: 1)))
    let after = Fixtures.render(state, 160, 30)
    #expect(!after.styleMap[first].contains("S"))
    #expect(after.styleMap[try! #require(after.row(containing: "archive-db"))].contains("S"))
  }

  @Test("schedules show with their next run; without /schedules the view says so")
  func schedules() {
    let schedule = BackupSchedule(
      id: "s", instanceID: "i-ok", dayOfWeek: 0, hour: 23, minute: 30,
      created: Self.now.addingTimeInterval(-86_400 * 10))
    let with = Fixtures.render(Self.state(schedules: [schedule]), 160, 30)
    let row = try! #require(with.row(containing: "orders-db"))
    #expect(with.lines[row].contains("23:30 full Sun"))
    #expect(with.lines[row].contains("in "))
    let without = Fixtures.render(Self.state(schedules: nil), 160, 30)
    #expect(without.text.contains("no schedules on this cloud (DFW)"))
  }

  @Test(
    "narrow terminals keep the verdict and the name; 10x4 asks to enlarge",
    arguments: [
      (80, 24), (40, 12),
    ])
  func narrow(size: (Int, Int)) {
    let frame = Fixtures.render(Self.state(schedules: []), size.0, size.1)
    #expect(frame.isFreeOfControls)
    let row = try! #require(frame.row(containing: "billing"))
    #expect(frame.lines[row].contains("never"))
    let tiny = Fixtures.render(Self.state(schedules: []), 10, 4)
    #expect(tiny.text.contains("small"))
  }

  @Test("all regions add a REGION column")
  func allRegions() {
    let frame = Fixtures.render(Self.state(schedules: [], region: .all), 160, 30)
    #expect(frame.row(containing: "REGION") != nil)
  }
}
