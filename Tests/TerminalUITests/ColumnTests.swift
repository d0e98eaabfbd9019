import CloudClient
import Foundation
import Testing

@testable import BrowserModel
@testable import TerminalUI

/// Columns added through a descriptor, one file each, as the operator sees them.
@Suite("descriptor columns")
struct ColumnTests {
  @Test("backups show their instance's name, from the Instances list")
  func instanceName() throws {
    let frame = Fixtures.render(Fixtures.state(), 200, 60)
    let header = frame.lines[try #require(frame.row(containing: "NAME"))]
    #expect(header.contains("INSTANCE "))
    #expect(
      frame.lines[try #require(frame.row(containing: "nightly-orders"))].contains("orders-db"))
    #expect(frame.lines.contains { $0.contains("users-db") })
    // Until the Instances list has it, the ID stands in.
    var state = Fixtures.state()
    state.withPane(.instances) { $0.setRows([]) }
    let unknown = Fixtures.render(state, 200, 60)
    #expect(!unknown.lines.contains { $0.contains("orders-db") })
    #expect(
      unknown.lines[try #require(unknown.row(containing: "nightly-orders"))].contains(
        "i2000000-0000-4000"))
  }

  @Test("snapshots show their volume's name, from the Volumes list")
  func volumeName() throws {
    var state = Fixtures.state()
    _ = reduce(&state, .focusPane(.snapshots))
    let frame = Fixtures.render(state, 200, 60)
    let header = frame.lines[try #require(frame.row(containing: "NAME"))]
    #expect(header.contains("VOLUME "))
    // The list is the left 3/5 of a wide screen; the detail on the right names the volume too.
    let list = frame.lines.map { String($0.prefix(120)) }
    #expect(list.contains { $0.contains("pre-upgrade") && $0.contains("data-vol") })
    #expect(frame.lines[try #require(frame.row(containing: "weekly"))].contains("scratch"))
    // Until the Volumes list has it, the ID stands in.
    state.withPane(.volumes) { $0.setRows([]) }
    let unknown = Fixtures.render(state, 200, 60)
    #expect(
      unknown.lines[try #require(unknown.row(containing: "weekly"))].contains("v4000000-0000"))
  }

  @Test("t switches CREATED to an AGE column (3h, 2d) and back, keeping the sort")
  func ages() throws {
    var state = Fixtures.state()
    #expect(KeyMap.action(for: .char("t"), in: state).map { "\($0)" } == "toggleTimes")
    _ = reduce(&state, .toggleTimes)
    let frame = Fixtures.render(state, 200, 60)
    let header = frame.lines[try #require(frame.row(containing: "NAME"))]
    #expect(header.contains("AGE▼"))
    #expect(!header.contains("CREATED"))
    let list = frame.lines.map { String($0.prefix(120)) }
    // nightly-orders was created an hour before `now`, 数据库备份 a day before that.
    #expect(list.contains { $0.contains("nightly-orders") && $0.contains(" 1h ") })
    #expect(list.contains { $0.contains("数据库备份") && $0.contains(" 1d ") })
    #expect(state.focused.sort.column == .created)
    _ = reduce(&state, .toggleTimes)
    let back = Fixtures.render(state, 200, 60)
    #expect(back.lines[try #require(back.row(containing: "NAME"))].contains("CREATED▼"))
  }

  @Test("ages use the unit that counts")
  func ageText() {
    let now = Fixtures.now
    #expect(Formatting.age(now.addingTimeInterval(-45), now: now) == "45s")
    #expect(Formatting.age(now.addingTimeInterval(-12 * 60 - 5), now: now) == "12m")
    #expect(Formatting.age(now.addingTimeInterval(-3 * 3600 - 59), now: now) == "3h")
    #expect(Formatting.age(now.addingTimeInterval(-2 * 86400 - 7200), now: now) == "2d")
    #expect(Formatting.age(now.addingTimeInterval(30), now: now) == "0s")
  }

  @Test("each pane's title totals the SIZE of its visible rows")
  func sizeTotals() {
    var state = Fixtures.state()
    #expect(Fixtures.render(state, 120, 30).lines[2].contains("Backups · ORD · 1.75 GB"))
    _ = reduce(&state, .beginFilter)
    for c in "nightly" { _ = reduce(&state, .editFilter(.insert(String(c)))) }
    #expect(Fixtures.render(state, 120, 30).lines[2].contains("Backups · ORD · 1.25 GB ·"))
    _ = reduce(&state, .cancelFilter)
    _ = reduce(&state, .reverseSort)
    #expect(state.focused.sizeTotal == 1.75)
    for (kind, total) in [
      (PaneKind.snapshots, "200 GB"), (.instances, "30 GB"), (.volumes, "150 GB"),
    ] {
      _ = reduce(&state, .focusPane(kind))
      #expect(Fixtures.render(state, 120, 30).lines[2].contains("· ORD · \(total)"), "\(kind)")
    }
    state.withPane(.volumes) { pane in
      pane.setRows(
        (0..<30).map { i in
          Row(
            region: "ORD",
            resource: .volume(Volume(id: "v\(i)", name: "v\(i)", status: "available", size: 100)))
        })
    }
    #expect(Fixtures.render(state, 120, 30).lines[2].contains("· ORD · 3.0 TB"))
  }
}
